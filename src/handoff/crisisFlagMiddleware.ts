// A crisis during a hand-off is answered by the safeguarding check (999 first) and never reaches
// the relay; this tells the staff on the desk at once. It runs just before the safeguarding
// middleware and looks after it: when the bot's own handler did not run (the check answered the
// message itself) and what was sent carried the emergency number, the request's thread is flagged.
import type { Activity, Middleware, TurnContext } from 'botbuilder';
import { readMarks } from './handoffTurn.js';

const EMERGENCY_NUMBER = /\b999\b/;

export class HandoffCrisisFlagMiddleware implements Middleware {
  constructor(
    /** The request this conversation has open, if any. */
    private readonly openRequest: (context: TurnContext) => Promise<string | undefined>,
    private readonly flag: (requestId: string) => Promise<void>,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.type !== 'message') return next();
    let emergency = false;
    context.onSendActivities(async (_ctx, activities: Partial<Activity>[], send) => {
      if (activities.some((a) => EMERGENCY_NUMBER.test(a.text ?? ''))) emergency = true;
      return send();
    });
    await next();
    if (!emergency || readMarks(context).handlerRan) return;
    const requestId = await this.openRequest(context);
    if (requestId) await this.flag(requestId);
  }
}
