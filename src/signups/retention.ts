// Deletes sign-up details when their time is up (RETENTION_DAYS): booking details that many days
// after the session, volunteering interests that many days after they were given. Runs at start
// and then every few hours.
import type { Content } from '../content/content.js';
import type { Logger } from '../logger.js';
import type { Store } from '../store/store.js';
import { StoreClosedError } from '../store/store.js';
import { BookingService } from './bookingService.js';
import { InterestService } from './interestService.js';

const EVERY_MS = 6 * 3600 * 1000;

export async function purgeSignups(
  store: Store,
  content: Content,
  now: () => Date,
  retentionDays: number,
): Promise<{ bookings: number; interests: number }> {
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
  return { bookings, interests };
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
  void run();
  const timer = setInterval(() => void run(), EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
