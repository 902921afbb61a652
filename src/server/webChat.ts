// Chooses how the web chat page reaches the bot, from the configuration:
// - DIRECT_LINE_SECRET set: Azure's Direct Line (the page gets short-lived tokens from the service);
// - local mode (no secret, no MicrosoftAppId): the local Direct Line inside this service;
// - otherwise (an app id but no secret): the page is served, but says the chat is not available.
import type { Server } from 'restify';
import { type Config, isLocalMode } from '../config.js';
import { registerLocalDirectLine } from './directline/index.js';
import { registerWebRoutes } from './webRoutes.js';

export const LOCAL_BOT_ID = 'safer-kingston-bot';

export interface WebChat {
  mode: 'azure' | 'local' | 'none';
  /** Ends the local Direct Line's conversations and streams (so the server can close). */
  close(): void;
}

export function registerWebChat(server: Server, config: Config): WebChat {
  if (config.DIRECT_LINE_SECRET) {
    registerWebRoutes(server, {
      directLine: { mode: 'azure', secret: config.DIRECT_LINE_SECRET, endpoint: config.DIRECT_LINE_ENDPOINT },
      frameAncestors: frameAncestorsFor(config),
    });
    return { mode: 'azure', close: () => undefined };
  }
  if (isLocalMode(config)) {
    const directLine = registerLocalDirectLine(server, {
      botId: LOCAL_BOT_ID,
      botName: 'Safer Kingston',
      ...(config.PUBLIC_URL ? { publicOrigin: config.PUBLIC_URL } : {}),
    });
    registerWebRoutes(server, {
      directLine: { mode: 'local', directLine },
      frameAncestors: frameAncestorsFor(config),
    });
    return { mode: 'local', close: () => directLine.close() };
  }
  registerWebRoutes(server, { directLine: { mode: 'none' }, frameAncestors: frameAncestorsFor(config) });
  return { mode: 'none', close: () => undefined };
}

/** The chat page may be framed by this service and the sites in EMBED_ORIGINS (* = any site). */
function frameAncestorsFor(config: Config): string[] {
  return ["'self'", ...config.EMBED_ORIGINS];
}
