// The top of every conversation: reads what the person wants and opens the right journey, or
// answers the small things (greeting, help, goodbye, out of scope) itself.
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type DialogState,
  type WaterfallStepContext,
  type DialogTurnResult,
} from '../src/bot/dialogKit.js';
import { MessageFactory, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { BotServices } from '../src/bot/services.js';
import { sourceField } from '../src/bot/conversationSource.js';
import { askIfUnsure, isUnsure } from '../src/bot/didYouMean.js';
import { getUnderstanding } from '../src/bot/turnUnderstanding.js';
import { JOURNEY_ROUTES, type JourneyRoute } from '../src/content/conversation.js';
import { markAnswered, markJourney, markUnanswered } from '../src/handoff/handoffTurn.js';
import type { Route } from '../src/understanding/types.js';
import {
  FEEDBACK_DIALOG,
  FeedbackDialog,
  type FeedbackOptions,
  type FeedbackResult,
} from './feedbackDialog.js';
import { HandoffCallbackDialog } from './handoffCallbackDialog.js';
import { HANDOFF_DIALOG, HandoffDialog } from './handoffDialog.js';
import { planFirst } from '../src/plan/planRouting.js';
import { journeyFactories } from './journeyRegistry.js';
import type { JourneyOptions } from './journeyOptions.js';
import { menuMessage, paragraphs, welcomeFor } from './menu.js';

export const MAIN_DIALOG = 'main';

/** What the routing waterfall remembers between its steps. */
interface StepValues {
  journey?: JourneyRoute;
}
const ROUTE_WATERFALL = 'main-route';

export function isJourney(route: Route): route is JourneyRoute {
  return (JOURNEY_ROUTES as readonly string[]).includes(route);
}

export class MainDialog extends ComponentDialog {
  constructor(private readonly services: BotServices) {
    super(MAIN_DIALOG);
    for (const factory of Object.values(journeyFactories)) this.addDialog(factory(services));
    this.addDialog(new FeedbackDialog(services));
    this.addDialog(new HandoffDialog(services));
    this.addDialog(new HandoffCallbackDialog(services));
    this.addDialog(
      new WaterfallDialog(ROUTE_WATERFALL, [
        this.routeStep.bind(this),
        this.feedbackStep.bind(this),
        this.endStep.bind(this),
      ]),
    );
    this.initialDialogId = ROUTE_WATERFALL;
  }

  /** The top-level dialog set holding only this dialog: made once per state accessor, not per turn. */
  private readonly dialogSets = new WeakMap<StatePropertyAccessor<DialogState>, DialogSet>();

  private dialogSetFor(accessor: StatePropertyAccessor<DialogState>): DialogSet {
    let dialogSet = this.dialogSets.get(accessor);
    if (!dialogSet) {
      dialogSet = new DialogSet(accessor);
      dialogSet.add(this);
      this.dialogSets.set(accessor, dialogSet);
    }
    return dialogSet;
  }

  /** Continues the active journey, or starts from the top when there is none. */
  async run(context: TurnContext, accessor: StatePropertyAccessor<DialogState>): Promise<void> {
    const dc = await this.dialogSetFor(accessor).createContext(context);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id);
  }

  /** Opens a journey directly, e.g. from a deep link, ending whatever was in progress. */
  async openJourney(
    context: TurnContext,
    accessor: StatePropertyAccessor<DialogState>,
    route: JourneyRoute,
    options: JourneyOptions,
  ): Promise<void> {
    const dc = await this.dialogSetFor(accessor).createContext(context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(this.id, { route, ...options });
  }

  /** Opens one of this dialog's own dialogs (e.g. the call-back request), ending whatever was in progress. */
  async openDialog(
    context: TurnContext,
    accessor: StatePropertyAccessor<DialogState>,
    dialogId: string,
  ): Promise<void> {
    const dc = await this.dialogSetFor(accessor).createContext(context);
    await dc.cancelAllDialogs();
    await dc.beginDialog(this.id, { dialog: dialogId });
  }

  private async beginJourney(step: WaterfallStepContext, route: JourneyRoute, options: JourneyOptions) {
    (step.values as StepValues).journey = route;
    markJourney(step.context, route);
    const channel = step.context.activity.channelId;
    await this.services.insights.record({
      type: 'journey_started',
      journey: route,
      channel,
      ...sourceField(step.context),
    });
    return step.beginDialog(route, options);
  }

  private async routeStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const opened = step.options as ({ route?: JourneyRoute; dialog?: string } & JourneyOptions) | undefined;
    if (opened?.route) return this.beginJourney(step, opened.route, { start: opened.start });
    if (opened?.dialog) return step.beginDialog(opened.dialog);

    const understood = getUnderstanding(step.context);
    const { conversation } = this.services.content;
    const { channelId, text } = step.context.activity;
    // A question about the partnership or its plan goes to the plan even when a resident journey
    // scores close (that journey is offered as a button); in Teams the plan is preferred.
    const planDecision = text
      ? planFirst(this.services.content.plan, { text, channelId, understood })
      : undefined;
    if (planDecision)
      return this.beginJourney(step, 'themes', { utterance: text, offer: planDecision.offer });
    let route = understood?.route ?? 'help';
    // A question the recogniser cannot place but the partnership plan answers (an acronym, a
    // section name) opens the plan journey rather than "I can't help with that".
    const unplaced = route === 'out_of_scope' || (understood !== undefined && isUnsure(understood));
    if (unplaced && text && this.services.content.plan.ask(text).kind === 'answer') {
      route = 'themes';
    } else if (await askIfUnsure(step.context, this.services, understood)) {
      // Unsure: "Did you mean ...?" with buttons, instead of a guess.
      markUnanswered(step.context);
      return step.endDialog();
    }
    if (isJourney(route)) return this.beginJourney(step, route, { utterance: step.context.activity.text });
    if (route === 'human') return step.beginDialog(HANDOFF_DIALOG);
    // The hand-off offers a person after two unanswered messages in a row.
    if (!['greeting', 'help', 'cancel', 'goodbye'].includes(route)) markUnanswered(step.context);
    else markAnswered(step.context);
    switch (route) {
      case 'greeting':
        await step.context.sendActivity(
          menuMessage(conversation, paragraphs(welcomeFor(conversation, channelId)), channelId),
        );
        break;
      case 'help':
        // One batch: both reach the channel together, in order.
        await step.context.sendActivities([
          MessageFactory.text(paragraphs(conversation.help)),
          menuMessage(conversation, undefined, channelId),
        ]);
        break;
      case 'cancel':
        await step.context.sendActivity(menuMessage(conversation, undefined, channelId));
        break;
      case 'goodbye':
        await step.context.sendActivity(conversation.goodbye);
        break;
      case 'out_of_scope':
        await step.context.sendActivity(menuMessage(conversation, conversation.outOfScope, channelId));
        break;
      default:
        // 'crisis' is answered by the safeguarding middleware before any dialog runs; anything
        // unexpected here still gets an honest answer and the menu.
        await step.context.sendActivity(menuMessage(conversation, conversation.notUnderstood, channelId));
    }
    return step.endDialog();
  }

  /** A journey that reached its end returns { completed: true }: count it and ask if it helped. */
  private async feedbackStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const result = step.result as ({ completed?: boolean } & FeedbackResult) | undefined;
    // A journey that heard a request for something else passes the message on to be routed.
    if (result?.passOn) return step.replaceDialog(ROUTE_WATERFALL);
    const { journey } = step.values as StepValues;
    if (!result?.completed || !journey) return step.endDialog(step.result);
    const channel = step.context.activity.channelId;
    await this.services.insights.record({
      type: 'journey_completed',
      journey,
      channel,
      ...sourceField(step.context),
    });
    return step.beginDialog(FEEDBACK_DIALOG, { journey } satisfies FeedbackOptions);
  }

  /** Someone who answered "Did this help?" with a new question gets that question answered. */
  private async endStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.result as FeedbackResult | undefined)?.passOn) return step.replaceDialog(ROUTE_WATERFALL);
    return step.endDialog();
  }
}
