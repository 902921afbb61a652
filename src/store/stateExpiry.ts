// How long bot state is kept. Conversation state holds where a journey is up to, including what
// someone typed into a sign-up before agreeing to it being kept: it goes after a day with no
// message, so an abandoned sign-up leaves nothing behind. User state holds the bystander
// training's progress (no name, nothing typed): it goes RETENTION_DAYS after the last visit, as the
// privacy notice says. Anything else is kept RETENTION_DAYS.
import type { StateExpiry } from './store.js';

export const CONVERSATION_IDLE_HOURS = 24;
const HOUR_MS = 3600 * 1000;

/** Bot Framework state keys: "<channel>/conversations/<id>/" and "<channel>/users/<id>/". */
const CONVERSATION_KEY = /^[^/]+\/conversations\//;

export function stateExpiry(now: Date, retentionDays: number): StateExpiry {
  const conversationCutoff = now.getTime() - CONVERSATION_IDLE_HOURS * HOUR_MS;
  const otherCutoff = now.getTime() - retentionDays * 24 * HOUR_MS;
  return {
    keepIfWrittenSince: new Date(Math.max(conversationCutoff, otherCutoff)),
    expired: (key, lastWritten) =>
      lastWritten.getTime() < (CONVERSATION_KEY.test(key) ? conversationCutoff : otherCutoff),
  };
}
