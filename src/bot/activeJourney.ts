// Which journey the person is in, read from the saved dialog stack (journeys are dialogs whose id
// is their route). The recogniser uses it as context; nothing here changes the stack.
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from './dialogKit.js';
import { JOURNEY_ROUTES, type JourneyRoute } from '../content/conversation.js';

interface StackEntry {
  id?: unknown;
  state?: { dialogs?: { dialogStack?: StackEntry[] } };
}

function findJourney(stack: StackEntry[] | undefined, depth = 0): JourneyRoute | undefined {
  if (!stack || depth > 10) return undefined;
  for (const entry of stack) {
    if (typeof entry.id === 'string' && (JOURNEY_ROUTES as readonly string[]).includes(entry.id))
      return entry.id as JourneyRoute;
    const inner = findJourney(entry.state?.dialogs?.dialogStack, depth + 1);
    if (inner) return inner;
  }
  return undefined;
}

export async function activeJourney(
  context: TurnContext,
  dialogState: StatePropertyAccessor<DialogState>,
): Promise<JourneyRoute | undefined> {
  try {
    const state = await dialogState.get(context);
    return findJourney(state?.dialogStack as StackEntry[] | undefined);
  } catch {
    // Context only: if state cannot be read, understanding (and the safeguarding check after it)
    // must still run, so the message is read as if no journey were open.
    return undefined;
  }
}
