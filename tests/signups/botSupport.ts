// The whole bot for the signups journey tests (kept apart from support.ts, so that the crash
// test's child process does not load the Bot Framework).
import { loadContent, type Content } from '../../src/content/content.js';
import { startTestBot, type TestBot, type TestBotOptions } from '../support/botHarness.js';
import { NOW, testCatalogue } from './support.js';

/** The whole bot with real content except the workshop sessions, which the tests control. */
export async function startSignupBot(options: TestBotOptions & { now?: () => Date } = {}): Promise<TestBot> {
  const content: Content = { ...(await loadContent()), workshops: testCatalogue() };
  return startTestBot({
    ...options,
    services: { content, now: options.now ?? (() => NOW), ...options.services },
  });
}
