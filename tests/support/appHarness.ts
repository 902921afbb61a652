// Starts the real service on a free loopback port with a temporary data folder.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';

export interface TestApp extends App {
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * Tests drive the service from one address far faster than a person, so the per-client limits are
 * raised here; the tests of the limits themselves (tests/security) set their own.
 */
export const RAISED_LIMITS: Record<string, string> = {
  RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000',
  RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '1000000',
  RATE_LIMIT_STAFF_LOGIN_PER_MINUTE: '1000000',
  DIRECT_LINE_MAX_CONVERSATIONS_PER_CLIENT: '1000000',
};

export async function startTestApp(
  env: Record<string, string> = {},
  options: AppOptions = {},
): Promise<TestApp> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skapp-test-'));
  const config = loadConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...RAISED_LIMITS, ...env });
  const app = await startApp(config, options);
  return {
    ...app,
    dataDir,
    stop: async () => {
      await app.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A message activity as a channel would send it, asking for the replies in the response. */
export function expectRepliesActivity(text: string, conversationId = 'http-test-1'): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${Math.random().toString(36).slice(2)}`,
    text,
    channelId: 'test',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: 'user-http' },
    recipient: { id: 'bot' },
  };
}

export async function postActivity(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
