// Plan-first routing: which messages the partnership plan should answer even when a resident
// journey scores close, and which messages asked inside the plan journey belong elsewhere.
// Professionals ask the plan in Teams; residents use the web chat. A question about the
// partnership or its plan, asked about the world rather than about "me", that the plan answers
// confidently is answered from the plan, with the close journey offered as a button. Messages
// about the asker themselves ("how do I report", "what do you hold about me") keep to the
// resident journeys. Crisis never comes here: the safeguarding check answers it first.
import type { JourneyRoute } from '../content/conversation.js';
import { JOURNEY_ROUTES } from '../content/conversation.js';
import type { RecogniserResult, Route } from '../understanding/types.js';
import type { PlanGuide } from './planGuide.js';

export const PLAN_ROUTE = 'themes';
export const TEAMS_CHANNEL = 'msteams';

/** Below this the recogniser is unsure of its route (the same bar as "Did you mean ...?"). */
const UNSURE = 0.5;
/** On the web, a resident journey this sure of itself keeps the message unless the plan is named. */
const WEB_JOURNEY_SURE = 0.8;
/** A plan answer matching this much of a question is a strong one (web, Teams). */
const STRONG_COVERAGE = 0.9;
const TEAMS_STRONG_COVERAGE = 0.8;
/** In Teams, only a journey this sure of itself (or asked for outright) is clearly meant. */
const TEAMS_JOURNEY_SURE = 0.9;
/** A journey scoring at least this is offered as a button beside the plan's answer. */
const OFFER_MIN = 0.15;
/** Inside the plan journey, a message about the asker goes to a journey this likely. */
const PERSONAL_LEAVE_MIN = 0.4;
/** Journeys a person asking about themselves inside the plan journey is sent to. */
const PERSONAL_JOURNEYS: readonly JourneyRoute[] = ['privacy', 'report', 'support'];

/** The asker speaks of themselves: a resident need, not a question about the plan. */
const PERSONAL = /\b(?:i|i'm|im|i've|ive|i'd|me|my|mine|myself)\b/i;
/** The message is about this chat or the bot ("will the police see this conversation?"). */
const ABOUT_THE_BOT = /\b(?:you|your|this chat|this conversation|the bot|the chat|chatbot)\b/i;
/** Asked about people in general: a professional's question, even when it names a journey's subject. */
const ABOUT_OTHERS =
  /\b(?:people|residents|victims|someone|they|public|communities|partners|agencies|professionals)\b/i;
/** Words only a question about the partnership or its plan uses. */
const NAMES_THE_PLAN =
  /\b(?:plan|plan's|partnership|partnerships|skp|csp|priority|priorities|commitment|commitments|cross[- ]cutting|theme|themes|statutory|duty|duties|responsible authorit\w*|board|boards|strategic|svsna|vawg|governance|appendix|5cs|thematic|delivery plans?)\b/i;
/** A request to do something a resident journey does: that journey is clearly meant. */
const REQUEST =
  /^\s*(?:please\s+)?(?:report|book|sign|join|register|cancel|start|take|find|get|contact|call|show me|help|volunteer|i want|i need|i'd like|looking\s+(?:to|for))\b/i;
/** Looking for a service ("where can ... get support", "is there a ... drop in"): a resident journey. */
const SEEKS_SERVICE =
  /^\s*(?:where|who)\b.*\b(?:get|find|go|helps?|support|counselling)\b|^\s*(?:is|are)\s+there\s+(?:a|an|any)\b/i;
/** The message is put as a question, or asks for a definition. */
const QUESTION =
  /^\s*(?:what|what's|whats|how|why|which|who|who's|whos|when|where|does|do|did|is|are|can|will|should|define|definition|explain|list)\b|\?\s*$/i;

export interface PlanFirstDecision {
  /** The journey the recogniser came close to, offered as a button beside the plan's answer. */
  offer?: JourneyRoute;
}

export interface RoutingQuestion {
  text: string;
  channelId?: string;
  understood?: RecogniserResult;
}

const isJourneyRoute = (route: Route): route is JourneyRoute =>
  (JOURNEY_ROUTES as readonly string[]).includes(route);

/** True for the routes plan-first may take a message from: journeys, out of scope, or unsure. */
function mayTakeFrom(understood: RecogniserResult | undefined): boolean {
  if (!understood) return true;
  if (understood.route === 'crisis') return false;
  if (understood.route === PLAN_ROUTE || isJourneyRoute(understood.route)) return true;
  // Small talk and help ("what can you do?") keep their answer unless the recogniser doubts it.
  return understood.route === 'out_of_scope' || understood.score < WEB_JOURNEY_SURE;
}

/**
 * Whether the plan journey should take this message from the route the recogniser chose, and
 * which journey to offer beside its answer. Undefined: route as the recogniser says.
 */
export function planFirst(
  plan: PlanGuide,
  { text, channelId, understood }: RoutingQuestion,
): PlanFirstDecision | undefined {
  const message = text.trim();
  const teams = channelId === TEAMS_CHANNEL;
  if (!message || !mayTakeFrom(understood)) return undefined;
  const namesPlan = NAMES_THE_PLAN.test(message);
  if (PERSONAL.test(message) || (ABOUT_THE_BOT.test(message) && !namesPlan)) return undefined;
  const asks = QUESTION.test(message);
  const unsure = !understood || understood.route === 'out_of_scope' || understood.score < UNSURE;
  const reply = plan.ask(message);
  if (reply.kind === 'answer') {
    const delivering = reply.passage.code
      ? plan.knowledge.wording.deliveredBy[reply.passage.code]
      : undefined;
    if (delivering && delivering === understood?.route && !namesPlan && !ABOUT_OTHERS.test(message))
      return undefined;
    // In Teams the askers are professionals: the plan, unless a journey is clearly asked for.
    const score = understood?.score ?? 0;
    const take = teams
      ? namesPlan ||
        unsure ||
        (!REQUEST.test(message) &&
          !(SEEKS_SERVICE.test(message) && isJourneyRoute(understood?.route ?? 'help')) &&
          (score < TEAMS_JOURNEY_SURE || (asks && reply.coverage >= TEAMS_STRONG_COVERAGE)))
      : namesPlan || unsure || (asks && score < WEB_JOURNEY_SURE && reply.coverage >= STRONG_COVERAGE);
    return take ? { offer: offerFor(understood) } : undefined;
  }
  // Questions the plan cannot answer but a professional asks of it get "the plan does not say"
  // and where to look, rather than a resident journey that shares a word.
  const declines =
    (namesPlan && (reply.declined !== undefined || unsure)) ||
    (teams && reply.declined !== undefined && (asks || unsure));
  return declines ? {} : undefined;
}

/** The resident journey to offer beside a plan answer, when one came close. */
function offerFor(understood: RecogniserResult | undefined): JourneyRoute | undefined {
  if (!understood) return undefined;
  const candidates = [understood, ...understood.alternatives];
  const close = candidates.find(
    (c) => c.route !== PLAN_ROUTE && isJourneyRoute(c.route) && c.score >= OFFER_MIN,
  );
  return close && isJourneyRoute(close.route) ? close.route : undefined;
}

/**
 * Inside the plan journey: the journey a message plainly belongs to instead, or undefined to keep
 * answering from the plan. Sure of another journey and not hearing the plan; or about the asker
 * (privacy, reporting, support) when the plan has no confident answer for it.
 */
export function leavePlanFor(
  plan: PlanGuide,
  { text, understood }: RoutingQuestion,
): JourneyRoute | undefined {
  if (!understood || understood.route === PLAN_ROUTE || !isJourneyRoute(understood.route)) return undefined;
  const route = understood.route;
  const hearsPlan = understood.alternatives.some((a) => a.route === PLAN_ROUTE);
  if (understood.score >= WEB_JOURNEY_SURE && !hearsPlan) return route;
  const personal = PERSONAL.test(text);
  if (personal && PERSONAL_JOURNEYS.includes(route) && understood.score >= PERSONAL_LEAVE_MIN) {
    return plan.ask(text).kind === 'answer' && NAMES_THE_PLAN.test(text) ? undefined : route;
  }
  return undefined;
}

/** A short follow-up that leans on the last answer ("and for housing?", "who leads on that?"). */
const REFERS_BACK = /\b(?:that|this|it|its|them|they|those|these|there)\b/i;
const CONTINUES = /^\s*(?:and|also|what about|how about|what of|same for|ok and|so)\b/i;
const FOLLOW_UP_MAX_WORDS = 7;

/** How a message inside the plan journey relates to the topic just answered. */
export function followUpKind(text: string): 'refers-back' | 'continues' | undefined {
  if (text.trim().split(/\s+/).length > FOLLOW_UP_MAX_WORDS) return undefined;
  if (REFERS_BACK.test(text)) return 'refers-back';
  if (CONTINUES.test(text)) return 'continues';
  return undefined;
}
