// What the sign-up journeys say step by step (knowledge/signupMessages.yaml). Each message names
// the placeholders the bot fills in for it; the check refuses a message that uses any other, or
// that leaves out one it must show (a confirmation without its {ref}). Messages about a number of
// places have a "one" and an "other" form.
import path from 'node:path';
import { z } from 'zod';
import { reviewedDate, source } from './common.js';
import { loadYamlFile } from './loadYaml.js';
import { counted, template } from './templates.js';

/** A sentence with no placeholders. */
const text = (max = 300) => template([], { max });
/** A button or a label. */
const label = () => template([], { max: 60 });

const part = <T extends z.ZodRawShape>(shape: T) =>
  z.object({ source, reviewed: reviewedDate, ...shape }).strict();

const workshop = part({
  noSessions: text(),
  sessionsIntro: z
    .object({ all: text(), matching: text(), noneThatMonth: text(), noneMatching: text() })
    .strict(),
  sessionRetry: text(),
  sessionNotOffered: text(),
  sessionStarted: text(),
  /** Names the session a link opened, before any question about it. */
  linkedSession: template(['session']),
  sessionList: z
    .object({
      inPerson: template(['venue'], { max: 120 }),
      forCommunity: label(),
      forPartners: label(),
      full: label(),
      fullNoWaitingList: label(),
      placesLeft: counted('left', [], { max: 60 }),
      choose: template(['number'], { max: 60 }),
      joinWaitingList: template(['number'], { max: 60 }),
      typeHint: text(),
    })
    .strict(),
  full: z.object({ question: text(), retry: text() }).strict(),
  notJoined: text(),
  seatsQuestion: counted('max'),
  seatsRetry: counted('max'),
  seatsTooMany: counted('max'),
  seatsRefused: counted('max'),
  shortage: z.object({ question: counted('left', ['seats']), retry: text() }).strict(),
  places: counted('seats', [], { max: 60 }),
  confirmation: z
    .object({
      booked: label(),
      moved: label(),
      reference: template(['ref'], { max: 100 }),
      session: label(),
      when: label(),
      where: label(),
      places: label(),
      calendar: text(),
      calendarLink: text(),
      addToCalendar: label(),
      print: label(),
      keep: text(),
    })
    .strict(),
  waiting: template(['position', 'ref']),
  alreadyBooked: template(['ref']),
  alreadyWaiting: template(['ref']),
  placesGone: text(),
  waitingListFull: text(),
  tooManyPlaces: counted('max'),
  closed: text(),
});

/** An answer button with the words that count as choosing it. */
const answer = () =>
  z.object({ label: label(), keywords: z.array(z.string().trim().toLowerCase().min(1)).min(1) }).strict();

const manageBooking = part({
  askReference: text(),
  referenceRetry: text(),
  askEmail: text(),
  notFound: text(),
  found: template(['ref', 'places', 'session', 'status']),
  booked: text(),
  promoted: text(),
  waiting: template(['position']),
  whatNext: text(),
  whatNextRetry: text(),
  /** The answers to whatNext, shown as buttons. */
  actions: z.object({ cancel: answer(), move: answer(), keep: answer() }).strict(),
  kept: text(),
  confirmCancel: text(),
  confirmCancelRetry: text(),
  cancelled: template(['ref']),
  cancelPast: text(),
  cancelNotFound: text(),
  noOtherSessions: text(),
  moveTo: text(),
  moveNotEnough: counted('left'),
  moveTooMany: counted('max'),
  moveFailed: text(),
  placeCameFree: counted('seats', ['session', 'when', 'ref']),
});

/** One name per role fact (the fields of volunteering.yaml that may be unconfirmed). */
const perFact = () =>
  z
    .object({
      involves: label(),
      timeAsked: label(),
      whoItSuits: label(),
      minimumAge: label(),
      where: label(),
    })
    .strict();

const volunteer = part({
  askWard: text(),
  wardRetry: text(),
  wardNotFound: text(),
  /** The "I don't know" button on the ward questions, and words that mean it. */
  wardNotKnown: answer(),
  /** After two answers that match no ward: the borough-wide roles follow. */
  wardGiveUp: text(),
  postcodeWards: template(['area']),
  postcodeOutside: text(),
  rolesIntroBorough: text(),
  severalWards: template(['area']),
  severalWardsUnnamed: text(),
  wardTypeHint: text(),
  wardChoiceRetry: text(),
  wardNotOffered: text(),
  rolesIntro: template(['ward']),
  roleButton: template(['number', 'role'], { optional: ['number'], max: 100 }),
  roleTypeHint: text(),
  roleRetry: text(),
  roleNotOffered: text(),
  factLabels: perFact(),
  minimumAge: template(['age'], { max: 60 }),
  askCoordinator: template(['topics']),
  topicsJoin: label(),
  topicNames: perFact(),
  recorded: template(['role', 'ref']),
  notSaved: text(),
  askReference: text(),
  referenceRetry: text(),
  askEmail: text(),
  deleted: text(),
  notFound: text(),
});

const contactDetails = part({
  askName: text(),
  askEmail: text(),
  askPhone: text(),
  phoneRetry: text(),
  nameTooShort: text(),
  nameTooLong: template(['max']),
  nameNotLetters: text(),
  nameIsAnAnswer: text(),
  /** Said when a question typed at a name, email or phone prompt ends the sign-up to answer it. */
  stoppedForQuestion: text(),
  badEmail: text(),
  badPhone: text(),
});

/** The buttons on every yes-or-no question in the sign-up journeys. */
const answers = part({ yes: label(), no: label() });

const forms = part({
  bookingUnreadable: text(),
  sessionNotBookable: text(),
  seatsNotAllowed: counted('max'),
  bookingNoConsent: text(),
  nothingBooked: text(),
  interestUnreadable: text(),
  interestUnknown: text(),
  interestNoConsent: text(),
  nothingSaved: text(),
});

export const signupMessagesSchema = z
  .object({ workshop, manageBooking, volunteer, contactDetails, answers, forms })
  .strict();

export type SignupMessages = z.infer<typeof signupMessagesSchema>;
export type WorkshopMessages = SignupMessages['workshop'];
export type ManageBookingMessages = SignupMessages['manageBooking'];
export type VolunteerMessages = SignupMessages['volunteer'];
export type ContactDetailsMessages = SignupMessages['contactDetails'];
export type FormMessages = SignupMessages['forms'];

export const SIGNUP_MESSAGES_FILE = 'signupMessages.yaml';

export function loadSignupMessages(knowledgeDir: string): Promise<SignupMessages> {
  return loadYamlFile(path.join(knowledgeDir, SIGNUP_MESSAGES_FILE), signupMessagesSchema);
}
