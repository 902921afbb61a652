// Builds the hand-off's service from the parts every bot has (used by src/app.ts and the tests).
import type { Config } from '../config.js';
import type { Content } from '../content/content.js';
import type { Insights } from '../insights/insights.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { CallbackService } from './callbacks.js';
import { DeskMessenger } from './deskMessenger.js';
import { HandoffRecords } from './handoffRecords.js';
import { HandoffService } from './handoffService.js';

export function createHandoff(parts: {
  config: Config;
  content: Content;
  store: Store;
  insights: Insights;
  logger: Logger;
  now: () => Date;
}): HandoffService {
  const { config, content, store, insights, logger, now } = parts;
  return new HandoffService(
    new HandoffRecords(store.records),
    new DeskMessenger(config.MicrosoftAppId ?? '', logger),
    content,
    content.handoff,
    insights,
    logger,
    now,
    { timeoutMs: config.HANDOFF_TIMEOUT_SECONDS * 1000 },
    new CallbackService(store.records, now, config.RETENTION_DAYS),
  );
}

/** Checks for requests nobody accepted, every few seconds; returns the stop function. */
export function scheduleHandoffTimeouts(handoff: HandoffService, logger: Logger): () => void {
  const every = Math.min(15_000, Math.max(1_000, handoff.settings.timeoutMs / 6));
  const timer = setInterval(() => {
    handoff.checkTimeouts().catch((error: unknown) => {
      logger.warn('handoff_timeouts_failed', {
        errorType: error instanceof Error ? error.name : typeof error,
      });
    });
  }, every);
  timer.unref();
  return () => clearInterval(timer);
}
