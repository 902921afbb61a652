// The plan journey: professionals (and curious residents) ask about the Safer Kingston
// Partnership Plan 2024-2029 in their own words, or browse it priority -> commitment and
// theme -> passage. Answers are cards with the plan section they come from and two related
// topics; when the plan does not answer, it says so, offers the closest topics and records the
// question for the staff insights (the insights redact personal data before anything is kept).
import { Dialog, type DialogContext, type DialogTurnResult } from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { getUnderstanding } from '../src/bot/turnUnderstanding.js';
import { cardMessage, type AdaptiveCard } from '../src/cards/cards.js';
import { planActionSchema } from '../src/plan/planActions.js';
import type { JourneyRoute } from '../src/content/conversation.js';
import type { PlanReply } from '../src/plan/planGuide.js';
import { PlanResponder } from '../src/plan/planResponder.js';
import { followUpKind, leavePlanFor } from '../src/plan/planRouting.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import type { FeedbackResult } from './feedbackDialog.js';
import type { JourneyOptions } from './journeyOptions.js';

export const THEMES_DIALOG = 'themes';
const PLAN_TURNS = 'themes-turns';

/** What the journey remembers between turns: the topic last answered, for follow-ups. */
interface PlanTurnState {
  lastTopic?: string;
  lastPassage?: string;
}
/** Asking to browse rather than asking a question. */
const BROWSE =
  /^(browse|topics|plan menu|contents|show (me )?the plan|the plan|partnership plan|about the (partnership )?plan)\W*$/i;

export class ThemesDialog extends CancelAndHelpDialog {
  constructor(services: BotServices) {
    super(THEMES_DIALOG, services);
    this.addDialog(new PlanTurnsDialog(services));
    this.initialDialogId = PLAN_TURNS;
  }
}

/** Answers every turn of the journey and waits for the next question until the person leaves. */
class PlanTurnsDialog extends Dialog<JourneyOptions> {
  private readonly responder: PlanResponder;

  constructor(private readonly services: BotServices) {
    super(PLAN_TURNS);
    this.responder = new PlanResponder(services.content.plan);
  }

  override async beginDialog(dc: DialogContext, options?: JourneyOptions): Promise<DialogTurnResult> {
    const start = options?.start ?? {};
    const opening = start.passage
      ? { planAction: 'passage', id: start.passage }
      : start.topic
        ? { planAction: 'topic', id: start.topic }
        : undefined;
    await this.reply(dc, options?.utterance, opening, options?.offer);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const text = dc.context.activity.text?.trim() ?? '';
    const elsewhere = leavePlanFor(this.services.content.plan, {
      text,
      understood: getUnderstanding(dc.context),
    });
    if (elsewhere && !planActionSchema.safeParse(dc.context.activity.value).success) {
      // The person wants something else: end here and let the main dialog route their message.
      return dc.endDialog({ passOn: true } satisfies FeedbackResult);
    }
    await this.reply(dc, text);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: DialogContext['context']): Promise<void> {
    await context.sendActivity(this.services.content.plan.knowledge.wording.askAnother);
  }

  private async reply(
    dc: DialogContext,
    utterance: string | undefined,
    opening?: unknown,
    offer?: JourneyRoute,
  ): Promise<void> {
    const channelId = dc.context.activity.channelId;
    const card = await this.cardFor(dc, utterance?.trim() ?? '', opening, offer);
    await dc.context.sendActivity(cardMessage(card, channelId));
  }

  private async cardFor(
    dc: DialogContext,
    text: string,
    opening?: unknown,
    offer?: JourneyRoute,
  ): Promise<AdaptiveCard> {
    const state = dc.activeDialog?.state as PlanTurnState | undefined;
    const action = planActionSchema.safeParse(opening ?? dc.context.activity.value);
    if (action.success) {
      const id = 'id' in action.data ? String(action.data.id).split('/')[0] : undefined;
      if (state && id && this.services.content.plan.findTopic(id)) state.lastTopic = id;
      return this.responder.act(action.data) ?? this.responder.menu();
    }
    if (!text || BROWSE.test(text) || this.isThemesLabel(text)) return this.responder.menu();

    const reply = this.askInContext(text, state);
    if (reply.kind === 'answer') {
      if (state) Object.assign(state, { lastTopic: reply.topic.id, lastPassage: reply.passage.id });
      return this.responder.answer(reply, offer);
    }
    await this.services.insights.record({ type: 'unanswered', kind: 'no_answer', text });
    return this.responder.notKnown(reply.closest, reply.where);
  }

  /**
   * A short follow-up that names no topic ("and for housing?", "who leads on that?") is read
   * against the topic just answered: asked with that topic's title when it refers back (unless
   * that only repeats the last answer), or when it cannot be answered on its own.
   */
  private askInContext(text: string, state: PlanTurnState | undefined): PlanReply {
    const plan = this.services.content.plan;
    const topic = state?.lastTopic ? plan.findTopic(state.lastTopic) : undefined;
    const kind = topic ? followUpKind(text) : undefined;
    if (!topic || !kind) return plan.ask(text);
    // The passage just shown is left out: a follow-up asks for something more.
    const withTopic = () => plan.ask(`${text} ${topic.title}`, state?.lastPassage);
    if (kind === 'refers-back') {
      const reply = withTopic();
      // The answer must share a word with the follow-up itself, not only with the topic's title.
      const ownWords =
        reply.kind === 'answer' && plan.search(text).some((r) => r.passage.id === reply.passage.id);
      return ownWords || (reply.kind === 'unknown' && reply.declined) ? reply : plan.ask(text);
    }
    const alone = plan.ask(text);
    return alone.kind === 'answer' || alone.declined ? alone : withTopic();
  }

  private isThemesLabel(text: string): boolean {
    const label = this.services.content.conversation.journeys.find((j) => j.route === THEMES_DIALOG)?.label;
    return !!label && label.trim().toLowerCase() === text.toLowerCase();
  }
}
