// The source code a conversation came from (a community group's link or widget), read from
// conversation state at the start of each turn so that every insight of the turn can carry it.
// It is a short code chosen by the partnership, never anything about the person.
import type { TurnContext } from 'botbuilder';

const SOURCE = Symbol('conversationSource');

/** What the bot remembers about how the conversation was opened. */
export interface ChannelEntry {
  /** The page's join event was handled (a second one, e.g. after a reconnect, is ignored). */
  joined?: boolean;
  source?: string;
}

export function setTurnSource(context: TurnContext, source: string | undefined): void {
  if (source) context.turnState.set(SOURCE, source);
}

export function getTurnSource(context: TurnContext): string | undefined {
  return context.turnState.get(SOURCE) as string | undefined;
}

/** `{ source }` when the turn has one, for spreading into an insight event. */
export function sourceField(context: TurnContext): { source?: string } {
  const source = getTurnSource(context);
  return source ? { source } : {};
}
