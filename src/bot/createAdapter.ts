// The Bot Framework adapter. With no MicrosoftAppId the service runs unauthenticated for local use;
// with one, every request to /api/messages must carry a valid Bot Framework token.
import {
  CloudAdapter,
  type Activity,
  type ConversationState,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { LocalConnectorCredentialsFactory, type LocalConnector } from './localConnectorCredentials.js';
import { ReusingBotFrameworkAuthentication } from './reusingAuthentication.js';

/**
 * The SDK's adapter with authentication as a separate step, so the HTTP route can refuse a request
 * that fails it with its own plain answer (the SDK's process() writes the error's stack to stderr
 * and its message into the response).
 */
export class EdgeAdapter extends CloudAdapter {
  constructor(readonly authentication: ReusingBotFrameworkAuthentication) {
    super(authentication);
  }

  authenticate(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.authentication.authenticateRequest(activity, authHeader);
  }

  processAuthenticated(
    result: AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ) {
    return this.processActivity(result, activity, logic);
  }
}

export function createAuthentication(
  config: Config,
  localConnector?: LocalConnector,
): ReusingBotFrameworkAuthentication {
  const settings = {
    MicrosoftAppId: config.MicrosoftAppId ?? '',
    MicrosoftAppPassword: config.MicrosoftAppPassword ?? '',
    MicrosoftAppType: config.MicrosoftAppType ?? '',
    MicrosoftAppTenantId: config.MicrosoftAppTenantId ?? '',
  };
  if (localConnector && !config.MicrosoftAppId)
    return new ReusingBotFrameworkAuthentication(
      settings,
      new LocalConnectorCredentialsFactory(localConnector),
    );
  return new ReusingBotFrameworkAuthentication(settings);
}

export function createAdapter(
  config: Config,
  logger: Logger,
  conversationState: ConversationState,
  errorText: string,
  middleware: Middleware[],
  localConnector?: LocalConnector,
): EdgeAdapter {
  const adapter = new EdgeAdapter(createAuthentication(config, localConnector));
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
