// What one turn tells the hand-off, without the dialogs knowing how the hand-off keeps it: the
// main dialog marks a message it could not answer or a journey it opened, the feedback dialog
// marks "it did not help", and the bot marks that its own handler ran (the crisis flag needs to
// know when the safeguarding check answered instead). Read after the dialogs by HandoffTurns.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/** What the conversation remembers for the hand-off (conversation state, no message text kept). */
export interface HandoffMemory {
  /** The request this conversation is waiting on or chatting through. */
  requestId?: string;
  /** The last journey opened: what the resident was trying to do. */
  journey?: string;
  /** The last question the bot could not answer, with personal data removed. */
  question?: string;
  /** Unanswered messages in a row. */
  unansweredStreak?: number;
}

interface TurnMarks {
  unanswered?: boolean;
  answered?: boolean;
  journey?: string;
  offerPerson?: boolean;
  handlerRan?: boolean;
}

const MARKS = Symbol('handoffTurn');
const MEMORY = Symbol('handoffMemory');

function marks(context: TurnContext): TurnMarks {
  let m = context.turnState.get(MARKS) as TurnMarks | undefined;
  if (!m) {
    m = {};
    context.turnState.set(MARKS, m);
  }
  return m;
}

export function readMarks(context: TurnContext): Readonly<TurnMarks> {
  return marks(context);
}

export function markUnanswered(context: TurnContext): void {
  marks(context).unanswered = true;
}

export function markAnswered(context: TurnContext): void {
  marks(context).answered = true;
}

export function markJourney(context: TurnContext, journey: string): void {
  marks(context).journey = journey;
}

export function markOfferPerson(context: TurnContext): void {
  marks(context).offerPerson = true;
}

export function markHandlerRan(context: TurnContext): void {
  marks(context).handlerRan = true;
}

export function setMemoryAccess(context: TurnContext, accessor: StatePropertyAccessor<HandoffMemory>): void {
  context.turnState.set(MEMORY, accessor);
}

export function memoryAccess(context: TurnContext): StatePropertyAccessor<HandoffMemory> | undefined {
  return context.turnState.get(MEMORY) as StatePropertyAccessor<HandoffMemory> | undefined;
}
