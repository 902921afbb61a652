// Scripted residents for bench:messages: one script per journey, written against what the bot
// offers (suggested actions and card actions, picked by their values) rather than its wording, so
// a reworded question does not break the bench. Each script yields the step it is answering and
// what it sends, and gets back what the bot replied.
import type { Journey, ResidentTexts } from './residentCorpus.js';

/** What a channel sends: text, a card or button value, or both. */
export interface Outgoing {
  type?: 'message' | 'conversationUpdate';
  text?: string;
  value?: unknown;
}

/** A button or card action the bot offered, and what tapping it sends. */
export interface Offer {
  title: string;
  value: unknown;
  tap: Outgoing;
  /** A suggested action (under the message) rather than a card's. */
  suggested: boolean;
}

export interface Reply {
  offers: Offer[];
  /** The raw reply, searched for references. */
  raw: string;
}

export interface Turn {
  step: string;
  send: Outgoing;
}

/** One conversation's resident: what they remember between journeys, and how they type. */
export interface Resident {
  texts: ResidentTexts;
  /** Welcome-button labels by journey, from knowledge/conversation.yaml. */
  labels: Partial<Record<Journey, string>>;
  refs: string[];
  email?: string;
  /** Steps at which the bot did not offer what the script expected. */
  drift: (step: string) => void;
}

export type Script = (r: Resident, last: Reply) => Generator<Turn, void, Reply>;

/** A person coming back to a conversation first goes back to the start ("start over"). */
export function startOver(r: Resident): Turn {
  return { step: 'startOver', send: { text: r.texts.pick(r.texts.corpus.startOver) } };
}

const valueOf = (o: Offer) =>
  o.value && typeof o.value === 'object' ? (o.value as Record<string, unknown>) : {};
const cardAction = (action: string) => (o: Offer) => valueOf(o).action === action;
const question = (prefix: string) => (o: Offer) => String(valueOf(o).question ?? '').startsWith(prefix);
const planTopic = (o: Offer) => valueOf(o).planAction === 'topic';
/** Control choices (back, pause) are not answers. */
const isAnswer = (o: Offer) => !String(valueOf(o).choice ?? '').startsWith('__');

function offered(reply: Reply, which: (o: Offer) => boolean): Offer[] {
  return reply.offers.filter(which);
}

/** Answers a button question as people do: mostly tapping, sometimes typing the number or words. */
function choose(step: string, reply: Reply, which: (o: Offer) => boolean, r: Resident): Turn {
  const all = offered(reply, which);
  const answers = all.filter(isAnswer);
  const pickFrom = answers.length ? answers : all;
  const choice = r.texts.pick(pickFrom);
  const how = r.texts.random();
  if (how < 0.65) return { step, send: choice.tap };
  if (how < 0.85) return { step, send: { text: String(all.indexOf(choice) + 1) } };
  if (how < 0.95) return { step, send: { text: choice.title.replace(/^\d+\.\s*/, '') } };
  return { step, send: { text: r.texts.phrase(r.texts.pick(r.texts.corpus.typedChoices)) } };
}

/**
 * The first message of a journey: its welcome button when offered, else typed words. When typed
 * words get "Did you mean one of these?", the person taps the journey's button, as people do.
 */
function* opening(journey: Journey, r: Resident, last: Reply): Generator<Turn, Reply, Reply> {
  const label = r.labels[journey];
  const button = (reply: Reply) => reply.offers.find((o) => o.suggested && o.value === label);
  const offered = button(last);
  if (offered && r.texts.chance(0.5)) return yield { step: `${journey}.opening`, send: offered.tap };
  const reply = yield { step: `${journey}.opening`, send: { text: r.texts.opening(journey) } };
  const clarify = button(reply);
  return clarify ? yield { step: `${journey}.clarify`, send: clarify.tap } : reply;
}

function* feedback(journey: Journey, reply: Reply, r: Resident): Generator<Turn, void, Reply> {
  const buttons = reply.offers.filter((o) => o.suggested);
  if (!buttons.length || reply.offers.length !== buttons.length) return;
  // "Did this help?": mostly the first button; otherwise the second, then a comment.
  if (r.texts.chance(0.8) || buttons.length < 2) {
    yield { step: `${journey}.feedback`, send: buttons[0].tap };
    return;
  }
  const next = yield { step: `${journey}.feedback`, send: buttons[1].tap };
  if (next.offers.length)
    yield {
      step: `${journey}.feedbackComment`,
      send: { text: r.texts.pick(r.texts.corpus.feedbackComments) },
    };
}

/** Consent, name, email (sometimes mistyped first), phone: the end of both sign-ups. */
function* contactDetails(
  journey: 'volunteer' | 'workshop',
  reply: Reply,
  r: Resident,
): Generator<Turn, void, Reply> {
  const consent = offered(reply, cardAction('signup.consent'));
  if (!consent.length) return r.drift(`${journey}.consent`);
  const yes = consent.find((o) => valueOf(o).consent === true) ?? consent[0];
  const answered = yield {
    step: `${journey}.consent`,
    send: r.texts.chance(0.7) ? yes.tap : { text: r.texts.pick(['yes', 'Yes', 'yes please']) },
  };
  if (offered(answered, cardAction('signup.consent')).length)
    yield { step: `${journey}.consent`, send: yes.tap };
  yield { step: `${journey}.name`, send: { text: r.texts.name() } };
  if (r.texts.chance(0.15))
    yield { step: `${journey}.email`, send: { text: r.texts.pick(r.texts.corpus.badEmails) } };
  r.email = r.texts.email();
  yield { step: `${journey}.email`, send: { text: r.email } };
  const done = yield { step: `${journey}.phone`, send: { text: r.texts.pick(r.texts.corpus.phones) } };
  yield* feedback(journey, done, r);
}

const volunteer: Script = function* (r, last) {
  let reply = yield* opening('volunteer', r, last);
  const chosen = (rep: Reply) =>
    offered(rep, cardAction('volunteer.ward')).length > 0 ||
    offered(rep, cardAction('volunteer.role')).length > 0;
  for (let attempt = 0; attempt < 3 && !chosen(reply); attempt++)
    reply = yield { step: 'volunteer.ward', send: { text: attempt < 2 ? r.texts.ward() : 'norbiton' } };
  if (offered(reply, cardAction('volunteer.ward')).length)
    reply = yield choose('volunteer.wardChoice', reply, cardAction('volunteer.ward'), r);
  for (let attempt = 0; attempt < 2 && offered(reply, cardAction('volunteer.ward')).length; attempt++)
    reply = yield { step: 'volunteer.wardChoice', send: offered(reply, cardAction('volunteer.ward'))[0].tap };
  if (!offered(reply, cardAction('volunteer.role')).length) return r.drift('volunteer.role');
  reply = yield choose('volunteer.role', reply, cardAction('volunteer.role'), r);
  for (let attempt = 0; attempt < 2 && offered(reply, cardAction('volunteer.role')).length; attempt++)
    reply = yield { step: 'volunteer.role', send: offered(reply, cardAction('volunteer.role'))[0].tap };
  yield* contactDetails('volunteer', reply, r);
};

/** A yes/no question (the session is full: join the waiting list? fewer places left: wait for more?). */
const yesNo = question('yes-no:');

const workshop: Script = function* (r, last) {
  let reply = yield* opening('workshop', r, last);
  const typed = (texts: string[]) => ({ text: r.texts.phrase(r.texts.pick(texts)) });
  for (const [step, action, texts] of [
    ['workshop.session', 'workshop.session', r.texts.corpus.sessionTexts],
    ['workshop.seats', 'workshop.seats', r.texts.corpus.seatTexts],
  ] as const) {
    // A typed answer the bot cannot place is asked again; then the first offer is tapped.
    for (let attempt = 0; attempt < 3 && offered(reply, cardAction(action)).length; attempt++) {
      const turn = attempt === 2 ? { step, send: offered(reply, cardAction(action))[0].tap } : undefined;
      reply = yield (
        turn ??
        (r.texts.chance(0.3) ? { step, send: typed([...texts]) } : choose(step, reply, cardAction(action), r))
      );
    }
    if (offered(reply, yesNo).length) {
      const answer = r.texts.pick(offered(reply, yesNo));
      reply = yield { step: 'workshop.waitingList', send: answer.tap };
      // "No" to a full session ends the booking; "no" to fewer places books what is left.
      if (valueOf(answer).choice === 'no' && !offered(reply, cardAction('signup.consent')).length)
        return yield* feedback('workshop', reply, r);
    }
  }
  yield* contactDetails('workshop', reply, r);
};

/** The reporting and support guides: up to three button questions, then feedback. */
function guide(journey: 'report' | 'support'): Script {
  return function* (r, last) {
    let reply = yield* opening(journey, r, last);
    for (let depth = 0; depth < 3; depth++) {
      if (!offered(reply, question(`${journey}:`)).length) break;
      reply = yield choose(`${journey}.choice`, reply, question(`${journey}:`), r);
    }
    yield* feedback(journey, reply, r);
  };
}

const bystander: Script = function* (r, last) {
  let reply = yield* opening('bystander', r, last);
  for (let n = 0; n < 3; n++) {
    if (!offered(reply, question('bystander:')).length) return n ? undefined : r.drift('bystander.choice');
    reply = yield choose('bystander.choice', reply, question('bystander:'), r);
  }
  const pause = reply.offers.find((o) => valueOf(o).choice === '__pause');
  if (pause) yield { step: 'bystander.pause', send: pause.tap };
};

const plan: Script = function* (r, last) {
  let reply = yield* opening('plan', r, last);
  for (let n = 0; n < 2; n++) {
    const topics = offered(reply, planTopic);
    if (topics.length) reply = yield { step: 'plan.topic', send: r.texts.pick(topics).tap };
    reply = yield { step: 'plan.question', send: { text: r.texts.opening('plan') } };
  }
};

const privacy: Script = function* (r, last) {
  const reply = yield* opening('privacy', r, last);
  // Some questions go straight to the look-up; others get the choices, of which the first is
  // the look-up. It uses the reference and email of a sign-up in this conversation when there was
  // one, else ones the bot will not find.
  const buttons = reply.offers.filter((o) => o.suggested);
  if (buttons.length) yield { step: 'privacy.choice', send: buttons[0].tap };
  const ref =
    r.refs.at(-1) ?? `VI-${r.texts.pick(['7KQ4M', 'ABCDE', 'XYZ23'])}-${r.texts.pick(['2XD9P', 'FGH23'])}`;
  yield { step: 'privacy.reference', send: { text: r.texts.chance(0.5) ? ref : `my ref is ${ref}` } };
  const answer = yield { step: 'privacy.email', send: { text: r.email ?? r.texts.email() } };
  // The last choice is "that's all".
  const done = answer.offers.filter((o) => o.suggested).at(-1);
  if (done) yield { step: 'privacy.done', send: done.tap };
};

export const SCRIPTS: Record<Journey, Script> = {
  volunteer,
  workshop,
  report: guide('report'),
  support: guide('support'),
  bystander,
  plan,
  privacy,
};

/** How often each journey is chosen, on the web and in Teams. */
export const JOURNEY_WEIGHTS: Record<'webchat' | 'msteams', Partial<Record<Journey, number>>> = {
  webchat: { volunteer: 3, workshop: 3, report: 2, support: 2, bystander: 1, plan: 1, privacy: 1 },
  msteams: { plan: 4, workshop: 2, report: 1, support: 1 },
};
