// Shared by the resident journey tests.
export { Chat, type Step } from '../support/chat.js';

/** A message that must reach the emergency routes first, whatever journey is under way. */
export const CRISIS_MESSAGE = 'I want to kill myself';

export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
