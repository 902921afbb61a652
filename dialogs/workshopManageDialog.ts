// Look up, cancel or move a workshop booking, by reference and the email it was made with.
// Whether the reference or the email was wrong is never said, so neither can be guessed alone.
// What it says is in knowledge/signupMessages.yaml (manageBooking, and workshop for the sessions).
import {
  ComponentDialog,
  WaterfallDialog,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { fillCounted, fillTemplate } from '../src/content/templates.js';
import type { WorkshopSession } from '../src/content/workshops.js';
import type { BookingIntent } from '../src/signups/bookingText.js';
import { pickSession } from '../src/signups/bookingText.js';
import type { BookingService, FoundBooking, PromotedBooking } from '../src/signups/bookingService.js';
import { checkEmail } from '../src/signups/contactDetails.js';
import { findReference } from '../src/signups/references.js';
import { sessionChoiceSchema, submittedAction } from '../src/signups/submissions.js';
import { confirmationMessage, describeSession, sessionsMessage } from '../src/signups/workshopCards.js';
import { ChoiceTextPrompt, choicePromptOptions, type ChoiceQuestion } from './choiceQuestion.js';
import { CheckedPrompt, SignupPrompt, YesNoPrompt } from './signupPrompts.js';

export const WORKSHOP_MANAGE_DIALOG = 'workshop-manage';
const STEPS = 'workshop-manage-steps';
const REF = 'workshop-manage-ref';
const EMAIL = 'workshop-manage-email';
const ACTION = 'workshop-manage-action';
const CONFIRM = 'workshop-manage-confirm';
const TARGET = 'workshop-manage-target';

export interface ManageOptions {
  intent?: BookingIntent;
  ref?: string;
}

interface ManageValues {
  intent?: BookingIntent;
  ref?: string;
  email?: string;
  action?: 'cancel' | 'move';
}

export class WorkshopManageDialog extends ComponentDialog {
  constructor(
    private readonly services: BotServices,
    private readonly bookings: BookingService,
  ) {
    super(WORKSHOP_MANAGE_DIALOG);
    this.addDialog(
      new SignupPrompt(REF, async (pc) => {
        const ref = findReference(pc.context.activity.text ?? '');
        if (ref) pc.recognized.value = ref;
        return ref !== undefined;
      }),
    );
    this.addDialog(
      new CheckedPrompt(EMAIL, checkEmail, () => services.content.signupMessages.contactDetails),
    );
    this.addDialog(new ChoiceTextPrompt(ACTION));
    this.addDialog(new YesNoPrompt(CONFIRM, () => services.content.signupMessages.answers));
    this.addDialog(new SignupPrompt(TARGET, this.validateTarget.bind(this)));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.refStep.bind(this),
        this.emailStep.bind(this),
        this.findStep.bind(this),
        this.actionStep.bind(this),
        this.doStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private values(step: WaterfallStepContext): ManageValues {
    return step.values as ManageValues;
  }

  private get words() {
    return this.services.content.signupMessages.manageBooking;
  }

  private get workshopWords() {
    return this.services.content.signupMessages.workshop;
  }

  private async refStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as ManageOptions;
    this.values(step).intent = options.intent;
    if (options.ref) return step.next(options.ref);
    return step.prompt(REF, { prompt: this.words.askReference, retryPrompt: this.words.referenceRetry });
  }

  private emailStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    this.values(step).ref = String(step.result);
    const question = this.words.askEmail;
    return step.prompt(EMAIL, { prompt: question, retryPrompt: question });
  }

  private async findStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.email = String(step.result);
    const found = await this.bookings.find(String(values.ref), values.email);
    if (!found) {
      await step.context.sendActivity(this.words.notFound);
      return step.endDialog();
    }
    await step.context.sendActivity(this.describe(found));
    if (values.intent === 'cancel' || values.intent === 'move') return step.next(values.intent);
    const { actions } = this.words;
    const question: ChoiceQuestion = {
      key: 'workshop-manage:action',
      choices: (['cancel', 'move', 'keep'] as const).map((id) => ({ id, ...actions[id] })),
    };
    return step.prompt(
      ACTION,
      choicePromptOptions(
        this.words.whatNext,
        question,
        step.context.activity.channelId,
        this.words.whatNextRetry,
      ),
    );
  }

  private describe(found: FoundBooking): string {
    const words = this.words;
    const status =
      found.status === 'booked'
        ? found.promoted
          ? words.promoted
          : words.booked
        : // BookingService.find always gives a waiting booking its position.
          fillTemplate(words.waiting, { position: String(found.position) });
    return fillTemplate(words.found, {
      ref: found.ref,
      places: fillCounted(this.workshopWords.places, found.seats, { seats: found.seats }),
      session: describeSession(found.session),
      status,
    });
  }

  private async actionStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const action = String(step.result);
    if (action === 'keep') {
      await step.context.sendActivity(this.words.kept);
      return step.endDialog();
    }
    values.action = action as 'cancel' | 'move';
    if (values.action === 'cancel')
      return step.prompt(CONFIRM, {
        prompt: this.words.confirmCancel,
        retryPrompt: this.words.confirmCancelRetry,
      });
    const found = await this.bookings.find(String(values.ref), String(values.email));
    const others = (await this.bookings.upcoming()).filter((a) => a.session.id !== found?.session.id);
    if (!found || others.length === 0) {
      await step.context.sendActivity(this.words.noOtherSessions);
      return step.endDialog();
    }
    return step.prompt(TARGET, {
      prompt: sessionsMessage(
        others,
        this.words.moveTo,
        this.workshopWords.sessionList,
        step.context.activity.channelId,
      ),
      retryPrompt: this.workshopWords.sessionRetry,
      validations: others.map((a) => a.session.id),
    });
  }

  private async validateTarget(pc: PromptValidatorContext<string>): Promise<boolean> {
    const ids = pc.options.validations as string[];
    const value: unknown = pc.context.activity.value;
    if (value !== undefined && submittedAction(value) !== undefined) {
      const parsed = sessionChoiceSchema.safeParse(value);
      if (!parsed.success || !ids.includes(parsed.data.sessionId)) {
        await pc.context.sendActivity(this.workshopWords.sessionNotOffered);
        return false;
      }
      pc.recognized.value = parsed.data.sessionId;
      return true;
    }
    const offered = ids
      .map((id) => this.services.content.workshops.get(id))
      .filter((s): s is WorkshopSession => s !== undefined)
      .map((session) => ({ session }));
    const picked = pickSession(pc.context.activity.text ?? '', offered, this.services.now());
    if (picked) pc.recognized.value = picked.session.id;
    return picked !== undefined;
  }

  /** Counts the change for the staff dashboard: session ids and numbers only, no personal data. */
  private async count(
    action: 'cancelled' | 'moved',
    sessionId: string,
    seats: number,
    promoted: PromotedBooking[],
  ) {
    const { insights } = this.services;
    await insights.record({ type: 'booking', action, sessionId, seats });
    for (const p of promoted)
      await insights.record({ type: 'booking', action: 'promoted', sessionId, seats: p.seats });
  }

  private async doStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const ref = String(values.ref);
    const email = String(values.email);
    if (values.action === 'cancel') {
      if (step.result !== 'yes') {
        await step.context.sendActivity(this.words.kept);
        return step.endDialog();
      }
      const result = await this.bookings.cancel(ref, email);
      if (result.outcome === 'cancelled')
        await this.count('cancelled', result.session.id, result.seats, result.promoted);
      await step.context.sendActivity(
        result.outcome === 'cancelled'
          ? fillTemplate(this.words.cancelled, { ref })
          : result.outcome === 'past'
            ? this.words.cancelPast
            : this.words.cancelNotFound,
      );
      if (result.outcome === 'cancelled') this.services.notifier.notifyLater(result.promoted);
      return step.endDialog({ completed: result.outcome === 'cancelled' });
    }
    const moved = await this.bookings.move(ref, email, String(step.result), false);
    const completed = moved.outcome === 'moved';
    if (moved.outcome === 'moved') await this.count('moved', moved.from.id, moved.seats, moved.promoted);
    switch (moved.outcome) {
      case 'moved':
        await step.context.sendActivity(
          confirmationMessage(
            {
              ref,
              session: moved.to,
              seats: (await this.bookings.find(ref, email))?.seats ?? 1,
              kind: 'moved',
              publicUrl: this.services.config.PUBLIC_URL,
            },
            this.workshopWords,
            step.context.activity.channelId,
          ),
        );
        break;
      case 'not-enough-seats':
        await step.context.sendActivity(
          fillCounted(this.words.moveNotEnough, moved.seatsLeft, { left: moved.seatsLeft }),
        );
        break;
      case 'too-many-seats':
        await step.context.sendActivity(fillCounted(this.words.moveTooMany, moved.max, { max: moved.max }));
        break;
      default:
        await step.context.sendActivity(this.words.moveFailed);
    }
    if (moved.outcome === 'moved') this.services.notifier.notifyLater(moved.promoted);
    return step.endDialog({ completed });
  }
}
