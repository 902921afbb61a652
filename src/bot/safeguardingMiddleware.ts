// Risk to life first, every time: runs on every message, in every state and channel, before any
// dialog. A crisis gets 999 (and how to call when you cannot speak) in the first reply, then the
// right next line, then "Are you safe right now?". The journey the person was in is left exactly
// where it was and resumes when they are ready.
import {
  ActivityTypes,
  MessageFactory,
  type ConversationState,
  type Middleware,
  type StatePropertyAccessor,
  type TurnContext,
} from 'botbuilder';
import { z } from 'zod';
import { menuMessage } from '../../dialogs/menu.js';
import { detectCrisis, guessCrisisKind, type CrisisKind } from '../understanding/crisisRules.js';
import { normalise } from '../understanding/normalise.js';
import type { BotServices } from './services.js';
import { getUnderstanding } from './turnUnderstanding.js';

type Answer = 'safe' | 'notSafe' | 'back';

interface SafeguardingState {
  /** Set after a crisis reply until the person answers or moves on. */
  asked?: boolean;
}

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
    const text = normalise(context.activity.text ?? '');
    const rule = detectCrisis(text);
    if (rule || getUnderstanding(context)?.route === 'crisis') {
      await this.answerCrisis(context, rule?.kind ?? guessCrisisKind(text));
      return;
    }
    const state = await this.state.get(context, {});
    if (!state.asked) return next();
    const answer = this.answerTo(context, text);
    if (!answer) {
      // They moved on: whatever they wrote goes to the journey as usual.
      await this.state.set(context, {});
      return next();
    }
    await this.followUp(context, answer);
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

  private async answerCrisis(context: TurnContext, kind: CrisisKind): Promise<void> {
    const { safeguarding } = this.services.content;
    await context.sendActivity(MessageFactory.text(safeguarding.firstReply(kind).join('\n\n')));
    await context.sendActivity(
      this.question(`${safeguarding.text.question}\n\n${safeguarding.reply('offerBack')}`),
    );
    await this.state.set(context, { asked: true });
    await this.conversationState.saveChanges(context);
    this.services.logger.info('safeguarding_reply', { kind, channel: context.activity.channelId });
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
