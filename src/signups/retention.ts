// Deletes personal details when their time is up: booking details RETENTION_DAYS after the
// session, volunteering interests RETENTION_DAYS after they were given, and bot state left idle
// (src/store/stateExpiry.ts: a day for a conversation, RETENTION_DAYS for training progress).
// Runs a minute after start and then every few hours.
import type { Content } from '../content/content.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { stateExpiry } from '../store/stateExpiry.js';
import { StoreClosedError } from '../store/store.js';
import { CallbackService } from '../handoff/callbacks.js';
import { BookingService } from './bookingService.js';
import { InterestService } from './interestService.js';

const EVERY_MS = 6 * 3600 * 1000;
/**
 * The first run waits a minute after start: it walks every stored state file, and answering the
 * first messages comes first (in one bench:messages run, a restart on a used DATA_DIR answered its
 * first message about half a second later while the walk ran).
 */
const FIRST_RUN_AFTER_MS = 60 * 1000;

export async function purgeSignups(
  store: Store,
  content: Content,
  now: () => Date,
  retentionDays: number,
): Promise<{ bookings: number; interests: number; callbacks: number; stateItems: number }> {
  const bookings = await new BookingService(
    store.records,
    content.workshops,
    now,
    retentionDays,
  ).purgeExpired();
  const interests = await new InterestService(
    store.records,
    content.volunteering,
    content.wards,
    now,
  ).purgeExpired();
  const callbacks = await new CallbackService(store.records, now, retentionDays).purgeExpired();
  const stateItems = await store.purgeBotState(stateExpiry(now(), retentionDays));
  return { bookings, interests, callbacks, stateItems };
}

/** Starts the schedule; the returned function stops it. The timer never keeps the process alive. */
export function scheduleSignupPurge(
  store: Store,
  content: Content,
  now: () => Date,
  logger: Logger,
  retentionDays: number,
): () => void {
  const run = () =>
    purgeSignups(store, content, now, retentionDays).then(
      (erased) => logger.info('signups_purged', erased),
      (error: Error) => {
        if (!(error instanceof StoreClosedError))
          logger.error('signups_purge_failed', { errorType: error.name });
      },
    );
  logger.info('retention_scheduled', {
    firstRunInSeconds: FIRST_RUN_AFTER_MS / 1000,
    everyHours: EVERY_MS / 3_600_000,
  });
  const first = setTimeout(() => void run(), FIRST_RUN_AFTER_MS);
  const timer = setInterval(() => void run(), EVERY_MS);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
