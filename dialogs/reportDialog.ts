// How to report: at most two questions pick the route (fewer when the opening words already say
// it), then a card with tap-to-call and link buttons. The bot takes no reports itself and says so.
import type { TurnContext } from 'botbuilder';
import { WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { cardMessage } from '../src/cards/cards.js';
import { reportRouteCard } from '../src/cards/reportRouteCard.js';
import { matchChoice } from '../src/content/matchChoice.js';
import type { ReportQuestion } from '../src/content/reporting.js';
import { ResidentJourneyDialog } from './residentJourneyDialog.js';
import { BACK, backChoice, ChoiceTextPrompt, choicePromptOptions } from './choiceQuestion.js';
import type { JourneyOptions } from './journeyOptions.js';

export const REPORT_DIALOG = 'report';
const FLOW = 'report-flow';
const CHOICE = 'report-choice';
const START = 'start';

/** Where the flow is: which question to ask, and whether the notice has been shown yet. */
interface FlowState {
  questionId: string;
  noticeShown: boolean;
}

interface StepValues {
  state: FlowState;
}

export class ReportDialog extends ResidentJourneyDialog {
  constructor(services: BotServices) {
    super(REPORT_DIALOG, services);
    this.addDialog(new ChoiceTextPrompt(CHOICE));
    this.addDialog(new WaterfallDialog(FLOW, [this.askStep.bind(this), this.answerStep.bind(this)]));
    this.initialDialogId = FLOW;
  }

  private get guide() {
    return this.services.content.reporting;
  }

  private async askStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const state = this.flowState(step);
    if ('routeId' in state) {
      await this.showRoute(step.context, state.routeId);
      return step.endDialog({ completed: true });
    }
    (step.values as StepValues).state = state;
    const question = this.question(state.questionId);
    const choices = state.questionId === START ? question.choices : [...question.choices, backChoice];
    const text = [state.noticeShown ? '' : this.guide.notice, question.explain ?? '', question.prompt]
      .filter(Boolean)
      .join('\n\n');
    // Someone who types what happened is reminded that the chat does not pass it on.
    const asked = { key: `report:${state.questionId}`, choices };
    return step.prompt(
      CHOICE,
      choicePromptOptions(text, asked, step.context.activity.channelId, this.guide.notice),
    );
  }

  private async answerStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { state } = step.values as StepValues;
    const answer = step.result as string;
    if (answer === BACK) return step.replaceDialog(FLOW, { questionId: START, noticeShown: true });
    const choice = this.question(state.questionId).choices.find((c) => c.id === answer);
    if (choice?.next) return step.replaceDialog(FLOW, { questionId: choice.next, noticeShown: true });
    if (!choice?.route) return step.replaceDialog(FLOW, state);
    await this.showRoute(step.context, choice.route);
    return step.endDialog({ completed: true });
  }

  /** The state on entry: from the previous loop, or from the words that opened the journey. */
  private flowState(step: WaterfallStepContext): FlowState | { routeId: string } {
    const options = step.options as Partial<FlowState> & JourneyOptions;
    if (options?.questionId) return { questionId: options.questionId, noticeShown: !!options.noticeShown };
    // A deep link may name a route, e.g. ?journey=report&route=fraud; unknown values are ignored.
    const linked = options?.start?.route;
    if (linked && this.guide.routes.some((r) => r.id === linked)) return { routeId: linked };
    const opening = options?.utterance ?? '';
    const first = matchChoice(opening, this.guide.start.choices, {}, { byPosition: false });
    if (first?.route) return { routeId: first.route };
    if (first?.next) {
      const second = matchChoice(opening, this.guide.question(first.next).choices, {}, { byPosition: false });
      if (second?.route) return { routeId: second.route };
      return { questionId: first.next, noticeShown: false };
    }
    return { questionId: START, noticeShown: false };
  }

  private question(id: string): ReportQuestion {
    return id === START ? this.guide.start : this.guide.question(id);
  }

  private async showRoute(context: TurnContext, routeId: string): Promise<void> {
    const route = this.guide.route(routeId);
    const services = route.services
      .map((id) => this.services.content.services.get(id))
      .filter((s) => !s.unconfirmed);
    await context.sendActivity(
      cardMessage(reportRouteCard(route, services, this.guide.notice), context.activity.channelId),
    );
    // The main dialog asks "Did this help?" next, and any journey can be chosen from there.
    await context.sendActivity(this.guide.file.afterRoute);
  }
}
