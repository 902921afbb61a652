// The Bot Framework adapter. With no MicrosoftAppId the service runs unauthenticated for local use;
// with one, every request to /api/messages must carry a valid Bot Framework token.
import { CloudAdapter, type ConversationState, type Middleware, type TurnContext } from 'botbuilder';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { ReusingBotFrameworkAuthentication } from './reusingAuthentication.js';

export function createAdapter(
  config: Config,
  logger: Logger,
  conversationState: ConversationState,
  errorText: string,
  middleware: Middleware[],
): CloudAdapter {
  const auth = new ReusingBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  });
  const adapter = new CloudAdapter(auth);
  for (const m of middleware) adapter.use(m);

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The error's message may quote user input, so only its type and the channel are logged.
    logger.error('turn_failed', { errorType: error.name, channel: context.activity.channelId });
    try {
      await context.sendActivity(errorText);
      // A broken dialog stack would fail again on the next message: start the conversation afresh.
      await conversationState.delete(context);
    } catch {
      logger.error('turn_error_reply_failed', { channel: context.activity.channelId });
    }
  };
  return adapter;
}
