// The HTTP edge: routes only, no business logic.
import { randomBytes } from 'node:crypto';
import restify, { type Server } from 'restify';
import { type Config, isLocalMode } from '../config.js';
import type { Logger } from '../logger.js';
import { registerStaffRoutes } from '../staff/staffRoutes.js';
import { registerCalendarRoute } from './calendarRoute.js';
import { registerHealthRoute } from './healthRoute.js';
import { applyTimeouts, registerHygiene } from './httpHygiene.js';
import { registerInfoPagesRoute } from './infoPagesRoute.js';
import { registerPrivacyRoute } from './privacyRoute.js';
import { registerMessagesRoute, type BotRuntime } from './messagesRoute.js';
import { createRateLimits } from './rateLimits.js';
import { registerTabContentRoute } from './tabContentRoute.js';
import { registerWebChat } from './webChat.js';

export interface ServerOptions {
  /** Local mode: the secret between the bot and the local Direct Line (made per process). */
  localSecret?: string;
}

export function createServer(
  config: Config,
  logger: Logger,
  getRuntime: () => BotRuntime | undefined,
  options: ServerOptions = {},
): Server {
  // restify's own logger is replaced by ours; it would otherwise log request details. No name: the
  // Server header would say what runs here.
  const server = restify.createServer({ name: '', handleUncaughtExceptions: false });
  applyTimeouts(server.server, config);
  registerHygiene(server, { hsts: config.PUBLIC_URL?.startsWith('https://') ?? false });
  server.pre(restify.plugins.pre.dedupeSlashes());
  const limits = createRateLimits(config, logger);
  const local = isLocalMode(config)
    ? { secret: options.localSecret ?? randomBytes(32).toString('base64url') }
    : undefined;
  registerHealthRoute(server, () => getRuntime() !== undefined);
  registerMessagesRoute(server, getRuntime, logger, { limits, ...(local ? { local } : {}) });
  registerPrivacyRoute(server, () => getRuntime()?.services);
  registerInfoPagesRoute(server, () => getRuntime()?.services);
  registerCalendarRoute(server, () => getRuntime()?.services);
  registerTabContentRoute(server, () => getRuntime()?.services);
  if (config.STAFF_TOKEN) {
    const secureCookies = config.PUBLIC_URL?.startsWith('https://') ?? false;
    registerStaffRoutes(
      server,
      config.STAFF_TOKEN,
      () => getRuntime()?.services,
      () => getRuntime()?.staffSources,
      secureCookies,
      logger,
      limits,
    );
  }
  // The chat page, and in local mode the Direct Line inside this service. Its open streams would keep
  // server.close() waiting, so closing the server ends them first.
  const webChat = registerWebChat(server, config, { limits, ...(local ? { botSecret: local.secret } : {}) });
  const closeServer = server.close.bind(server);
  server.close = ((callback?: () => void) => {
    webChat.close();
    // Connections kept alive for the next request would hold the close for the idle timeout: each
    // is closed as soon as its request under way has been answered.
    const sweeper = setInterval(() => server.server.closeIdleConnections(), 50);
    const result = closeServer(() => {
      clearInterval(sweeper);
      callback?.();
    });
    server.server.closeIdleConnections();
    return result;
  }) as Server['close'];
  return server;
}
