// The HTTP edge: routes only, no business logic.
import restify, { type Server } from 'restify';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { registerStaffRoutes } from '../staff/staffRoutes.js';
import { registerCalendarRoute } from './calendarRoute.js';
import { registerHealthRoute } from './healthRoute.js';
import { registerInfoPagesRoute } from './infoPagesRoute.js';
import { registerPrivacyRoute } from './privacyRoute.js';
import { registerMessagesRoute, type BotRuntime } from './messagesRoute.js';
import { registerTabContentRoute } from './tabContentRoute.js';
import { registerWebChat } from './webChat.js';

export function createServer(
  config: Config,
  logger: Logger,
  getRuntime: () => BotRuntime | undefined,
): Server {
  // restify's own logger is replaced by ours; it would otherwise log request details.
  const server = restify.createServer({ name: 'safer-kingston-bot', handleUncaughtExceptions: false });
  server.pre(restify.plugins.pre.dedupeSlashes());
  registerHealthRoute(server, () => getRuntime() !== undefined);
  registerMessagesRoute(server, getRuntime, logger);
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
    );
  }
  // The chat page, and in local mode the Direct Line inside this service. Its open streams would keep
  // server.close() waiting, so closing the server ends them first.
  const webChat = registerWebChat(server, config);
  const closeServer = server.close.bind(server);
  server.close = ((callback?: () => void) => {
    webChat.close();
    return closeServer(callback);
  }) as Server['close'];
  return server;
}
