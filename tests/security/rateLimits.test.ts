// Per-client rate limits (issue 17, finding 2): one client flooding gets 429 with Retry-After, another
// client is still served, a forged X-Forwarded-For counts only when TRUST_PROXY says a proxy adds it,
// and in Azure mode a token flood does not become a flood of calls to Azure with the secret.
import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectRepliesActivity, postActivity, startTestApp, type TestApp } from '../support/appHarness.js';

const STAFF_TOKEN = 'a-staff-token-that-is-long-enough-111111';

async function statuses(count: number, send: () => Promise<Response>): Promise<Response[]> {
  const answers: Response[] = [];
  for (let i = 0; i < count; i += 1) answers.push(await send());
  return answers;
}

describe('security: per-client rate limits', () => {
  describe('directly reached (no proxy trusted)', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({
        STAFF_TOKEN,
        RATE_LIMIT_MESSAGES_PER_MINUTE: '5',
        RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '3',
        RATE_LIMIT_STAFF_LOGIN_PER_MINUTE: '4',
      });
    });
    after(() => app.stop());

    it('/api/messages: 429 with Retry-After once the allowance is used, even with a made-up X-Forwarded-For', async () => {
      const answers = await statuses(8, () =>
        postActivity(app.url, expectRepliesActivity('help', 'flood-1'), {
          'x-forwarded-for': `203.0.113.${Math.floor(Math.random() * 250)}`,
        }),
      );
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200, 200, 200, 429, 429, 429],
      );
      assert.match(answers[5]?.headers.get('retry-after') ?? '', /^\d+$/);
    });

    it('/api/directline/token: 429 after the allowance of new chats', async () => {
      const answers = await statuses(5, () => fetch(`${app.url}/api/directline/token`, { method: 'POST' }));
      assert.deepEqual(
        answers.map((a) => a.status),
        [200, 200, 200, 429, 429],
      );
      assert.ok(answers[3]?.headers.get('retry-after'));
    });

    it('/staff/login: 429 after a few wrong tokens, and then the right one waits too', async () => {
      const login = (token: string) =>
        fetch(`${app.url}/staff/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ who: 'Sam Jones', token }).toString(),
          redirect: 'manual',
        });
      const answers = await statuses(5, () => login('wrong-token-wrong-token-wrong-token'));
      assert.deepEqual(
        answers.map((a) => a.status),
        [401, 401, 401, 401, 429],
      );
      assert.equal((await login(STAFF_TOKEN)).status, 429);
    });
  });

  describe('behind a trusted proxy (TRUST_PROXY=1)', () => {
    let app: TestApp;
    before(async () => {
      app = await startTestApp({ TRUST_PROXY: '1', RATE_LIMIT_MESSAGES_PER_MINUTE: '3' });
    });
    after(() => app.stop());

    it('counts each client by the address the proxy added, so one client does not use up another', async () => {
      const as = (client: string) => () =>
        postActivity(app.url, expectRepliesActivity('help', `proxy-${client}`), {
          // The client wrote its own first entry; the proxy appended the real one.
          'x-forwarded-for': `198.51.100.1, ${client}`,
        });
      const flooder = await statuses(5, as('203.0.113.5'));
      assert.deepEqual(
        flooder.map((a) => a.status),
        [200, 200, 200, 429, 429],
      );
      assert.equal((await as('203.0.113.9')()).status, 200, 'a second resident was refused');
    });
  });

  describe('Azure Direct Line mode', () => {
    let app: TestApp;
    let upstream: http.Server;
    let calls = 0;
    before(async () => {
      upstream = http.createServer((req, res) => {
        calls += 1;
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ conversationId: `c${calls}`, token: `t${calls}`, expires_in: 1800 }));
      });
      await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
      const { port } = upstream.address() as AddressInfo;
      app = await startTestApp({
        DIRECT_LINE_SECRET: 'a-direct-line-secret-long-enough',
        DIRECT_LINE_ENDPOINT: `http://127.0.0.1:${port}/v3/directline`,
        RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '3',
      });
    });
    after(async () => {
      await app.stop();
      await new Promise((resolve) => upstream.close(resolve));
    });

    it('makes no call to Azure for a request over the limit', async () => {
      const answers = await Promise.all(
        Array.from({ length: 40 }, () => fetch(`${app.url}/api/directline/token`, { method: 'POST' })),
      );
      assert.equal(answers.filter((a) => a.status === 200).length, 3);
      assert.equal(answers.filter((a) => a.status === 429).length, 37);
      assert.equal(calls, 3, 'calls to Azure');
    });
  });
});
