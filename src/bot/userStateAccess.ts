// Gives dialogs the bot's UserState (state kept per user and channel across conversations), so a
// journey can save progress that the bot writes at the end of the turn with everything else.
import type { TurnContext, UserState } from 'botbuilder';

const USER_STATE = Symbol('userState');

export function setUserState(context: TurnContext, userState: UserState): void {
  context.turnState.set(USER_STATE, userState);
}

export function getUserState(context: TurnContext): UserState | undefined {
  return context.turnState.get(USER_STATE) as UserState | undefined;
}
