// On the Bot Framework Emulator only, shows what each message was understood as: one trace
// activity per user message (as the LUIS recogniser does) whose value is the recogniser result.
// Other channels never see it.
import { ActivityTypes, type Middleware, type TurnContext } from 'botbuilder';
import { getUnderstanding } from './turnUnderstanding.js';

export const TRACE_NAME = 'SaferKingstonRecognizer';
export const TRACE_VALUE_TYPE = 'https://safer-kingston/understanding';

export class UnderstandingTraceMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    // The trace follows the turn's own replies, so a crisis reply is always the first thing sent.
    await next();
    if (context.activity.channelId !== 'emulator' || context.activity.type !== ActivityTypes.Message) return;
    const understood = getUnderstanding(context);
    if (!understood) return;
    await context.sendActivity({
      type: ActivityTypes.Trace,
      name: TRACE_NAME,
      label: 'Understanding',
      valueType: TRACE_VALUE_TYPE,
      value: { route: understood.route, score: understood.score, alternatives: understood.alternatives },
    });
  }
}
