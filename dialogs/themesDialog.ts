// The plan journey: professionals (and curious residents) ask about the Safer Kingston
// Partnership Plan 2024-2029 in their own words, or browse it priority -> commitment and
// theme -> passage. Answers are cards with the plan section they come from and two related
// topics; when the plan does not answer, it says so, offers the closest topics and records the
// question for the staff insights (the insights redact personal data before anything is kept).
import { Dialog, type DialogContext, type DialogTurnResult } from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { getUnderstanding } from '../src/bot/turnUnderstanding.js';
import { cardMessage, type AdaptiveCard } from '../src/cards/cards.js';
import { JOURNEY_ROUTES } from '../src/content/conversation.js';
import { planActionSchema } from '../src/plan/planActions.js';
import { PlanResponder } from '../src/plan/planResponder.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import type { FeedbackResult } from './feedbackDialog.js';
import type { JourneyOptions } from './journeyOptions.js';

export const THEMES_DIALOG = 'themes';
const PLAN_TURNS = 'themes-turns';

/** A message naming another journey this surely, and not the plan, leaves the plan journey. */
const HANDOFF_CONFIDENCE = 0.8;
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
    await this.reply(dc, options?.utterance, opening);
    return Dialog.EndOfTurn;
  }

  override async continueDialog(dc: DialogContext): Promise<DialogTurnResult> {
    const text = dc.context.activity.text?.trim() ?? '';
    if (this.wantsAnotherJourney(dc) && !planActionSchema.safeParse(dc.context.activity.value).success) {
      // The person wants something else: end here and let the main dialog route their message.
      return dc.endDialog({ passOn: true } satisfies FeedbackResult);
    }
    await this.reply(dc, text);
    return Dialog.EndOfTurn;
  }

  override async repromptDialog(context: DialogContext['context']): Promise<void> {
    await context.sendActivity(this.services.content.plan.knowledge.wording.askAnother);
  }

  private async reply(dc: DialogContext, utterance: string | undefined, opening?: unknown): Promise<void> {
    const channelId = dc.context.activity.channelId;
    const card = await this.cardFor(dc, utterance?.trim() ?? '', opening);
    await dc.context.sendActivity(cardMessage(card, channelId));
  }

  private async cardFor(dc: DialogContext, text: string, opening?: unknown): Promise<AdaptiveCard> {
    const action = planActionSchema.safeParse(opening ?? dc.context.activity.value);
    if (action.success) return this.responder.act(action.data) ?? this.responder.menu();
    if (!text || BROWSE.test(text) || this.isThemesLabel(text)) return this.responder.menu();

    const reply = this.services.content.plan.ask(text);
    if (reply.kind === 'answer') return this.responder.answer(reply);
    await this.services.insights.record({ type: 'unanswered', kind: 'no_answer', text });
    return this.responder.notKnown(reply.closest, reply.where);
  }

  /** True when the recogniser is sure of another journey and does not also hear the plan. */
  private wantsAnotherJourney(dc: DialogContext): boolean {
    const understood = getUnderstanding(dc.context);
    if (!understood || understood.score < HANDOFF_CONFIDENCE) return false;
    const { route } = understood;
    if (route === THEMES_DIALOG || !(JOURNEY_ROUTES as readonly string[]).includes(route)) return false;
    return !understood.alternatives.some((a) => a.route === THEMES_DIALOG);
  }

  private isThemesLabel(text: string): boolean {
    const label = this.services.content.conversation.journeys.find((j) => j.route === THEMES_DIALOG)?.label;
    return !!label && label.trim().toLowerCase() === text.toLowerCase();
  }
}
