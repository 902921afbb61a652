// The hate crime workshop journey: what the workshops are, the upcoming sessions, places,
// the privacy notice and consent, contact details, then a confirmation with a reference and a
// calendar file. Looking up, cancelling and moving a booking live in WorkshopManageDialog. What it
// says is in knowledge/signupMessages.yaml (workshop) and knowledge/signups.yaml.
import { randomUUID } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import {
  DialogTurnStatus,
  WaterfallDialog,
  type DialogContext,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from '../src/bot/dialogKit.js';
import type { BotServices } from '../src/bot/services.js';
import { londonParts } from '../src/content/londonTime.js';
import { fillCounted, fillTemplate } from '../src/content/templates.js';
import type { WorkshopSession } from '../src/content/workshops.js';
import {
  BookingService,
  type BookingOutcome,
  type SessionAvailability,
} from '../src/signups/bookingService.js';
import { chatAddressOf } from '../src/signups/chatAddress.js';
import { filterSessions, parseCount, pickSession, readBookingText } from '../src/signups/bookingText.js';
import {
  parseBookingForm,
  seatsChoiceSchema,
  sessionChoiceSchema,
  submittedAction,
} from '../src/signups/submissions.js';
import {
  confirmationMessage,
  describeSession,
  seatsMessage,
  sessionsMessage,
} from '../src/signups/workshopCards.js';
import { CancelAndHelpDialog } from './cancelAndHelpDialog.js';
import { passOn, reasonToLeave } from './leaveJourney.js';
import type { ContactDetails } from './contactDetailsDialog.js';
import type { JourneyOptions } from './journeyOptions.js';
import { SignupConsent } from './signupConsent.js';
import { keepJourneyFor, SignupPrompt, YesNoPrompt } from './signupPrompts.js';
import { WORKSHOP_MANAGE_DIALOG, WorkshopManageDialog, type ManageOptions } from './workshopManageDialog.js';

export const WORKSHOP_DIALOG = 'workshop';
const BOOK = 'workshop-book';
const SESSION_PROMPT = 'workshop-session';
const SEATS_PROMPT = 'workshop-seats';
const YES_NO = 'workshop-yes-no';

/** What the booking waterfall remembers between turns: no personal details. */
interface BookingValues {
  submissionKey: string;
  requestedSeats?: number;
  sessionId?: string;
  seats?: number;
  seatsLeft?: number;
  waitingListOk?: boolean;
  askedShortage?: boolean;
}

const MANAGE_WORDS = /\b(booking|bookings|reference|ref|my place|my places|my seat|hc[\s-]?[a-z2-9]{5})\b/i;

export class WorkshopDialog extends CancelAndHelpDialog {
  private readonly bookings: BookingService;
  private readonly consent: SignupConsent;

  constructor(services: BotServices) {
    super(WORKSHOP_DIALOG, services);
    this.bookings = new BookingService(
      services.store.records,
      services.content.workshops,
      services.now,
      services.config.RETENTION_DAYS,
      undefined,
      services.bookingEmails,
    );
    this.addDialog(new SignupPrompt(SESSION_PROMPT, this.validateSession.bind(this)));
    this.addDialog(new SignupPrompt(SEATS_PROMPT, this.validateSeats.bind(this)));
    this.addDialog(new YesNoPrompt(YES_NO, () => services.content.signupMessages.answers));
    this.consent = new SignupConsent(services, 'workshop');
    this.consent.addTo(this);
    this.addDialog(new WorkshopManageDialog(services, this.bookings));
    this.addDialog(
      new WaterfallDialog(BOOK, [
        this.startStep.bind(this),
        this.sessionChosenStep.bind(this),
        this.seatsStep.bind(this),
        this.shortageStep.bind(this),
        this.consentStep.bind(this),
        this.consent.answered.bind(this.consent),
        this.bookStep.bind(this),
      ]),
    );
    this.initialDialogId = BOOK;
  }

  override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    keepJourneyFor(innerDc.context, 'workshop', MANAGE_WORDS);
    // The one-step booking form (a card on a page or tab) is accepted at any point of the journey.
    if (submittedAction(innerDc.context.activity.value) === 'workshop.book') {
      await innerDc.cancelAllDialogs();
      const written = await this.bookFromForm(innerDc.context);
      return { status: DialogTurnStatus.complete, result: { completed: written } };
    }
    // "Actually, cancel my booking HC-..." part-way through booking: look that booking up instead.
    const text = innerDc.context.activity.text ?? '';
    const hints = readBookingText(text, this.services.now());
    const managing = innerDc.activeDialog?.id === WORKSHOP_MANAGE_DIALOG;
    if (!managing && MANAGE_WORDS.test(text) && (hints.ref || (hints.intent && hints.intent !== 'book'))) {
      await innerDc.cancelAllDialogs();
      return innerDc.beginDialog(WORKSHOP_MANAGE_DIALOG, {
        intent: hints.intent,
        ref: hints.ref,
      } satisfies ManageOptions);
    }
    if (reasonToLeave(innerDc, this.id)) {
      await innerDc.context.sendActivity(
        this.services.content.signupMessages.contactDetails.stoppedForQuestion,
      );
      return passOn(innerDc, this.services.recogniser);
    }
    return super.onContinueDialog(innerDc);
  }

  private values(step: WaterfallStepContext): BookingValues {
    return step.values as BookingValues;
  }

  private get words() {
    return this.services.content.signupMessages.workshop;
  }

  private async startStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { context } = step;
    if (submittedAction(context.activity.value) === 'workshop.book')
      return step.endDialog({ completed: await this.bookFromForm(context) });
    const options = (step.options ?? {}) as JourneyOptions;
    const hints = readBookingText(options.utterance ?? '', this.services.now());
    if (hints.ref || (hints.intent && hints.intent !== 'book'))
      return step.replaceDialog(WORKSHOP_MANAGE_DIALOG, {
        intent: hints.intent,
        ref: hints.ref,
      } satisfies ManageOptions);

    const values = this.values(step);
    values.submissionKey = randomUUID();
    if (hints.seats !== undefined) values.requestedSeats = hints.seats;

    const upcoming = this.order(await this.bookings.upcoming(), context);
    if (upcoming.length === 0) {
      await context.sendActivity(this.words.noSessions);
      return step.endDialog();
    }
    const chosen =
      options.start?.sessionId && upcoming.find((a) => a.session.id === options.start?.sessionId);
    await context.sendActivity(this.services.content.signups.workshopIntro.join('\n\n'));
    if (chosen) {
      // A link or QR code skips the list, so say which session this is before asking anything.
      await context.sendActivity(
        fillTemplate(this.words.linkedSession, { session: describeSession(chosen.session) }),
      );
      return step.next(chosen.session.id);
    }

    const offered = filterSessions(upcoming, hints);
    const narrowed = offered.length < upcoming.length;
    const asked = Boolean(hints.format || hints.audience || hints.month);
    const month = hints.month;
    const noneThatMonth =
      month !== undefined &&
      !offered.some((a) => {
        const p = londonParts(a.session.start);
        return p.year === month.year && p.month === month.month;
      });
    const intros = this.words.sessionsIntro;
    const intro = narrowed
      ? noneThatMonth
        ? intros.noneThatMonth
        : intros.matching
      : asked
        ? intros.noneMatching
        : intros.all;
    return step.prompt(SESSION_PROMPT, {
      prompt: sessionsMessage(offered, intro, this.words.sessionList, context.activity.channelId),
      retryPrompt: this.words.sessionRetry,
      validations: offered.map((a) => a.session.id),
    });
  }

  /** Teams users are mostly partner agency staff: their sessions come first. */
  private order(upcoming: SessionAvailability[], context: TurnContext): SessionAvailability[] {
    if (context.activity.channelId !== 'msteams') return upcoming;
    const rank = (a: SessionAvailability) => (a.session.audience === 'partners' ? 0 : 1);
    return [...upcoming].sort(
      (a, b) => rank(a) - rank(b) || a.session.start.getTime() - b.session.start.getTime(),
    );
  }

  private async validateSession(pc: PromptValidatorContext<string>): Promise<boolean> {
    const offeredIds = pc.options.validations as string[];
    const offered = offeredIds
      .map((id) => this.services.content.workshops.get(id))
      .filter((s): s is WorkshopSession => s !== undefined)
      .map((session) => ({ session }));
    const value: unknown = pc.context.activity.value;
    if (value !== undefined && submittedAction(value) !== undefined) {
      const parsed = sessionChoiceSchema.safeParse(value);
      if (!parsed.success || !offeredIds.includes(parsed.data.sessionId)) {
        await pc.context.sendActivity(this.words.sessionNotOffered);
        return false;
      }
      pc.recognized.value = parsed.data.sessionId;
      return true;
    }
    const picked = pickSession(pc.context.activity.text ?? '', offered, this.services.now());
    if (!picked) return false;
    pc.recognized.value = picked.session.id;
    return true;
  }

  private async sessionChosenStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.sessionId = String(step.result);
    const availability = await this.bookings.availability(values.sessionId);
    if (!availability || availability.state === 'past') {
      await step.context.sendActivity(this.words.sessionStarted);
      return step.endDialog();
    }
    values.seatsLeft = availability.seatsLeft;
    if (availability.waitingListFull) {
      await step.context.sendActivity(this.words.waitingListFull);
      return step.endDialog();
    }
    if (availability.state === 'full') {
      values.waitingListOk = true;
      return step.prompt(YES_NO, { prompt: this.words.full.question, retryPrompt: this.words.full.retry });
    }
    return step.next('yes');
  }

  private async seatsStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result === 'no') {
      await step.context.sendActivity(this.words.notJoined);
      return step.endDialog();
    }
    const values = this.values(step);
    const session = this.session(values);
    const max = session.maxSeatsPerBooking;
    const requested = values.requestedSeats;
    if (max === 1 && (requested === undefined || requested === 1)) return step.next(1);
    if (requested !== undefined && Number.isInteger(requested) && requested >= 1 && requested <= max)
      return step.next(requested);
    if (requested !== undefined)
      await step.context.sendActivity(fillCounted(this.words.seatsTooMany, max, { max }));
    return step.prompt(SEATS_PROMPT, {
      prompt: seatsMessage(
        fillCounted(this.words.seatsQuestion, max, { max }),
        max,
        step.context.activity.channelId,
      ),
      retryPrompt: fillCounted(this.words.seatsRetry, max, { max }),
      validations: { max },
    });
  }

  private async validateSeats(pc: PromptValidatorContext<string>): Promise<boolean> {
    const { max } = pc.options.validations as { max: number };
    const value: unknown = pc.context.activity.value;
    let seats: number | undefined;
    if (value !== undefined && submittedAction(value) !== undefined) {
      const parsed = seatsChoiceSchema.safeParse(value);
      seats = parsed.success ? parsed.data.seats : undefined;
    } else seats = parseCount(pc.context.activity.text ?? '');
    if (seats === undefined) return false;
    if (!Number.isInteger(seats) || seats < 1 || seats > max) {
      await pc.context.sendActivity(fillCounted(this.words.seatsRefused, max, { max }));
      return false;
    }
    pc.recognized.value = String(seats);
    return true;
  }

  private async shortageStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    values.seats = Number(step.result);
    const left = values.seatsLeft ?? 0;
    if (!values.waitingListOk && values.seats > left) {
      values.askedShortage = true;
      const { question, retry } = this.words.shortage;
      return step.prompt(YES_NO, {
        prompt: fillCounted(question, left, { left, seats: values.seats }),
        retryPrompt: retry,
      });
    }
    return step.next();
  }

  private async consentStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    if (values.askedShortage) {
      if (step.result === 'yes') values.waitingListOk = true;
      else values.seats = values.seatsLeft;
    }
    return this.consent.ask(step);
  }

  private async bookStep(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = this.values(step);
    const contact = step.result as ContactDetails;
    const outcome = await this.bookings.book({
      sessionId: String(values.sessionId),
      seats: Number(values.seats),
      attendee: contact,
      submissionKey: values.submissionKey,
      waitingListOk: Boolean(values.waitingListOk),
      chatAddress: chatAddressOf(step.context.activity),
    });
    await this.tell(step.context, outcome);
    // Ending the journey drops the contact details from conversation state.
    return step.endDialog({ completed: isWritten(outcome) });
  }

  private session(values: BookingValues): WorkshopSession {
    const session = this.services.content.workshops.get(String(values.sessionId));
    if (!session) throw new Error('The chosen session is no longer in the content');
    return session;
  }

  /** Books from the one-step form; true when a booking or waiting-list place was written. */
  private async bookFromForm(context: TurnContext): Promise<boolean> {
    const form = parseBookingForm(context.activity.value, this.services.content, this.services.now());
    if (!form.ok) {
      await context.sendActivity(form.problem);
      return false;
    }
    const outcome = await this.bookings.book({
      sessionId: form.session.id,
      seats: form.seats,
      attendee: { name: form.name, email: form.email, ...(form.phone ? { phone: form.phone } : {}) },
      submissionKey: form.submissionKey,
      waitingListOk: form.waitingListOk,
      chatAddress: chatAddressOf(context.activity),
    });
    await this.tell(context, outcome);
    return isWritten(outcome);
  }

  /** Says what happened, only ever after the store confirmed the write. */
  private async tell(context: TurnContext, outcome: BookingOutcome): Promise<void> {
    const channelId = context.activity.channelId;
    if ((outcome.outcome === 'booked' || outcome.outcome === 'waiting') && !outcome.repeated)
      await this.services.insights.record({
        type: 'booking',
        action: outcome.outcome === 'booked' ? 'booked' : 'waitlisted',
        sessionId: outcome.session.id,
        seats: outcome.seats,
      });
    const words = this.words;
    const say = (text: string) => context.sendActivity(text);
    switch (outcome.outcome) {
      case 'booked':
        await context.sendActivity(
          confirmationMessage(
            {
              ref: outcome.ref,
              session: outcome.session,
              seats: outcome.seats,
              kind: 'booked',
              publicUrl: this.services.config.PUBLIC_URL,
            },
            words,
            channelId,
          ),
        );
        return;
      case 'waiting':
        await say(fillTemplate(words.waiting, { position: outcome.position, ref: outcome.ref }));
        return;
      case 'already-booked':
        await say(
          fillTemplate(outcome.status === 'waiting' ? words.alreadyWaiting : words.alreadyBooked, {
            ref: outcome.ref,
          }),
        );
        return;
      case 'not-enough-seats':
        await say(words.placesGone);
        return;
      case 'waiting-list-full':
        await say(words.waitingListFull);
        return;
      case 'too-many-seats':
        await say(fillCounted(words.tooManyPlaces, outcome.max, { max: outcome.max }));
        return;
      case 'closed':
        await say(words.closed);
        return;
    }
  }
}

function isWritten(outcome: BookingOutcome): boolean {
  return outcome.outcome === 'booked' || outcome.outcome === 'waiting';
}
