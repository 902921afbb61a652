// Chooses how the web chat page reaches the bot, from the configuration:
// - DIRECT_LINE_SECRET set: Azure's Direct Line (the page gets short-lived tokens from the service);
// - local mode (no secret, no MicrosoftAppId): the local Direct Line inside this service;
// - otherwise (an app id but no secret): the page is served, but says the chat is not available.
import type { Server } from 'restify';
import { type Config, isLocalMode } from '../config.js';
import { registerLocalDirectLine } from './directline/index.js';
import type { RateLimits } from './rateLimits.js';
import { registerWebRoutes } from './webRoutes.js';

export const LOCAL_BOT_ID = 'safer-kingston-bot';

export interface WebChat {
  mode: 'azure' | 'local' | 'none';
  /** Ends the local Direct Line's conversations and streams (so the server can close). */
  close(): void;
}

export interface WebChatOptions {
  limits?: RateLimits;
  /** The secret the bot sends to the local Direct Line's connector routes. */
  botSecret?: string;
}

export function registerWebChat(server: Server, config: Config, options: WebChatOptions = {}): WebChat {
  const framing = {
    frameAncestors: ["'self'"],
    embedFrameAncestors: embedFrameAncestorsFor(config),
    ...(options.limits ? { limits: options.limits } : {}),
  };
  if (config.DIRECT_LINE_SECRET) {
    registerWebRoutes(server, {
      directLine: { mode: 'azure', secret: config.DIRECT_LINE_SECRET, endpoint: config.DIRECT_LINE_ENDPOINT },
      ...framing,
    });
    return { mode: 'azure', close: () => undefined };
  }
  if (isLocalMode(config)) {
    const directLine = registerLocalDirectLine(server, {
      botId: LOCAL_BOT_ID,
      botName: 'Safer Kingston',
      ...(config.PUBLIC_URL ? { publicOrigin: config.PUBLIC_URL } : {}),
      ...(options.botSecret ? { botSecret: options.botSecret } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
      maxConversations: config.DIRECT_LINE_MAX_CONVERSATIONS,
      maxConversationsPerClient: config.DIRECT_LINE_MAX_CONVERSATIONS_PER_CLIENT,
      maxActivityBytes: config.DIRECT_LINE_MAX_ACTIVITY_KB * 1024,
      maxConversationBytes: config.DIRECT_LINE_MAX_CONVERSATION_KB * 1024,
      maxTotalBytes: config.DIRECT_LINE_MAX_TOTAL_MB * 1024 * 1024,
      maxStreamsPerConversation: config.DIRECT_LINE_MAX_STREAMS_PER_CONVERSATION,
    });
    registerWebRoutes(server, { directLine: { mode: 'local', directLine }, ...framing });
    return { mode: 'local', close: () => directLine.close() };
  }
  registerWebRoutes(server, { directLine: { mode: 'none' }, ...framing });
  return { mode: 'none', close: () => undefined };
}

/** The embed widget's page may be framed by this service and the sites in EMBED_ORIGINS (* = any site). */
function embedFrameAncestorsFor(config: Config): string[] {
  return ["'self'", ...config.EMBED_ORIGINS];
}
