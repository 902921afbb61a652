// The HTTP edge under abuse (issue 17, findings 3, 7, 8, 9, 11 and 13): unread bodies, slow clients,
// content types, headers, and refused requests that must not flood the logs or leak internals.
import assert from 'node:assert/strict';
import http from 'node:http';
import { createLogger } from '../../src/logger.js';
import { expectRepliesActivity, postActivity, startTestApp, type TestApp } from '../support/appHarness.js';
import { headersOf, openChat, rawExchange } from './support.js';

const STAFF_TOKEN = 'a-staff-token-that-is-long-enough-000000';

describe('security: the HTTP edge', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({
      STAFF_TOKEN,
      HTTP_HEADERS_TIMEOUT_SECONDS: '1',
      HTTP_REQUEST_TIMEOUT_SECONDS: '2',
    });
  });
  after(() => app.stop());

  describe('a body over the limit (finding 3)', () => {
    for (const route of ['/api/messages', '/staff/login']) {
      it(`${route}: answers and closes the connection, so nothing is left to hang the next request`, async () => {
        const head = `POST ${route} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 600000\r\nConnection: keep-alive\r\n\r\n`;
        const outcome = await rawExchange(app.url, [head, Buffer.alloc(300_000, 'a')], 4000);
        assert.match(outcome.text, /^HTTP\/1\.1 4\d\d /);
        assert.deepEqual(headersOf(outcome.text).get('connection'), ['close']);
        assert.ok(outcome.closed, 'the server kept the connection open with the rest of the body unread');
      });
    }
  });

  describe('slow clients (finding 11)', () => {
    it('closes a connection whose headers never finish', async () => {
      const outcome = await rawExchange(app.url, ['POST /api/messages HTTP/1.1\r\nHost: x\r\n'], 5000);
      assert.ok(outcome.closed, 'a half-sent request head kept its socket');
    });

    it('closes a connection whose body never finishes', async () => {
      const head =
        'POST /api/messages HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n';
      const outcome = await rawExchange(app.url, [head, '{"type":'], 6000);
      assert.ok(outcome.closed, 'a trickled body kept its socket');
    });
  });

  describe('content types (finding 9)', () => {
    const body = JSON.stringify(expectRepliesActivity('help'));
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', undefined]) {
      it(`refuses ${type ?? 'no content type'} on /api/messages with 415`, async () => {
        const res = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: type ? { 'content-type': type } : {},
          body: type ? body : new Blob([body]),
        });
        assert.equal(res.status, 415);
      });
    }

    it('refuses a form post to the Direct Line activities route with 415', async () => {
      const chat = await openChat(app.url);
      const res = await fetch(`${app.url}/v3/directline/conversations/${chat.conversationId}/activities`, {
        method: 'POST',
        headers: { authorization: `Bearer ${chat.token}`, 'content-type': 'text/plain' },
        body: JSON.stringify({ type: 'message', text: 'hi' }),
      });
      assert.equal(res.status, 415);
    });
  });

  describe('a bad membersAdded (finding 13)', () => {
    for (const membersAdded of ['someone', [null], [{ name: 'no id' }]]) {
      it(`answers ${JSON.stringify(membersAdded)} with 400 naming the field`, async () => {
        const res = await postActivity(app.url, {
          ...expectRepliesActivity(''),
          type: 'conversationUpdate',
          membersAdded,
        });
        assert.equal(res.status, 400);
        assert.match(((await res.json()) as { error: string }).error, /membersAdded/);
      });
    }
  });

  describe('headers (finding 8)', () => {
    it('lets only this service frame the chat page; the embed page follows EMBED_ORIGINS', async () => {
      const chat = (await fetch(`${app.url}/chat`)).headers.get('content-security-policy') ?? '';
      assert.match(chat, /frame-ancestors 'self'(;|$)/);
      const home = (await fetch(`${app.url}/`)).headers.get('content-security-policy') ?? '';
      assert.match(home, /frame-ancestors 'self'(;|$)/);
      const embed = (await fetch(`${app.url}/chat?embed=1`)).headers.get('content-security-policy') ?? '';
      assert.match(embed, /frame-ancestors 'self' \*/);
    });

    it('lets no site frame the privacy notice or the staff pages', async () => {
      for (const page of ['/privacy', '/staff/login']) {
        const csp = (await fetch(`${app.url}${page}`)).headers.get('content-security-policy') ?? '';
        assert.match(csp, /frame-ancestors 'none'/, page);
      }
    });

    it('sends nosniff on JSON, cache-control once, and no Server header', async () => {
      for (const page of ['/healthz', '/', '/chat', '/no-such-page']) {
        const outcome = await rawExchange(
          app.url,
          [`GET ${page} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`],
          3000,
        );
        const headers = headersOf(outcome.text);
        assert.deepEqual(headers.get('x-content-type-options'), ['nosniff'], page);
        assert.ok((headers.get('cache-control') ?? []).length <= 1, `${page}: cache-control sent twice`);
        assert.equal(headers.get('server'), undefined, `${page}: a Server header`);
      }
    });

    it('builds the Direct Line domain and streamUrl from its own address, not from a made-up Host', async () => {
      const port = new URL(app.url).port;
      const token = await new Promise<{ domain: string; token: string }>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/directline/token',
            method: 'POST',
            headers: { host: 'evil.example' },
          },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve(JSON.parse(text) as { domain: string; token: string }));
          },
        );
        req.on('error', reject);
        req.end();
      });
      assert.doesNotMatch(token.domain, /evil\.example/);
      const started = await new Promise<string>((resolve, reject) => {
        const req = http.request(
          {
            host: '127.0.0.1',
            port,
            path: '/v3/directline/conversations',
            method: 'POST',
            headers: { host: 'evil.example', authorization: `Bearer ${token.token}` },
          },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve(text));
          },
        );
        req.on('error', reject);
        req.end();
      });
      assert.doesNotMatch(started, /evil\.example/);
      assert.match(started, new RegExp(`ws://127\\.0\\.0\\.1:${port}/`));
    });
  });
});

describe('security: HSTS and PUBLIC_URL (finding 8)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ PUBLIC_URL: 'https://chat.example.org' });
  });
  after(() => app.stop());

  it('sends HSTS when the public address is https, and gives the page that address for Direct Line', async () => {
    const res = await fetch(`${app.url}/api/directline/token`, { method: 'POST' });
    assert.match(res.headers.get('strict-transport-security') ?? '', /max-age=\d+/);
    assert.equal(((await res.json()) as { domain: string }).domain, 'https://chat.example.org/v3/directline');
  });
});

describe('security: refused requests with an app id (finding 7)', () => {
  let app: TestApp;
  const logLines: string[] = [];
  before(async () => {
    app = await startTestApp(
      {
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-password',
        MicrosoftAppType: 'SingleTenant',
        MicrosoftAppTenantId: '66666666-7777-8888-9999-000000000000',
      },
      { logger: createLogger('info', (line) => logLines.push(line)) },
    );
  });
  after(() => app.stop());

  it('answers each with 401 or 503 and a plain body, one JSON log line each, nothing on stderr', async () => {
    const written: string[] = [];
    const stderrWrite = process.stderr.write.bind(process.stderr);
    const consoleError = console.error;
    process.stderr.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    console.error = (...args: unknown[]) => written.push(args.map(String).join(' '));
    logLines.length = 0;
    const statuses: number[] = [];
    const bodies: string[] = [];
    try {
      const forged = `Bearer ${Buffer.from('{"alg":"RS256","kid":"x"}').toString('base64url')}.${Buffer.from('{"iss":"https://api.botframework.com"}').toString('base64url')}.c2ln`;
      for (const authorization of [undefined, 'Bearer not-a-token', forged]) {
        for (let i = 0; i < 5; i += 1) {
          const res = await postActivity(
            app.url,
            {
              ...expectRepliesActivity('hi'),
              deliveryMode: undefined,
              serviceUrl: 'https://smba.trafficmanager.net/uk/',
            },
            authorization ? { authorization } : {},
          );
          statuses.push(res.status);
          bodies.push(await res.text());
        }
      }
    } finally {
      process.stderr.write = stderrWrite;
      console.error = consoleError;
    }
    assert.ok(
      statuses.every((s) => s === 401 || s === 503),
      `statuses: ${statuses.join(',')}`,
    );
    for (const body of bodies) {
      const { error } = JSON.parse(body) as { error: string };
      assert.doesNotMatch(error, /\bat\s+\S+\s+\(|Error:|jwt|kid|openid/i, error);
    }
    assert.deepEqual(written, [], 'something was written to stderr');
    const refusals = logLines
      .map((l) => JSON.parse(l) as { event: string })
      .filter((l) => l.event === 'request_refused');
    assert.equal(refusals.length, statuses.length, 'one log line per refused request');
  });
});
