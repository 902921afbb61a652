// Property-based fuzz of /api/messages and the local Direct Line routes (issue 17): whatever a client
// sends, the answer is never a 5xx and always comes within a few seconds. A bounded number of runs,
// so it stays part of npm test.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { openChat, type OpenedChat } from './support.js';

const RUNS = 60;
const ANSWER_WITHIN_MS = 5000;

const contentType = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', '');
const text = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.constantFrom('help', 'cancel', 'yes', '', 'I am scared'),
);
const account = fc.oneof(fc.record({ id: fc.string({ maxLength: 40 }) }), fc.jsonValue());

/** Activities that are nearly right, and sometimes wrong in one field. */
const activity = fc.record(
  {
    type: fc.oneof(
      fc.constantFrom('message', 'conversationUpdate', 'event', 'invoke', 'typing'),
      fc.string(),
    ),
    channelId: fc.oneof(fc.constantFrom('test', 'directline', 'msteams'), fc.string({ maxLength: 20 })),
    conversation: fc.oneof(fc.record({ id: fc.string({ minLength: 1, maxLength: 40 }) }), fc.jsonValue()),
    from: account,
    recipient: account,
    serviceUrl: fc.constantFrom('http://127.0.0.1:9/unused', 'https://example.org/', 'not a url'),
    deliveryMode: fc.constantFrom('expectReplies', 'normal', undefined),
    text,
    value: fc.jsonValue({ maxDepth: 3 }),
    membersAdded: fc.oneof(fc.array(account, { maxLength: 3 }), fc.jsonValue()),
    locale: fc.oneof(fc.constantFrom('en-GB', 'cy'), fc.string({ maxLength: 30 })),
  },
  { requiredKeys: ['type', 'channelId', 'conversation', 'from', 'deliveryMode'] },
);
const body = fc.oneof(
  { weight: 4, arbitrary: activity.map((a) => JSON.stringify(a)) },
  { weight: 1, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
  { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
);

async function answered(url: string, init: RequestInit): Promise<number> {
  const res = await fetch(url, { ...init, signal: AbortSignal.timeout(ANSWER_WITHIN_MS) });
  await res.arrayBuffer();
  return res.status;
}

describe('security: fuzzing the HTTP routes', function () {
  this.timeout(120_000);
  let app: TestApp;
  let chat: OpenedChat;
  before(async () => {
    app = await startTestApp();
    chat = await openChat(app.url);
  });
  after(() => app.stop());

  it('/api/messages: no 5xx and no hang for any body and content type', async () => {
    await fc.assert(
      fc.asyncProperty(body, contentType, async (sent, type) => {
        const status = await answered(`${app.url}/api/messages`, {
          method: 'POST',
          headers: type ? { 'content-type': type } : {},
          body: sent,
        });
        assert.ok(status < 500, `status ${status} for ${sent.slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('Direct Line: no 5xx and no hang from activities, watermarks, tokens and conversation ids', async () => {
    const clientActivity = fc.oneof(
      fc
        .record(
          {
            type: fc.oneof(fc.constantFrom('message', 'event', 'typing', 'invoke'), fc.string()),
            text,
            value: fc.jsonValue({ maxDepth: 3 }),
            from: fc.jsonValue(),
            attachments: fc.jsonValue(),
            channelData: fc.jsonValue(),
          },
          { requiredKeys: ['type'] },
        )
        .map((a) => JSON.stringify(a)),
      fc.string({ maxLength: 200 }),
    );
    const route = fc.oneof(
      clientActivity.map((sent) => ({
        path: `/v3/directline/conversations/${chat.conversationId}/activities`,
        method: 'POST',
        sent,
      })),
      fc.string({ maxLength: 20 }).map((w) => ({
        path: `/v3/directline/conversations/${chat.conversationId}/activities?watermark=${encodeURIComponent(w)}`,
        method: 'GET',
        sent: undefined,
      })),
      fc.string({ maxLength: 30 }).map((id) => ({
        path: `/v3/directline/conversations/${encodeURIComponent(id) || 'x'}/activities`,
        method: 'GET',
        sent: undefined,
      })),
      fc
        .jsonValue()
        .map((v) => ({ path: '/v3/directline/tokens/generate', method: 'POST', sent: JSON.stringify(v) })),
      fc
        .jsonValue()
        .map((v) => ({ path: '/v3/directline/conversations', method: 'POST', sent: JSON.stringify(v) })),
    );
    const token = fc.oneof(fc.constant(chat.token), fc.string({ maxLength: 60 }), fc.constant(''));
    await fc.assert(
      fc.asyncProperty(route, token, contentType, async ({ path, method, sent }, bearer, type) => {
        const status = await answered(`${app.url}${path}`, {
          method,
          headers: {
            ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
            ...(sent !== undefined && type ? { 'content-type': type } : {}),
          },
          ...(sent !== undefined ? { body: sent } : {}),
        });
        assert.ok(status < 500, `status ${status} for ${method} ${path} ${String(sent).slice(0, 200)}`);
      }),
      { numRuns: RUNS },
    );
  });
});
