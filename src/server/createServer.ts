// The HTTP edge: routes only, no business logic.
import restify, { type Server } from 'restify';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { registerStaffRoutes } from '../staff/staffRoutes.js';
import { registerHealthRoute } from './healthRoute.js';
import { registerPrivacyRoute } from './privacyRoute.js';
import { registerMessagesRoute, type BotRuntime } from './messagesRoute.js';

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
  return server;
}
