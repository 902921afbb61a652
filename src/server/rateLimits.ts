// Per-client rate limits (rate-limiter-flexible, in memory: each instance counts its own clients).
// A refused request gets 429 with Retry-After and one JSON log line naming the limit, never the address.
import type { IncomingMessage } from 'node:http';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import { clientAddress } from './clientAddress.js';

export type LimitKind = 'messages' | 'conversations' | 'staffLogin';

export interface RateLimits {
  /** The client a request is counted against. */
  clientOf(req: IncomingMessage): string;
  /** Counts one request; the seconds to wait when the client's allowance is used up, else undefined. */
  take(kind: LimitKind, req: IncomingMessage): Promise<number | undefined>;
  /** The seconds to wait if the allowance is already used up, without counting this request. */
  peek(kind: LimitKind, req: IncomingMessage): Promise<number | undefined>;
}

export type LimitSettings = Pick<
  Config,
  | 'TRUST_PROXY'
  | 'RATE_LIMIT_MESSAGES_PER_MINUTE'
  | 'RATE_LIMIT_CONVERSATIONS_PER_MINUTE'
  | 'RATE_LIMIT_STAFF_LOGIN_PER_MINUTE'
>;

export function createRateLimits(settings: LimitSettings, logger: Logger): RateLimits {
  const perMinute = (points: number) => new RateLimiterMemory({ points, duration: 60 });
  const limiters: Record<LimitKind, RateLimiterMemory> = {
    messages: perMinute(settings.RATE_LIMIT_MESSAGES_PER_MINUTE),
    conversations: perMinute(settings.RATE_LIMIT_CONVERSATIONS_PER_MINUTE),
    staffLogin: perMinute(settings.RATE_LIMIT_STAFF_LOGIN_PER_MINUTE),
  };
  const clientOf = (req: IncomingMessage) => clientAddress(req, settings.TRUST_PROXY);
  const waitFor = (res: RateLimiterRes) => Math.max(1, Math.ceil(res.msBeforeNext / 1000));
  return {
    clientOf,
    async take(kind, req) {
      try {
        await limiters[kind].consume(clientOf(req));
        return undefined;
      } catch (refused) {
        if (!(refused instanceof RateLimiterRes)) throw refused;
        logger.warn('request_refused', { reason: 'rate_limited', limit: kind });
        return waitFor(refused);
      }
    },
    async peek(kind, req) {
      const state = await limiters[kind].get(clientOf(req));
      if (!state || state.remainingPoints > 0) return undefined;
      logger.warn('request_refused', { reason: 'rate_limited', limit: kind });
      return waitFor(state);
    },
  };
}

/** No limits: for code that runs the Direct Line or routes on their own (tests, benchmarks). */
export const noRateLimits: RateLimits = {
  clientOf: (req) => req.socket.remoteAddress ?? 'unknown',
  take: () => Promise.resolve(undefined),
  peek: () => Promise.resolve(undefined),
};
