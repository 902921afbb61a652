import type { JourneyRoute } from '../src/content/conversation.js';

// How the main dialog opens a journey.
export interface JourneyOptions {
  /** The free text that opened the journey, e.g. "book 2 places on the online one". */
  utterance?: string;
  /** Values from a deep link or card, already checked against an allowlist (e.g. a session id). */
  start?: Record<string, string>;
  /** Plan-first routing: the resident journey that came close, offered as a button. */
  offer?: JourneyRoute;
}
