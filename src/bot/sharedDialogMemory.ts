// botbuilder-dialogs builds its memory-scope configuration (nine scope objects, assembled through a
// service collection and validated with zod) afresh on every turn: measured, about a twentieth of
// a whole turn's CPU time. The scopes keep nothing of a turn in themselves (they read and write the
// turn's state through the context), so the configuration built on the first turn is shared by all
// later ones. DialogStateManager looks it up under this turnState key before building its own; if
// a later SDK renames the key, turns simply build their own again.
import type { Middleware, TurnContext } from 'botbuilder';

export const DIALOG_STATE_CONFIGURATION_KEY = 'DialogStateManagerConfiguration';

export class SharedDialogMemoryMiddleware implements Middleware {
  private shared: unknown;

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (this.shared) context.turnState.set(DIALOG_STATE_CONFIGURATION_KEY, this.shared);
    await next();
    this.shared ??= context.turnState.get(DIALOG_STATE_CONFIGURATION_KEY);
  }
}
