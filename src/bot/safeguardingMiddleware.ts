// Risk to life first, every time: runs on every message, in every state and channel, before any
// dialog. The decision (src/understanding/safetyDecision.ts) reads the message alone, plus one or
// two short messages just before it, never the journey.
// - certain: the full crisis reply: 999 (and how to call when you cannot speak) first, then the
//   first steps for that kind of emergency, a "Call 999" button where the channel can dial, then
//   "Are you safe right now?". The journey is left exactly where it was and resumes when they are ready.
// - possible: the normal reply goes ahead, led by one short line with 999.
import {
  ActivityTypes,
  CardFactory,
  MessageFactory,
  type Activity,
  type ConversationState,
  type Middleware,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { menuMessage } from '../../dialogs/menu.js';
import type { HazardId } from '../understanding/crisisContent.js';
import { normalise } from '../understanding/normalise.js';
import {
  decideSafety,
  EARLIER_TURNS,
  isShortTurn,
  type SafetyDecision,
} from '../understanding/safetyDecision.js';
import { isFromDeskTeam } from '../handoff/deskTeam.js';
import type { BotServices } from './services.js';

type Answer = 'safe' | 'notSafe' | 'back';

interface SafeguardingState {
  /** Set after a crisis reply until the person answers or moves on. */
  asked?: boolean;
  /**
   * The safeguarding words of the last one or two short messages, so an emergency told in pieces
   * ("my toddler" / "alone by the road") is still seen. Kept a few minutes at most, never logged;
   * nothing personal (names, emails, numbers are not safeguarding words).
   */
  earlier?: { texts: string[]; at: number };
}

/** How long a short message is kept as context for the next one. */
const EARLIER_KEPT_MS = 5 * 60 * 1000;
/** Longer texts are never kept, whatever their word count. */
const MAX_KEPT_CHARS = 120;
/** Channels whose clients open a tel: link from a card button. */
const DIALLING_CHANNELS = new Set(['webchat', 'directline', 'msteams', 'emulator']);

/** A button's value is user input: parsed, not trusted. */
const buttonValue = z.object({ safeguarding: z.enum(['safe', 'notSafe', 'back']) }).passthrough();
const YES = /^(yes|yeah|yep|i am|i am safe|safe|i am ok|i am okay|i am fine|ok|okay)\b/;
const NO = /^(no|nope|nah|not really|i am not|not safe)\b/;

export class SafeguardingMiddleware implements Middleware {
  private readonly state: StatePropertyAccessor<SafeguardingState>;

  constructor(
    private readonly services: BotServices,
    private readonly conversationState: ConversationState,
    /** Sends `intro` and asks the waiting prompt again; false (and nothing sent) when no journey is in progress. */
    private readonly resumeJourney: (context: TurnContext, intro: string) => Promise<boolean>,
  ) {
    this.state = conversationState.createProperty<SafeguardingState>('safeguarding');
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== ActivityTypes.Message) return next();
    // Staff on the hand-off desk are answering residents, not asking for help themselves.
    if (isFromDeskTeam(context.activity, this.services.config.HANDOFF_TEAM_ID)) return next();
    const raw = context.activity.text ?? '';
    const state = await this.readState(context);
    const now = this.services.now().getTime();
    const earlier = state.earlier && now - state.earlier.at < EARLIER_KEPT_MS ? state.earlier.texts : [];
    const decision = this.decide(raw, earlier);
    if (decision.level === 'certain') {
      await this.answerCrisis(context, decision.hazard);
      return;
    }
    // Only the words the safeguarding content knows are kept, never the message itself.
    const kept =
      isShortTurn(decision) && raw.length <= MAX_KEPT_CHARS
        ? this.services.content.safeguarding.matcher.contentWords(raw)
        : '';
    // The same words again add nothing: the state is left as it is, so the turn writes nothing.
    const repeated = kept !== '' && earlier.length > 0 && earlier[earlier.length - 1] === kept;
    if (!repeated) {
      state.earlier = kept ? { texts: [...earlier, kept].slice(-EARLIER_TURNS), at: now } : undefined;
      await this.state.set(context, state);
    }
    if (decision.level === 'possible') {
      // Not a takeover: one line first, then the normal reply in the same turn.
      await context.sendActivity(this.services.content.safeguarding.possibleLine());
      await this.count('possible', decision.hazard);
    }
    if (!state.asked) return next();
    const answer = this.answerTo(context, normalise(raw));
    if (!answer) {
      // They moved on: whatever they wrote goes to the journey as usual.
      await this.state.set(context, { earlier: state.earlier });
      return next();
    }
    await this.followUp(context, answer);
  }

  /** The state, or nothing when storage fails: the check then reads this message alone. */
  private async readState(context: TurnContext): Promise<SafeguardingState> {
    try {
      return await this.state.get(context, {});
    } catch {
      return {};
    }
  }

  /** The recogniser's decision (matcher and classifier); the matcher alone if the recogniser fails. */
  private decide(text: string, earlier: string[]): SafetyDecision {
    const { recogniser, content } = this.services;
    try {
      if (recogniser.safety) return recogniser.safety(text, earlier);
    } catch {
      // Never let a classifier fault stop the check: fall through to the matcher.
    }
    return decideSafety(text, { matcher: content.safeguarding.matcher, earlier });
  }

  private async count(level: 'certain' | 'possible', hazard: HazardId | undefined): Promise<void> {
    await this.services.insights.record({ type: 'safeguarding', level, hazard: hazard ?? 'unclear' });
  }

  private answerTo(context: TurnContext, text: string): Answer | undefined {
    const value = buttonValue.safeParse(context.activity.value);
    if (value.success) return value.data.safeguarding;
    const { buttons } = this.services.content.safeguarding.text;
    if (text === normalise(buttons.safe) || YES.test(text)) return 'safe';
    if (text === normalise(buttons.notSafe) || NO.test(text)) return 'notSafe';
    if (text === normalise(buttons.back)) return 'back';
    return undefined;
  }

  private async answerCrisis(context: TurnContext, hazard: HazardId | undefined): Promise<void> {
    const { safeguarding } = this.services.content;
    await context.sendActivity(this.crisisReply(context, safeguarding.firstReply(hazard).join('\n\n')));
    await context.sendActivity(
      this.question(`${safeguarding.text.question}\n\n${safeguarding.reply('offerBack')}`),
    );
    await this.state.set(context, { asked: true });
    await this.conversationState.saveChanges(context);
    await this.count('certain', hazard);
    this.services.logger.info('safeguarding_reply', {
      hazard: hazard ?? 'unclear',
      channel: context.activity.channelId,
    });
  }

  /** The text, with 999 in it for every channel, and a tap-to-call button where the channel can dial. */
  private crisisReply(context: TurnContext, text: string): Partial<Activity> {
    if (!DIALLING_CHANNELS.has(context.activity.channelId)) return MessageFactory.text(text);
    const call = this.services.content.safeguarding.callButton();
    const card = CardFactory.heroCard('', undefined, [
      { type: 'openUrl', title: call.title, value: call.url },
    ]);
    return MessageFactory.attachment(card, text);
  }

  private async followUp(context: TurnContext, answer: Answer): Promise<void> {
    const { safeguarding, conversation } = this.services.content;
    if (answer === 'notSafe') {
      await context.sendActivity(safeguarding.reply('notSafe'));
      await context.sendActivity(this.question(safeguarding.text.question));
      await this.conversationState.saveChanges(context);
      return;
    }
    await this.state.set(context, {});
    if (answer === 'safe') await context.sendActivity(safeguarding.reply('safe'));
    const resumed = await this.resumeJourney(context, safeguarding.reply('resumed'));
    if (!resumed)
      await context.sendActivity(menuMessage(conversation, safeguarding.reply('nothingToResume')));
    await this.conversationState.saveChanges(context);
  }

  private question(text: string) {
    const { buttons } = this.services.content.safeguarding.text;
    return MessageFactory.suggestedActions([buttons.safe, buttons.notSafe, buttons.back], text);
  }
}
