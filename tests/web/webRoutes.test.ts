// The page's routes on their own: static files without escapes, the bundle, and the token endpoint in
// Azure mode (the secret goes to Azure's Direct Line and never back to the browser).
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import restify from 'restify';
import sinon from 'sinon';
import { loadConfig } from '../../src/config.js';
import { registerWebChat } from '../../src/server/webChat.js';
import { type WebRoutesOptions, registerWebRoutes } from '../../src/server/webRoutes.js';

const SECRET = 'the-direct-line-secret-that-must-stay-here';
const AZURE = 'https://europe.directline.botframework.com/v3/directline';

async function serve(options: WebRoutesOptions): Promise<{ origin: string; close(): Promise<void> }> {
  const server = restify.createServer();
  registerWebRoutes(server, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('web routes', () => {
  describe('with an Azure Direct Line secret', () => {
    const calls: { url: string; init: RequestInit | undefined }[] = [];
    let azureStatus = 200;
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      calls.push({ url: String(url), init });
      const body =
        azureStatus === 200
          ? { conversationId: 'azure-conv', token: 'short-lived-token', expires_in: 3600 }
          : { error: { code: 'Unauthorized' } };
      return new Response(JSON.stringify(body), { status: azureStatus });
    }) as typeof fetch;
    let app: Awaited<ReturnType<typeof serve>>;

    before(async () => {
      app = await serve({ directLine: { mode: 'azure', secret: SECRET, endpoint: AZURE }, fetch: fakeFetch });
    });
    after(async () => app.close());
    beforeEach(() => {
      calls.length = 0;
      azureStatus = 200;
    });

    it('exchanges the secret for a short-lived token and returns only the token', async () => {
      const response = await fetch(`${app.origin}/api/directline/token`, { method: 'POST' });
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.ok(!text.includes(SECRET), 'the secret reached the browser');
      assert.deepEqual(JSON.parse(text), {
        conversationId: 'azure-conv',
        token: 'short-lived-token',
        expires_in: 3600,
        domain: AZURE,
      });
      assert.equal(response.headers.get('cache-control'), 'no-store');
      assert.equal(calls.length, 1);
      assert.equal(calls[0]?.url, `${AZURE}/tokens/generate`);
      assert.equal(new Headers(calls[0]?.init?.headers).get('authorization'), `Bearer ${SECRET}`);
      const sent = JSON.parse(String(calls[0]?.init?.body)) as { user: { id: string } };
      assert.match(sent.user.id, /^dl_/);
    });

    it('answers 502 without details when Azure refuses', async () => {
      azureStatus = 403;
      const logged = sinon.stub(console, 'error');
      try {
        const response = await fetch(`${app.origin}/api/directline/token`, { method: 'POST' });
        assert.equal(response.status, 502);
        assert.ok(!(await response.text()).includes(SECRET));
        assert.ok(!logged.args.flat().join(' ').includes(SECRET), 'the secret was logged');
      } finally {
        logged.restore();
      }
    });

    it("lets the page connect to Azure's Direct Line in its CSP", async () => {
      const response = await fetch(`${app.origin}/`);
      const csp = response.headers.get('content-security-policy') ?? '';
      assert.match(csp, /connect-src 'self' https:\/\/europe\.directline\.botframework\.com wss:\/\/europe/);
      assert.match(csp, /default-src 'none'/);
    });
  });

  describe('static files', () => {
    let app: Awaited<ReturnType<typeof serve>>;
    before(async () => {
      app = await serve({ directLine: { mode: 'azure', secret: SECRET }, fetch: (() => undefined) as never });
    });
    after(async () => app.close());

    it('serves the page, its script and the Web Chat bundle with the right types', async () => {
      for (const [url, type] of [
        ['/', 'text/html'],
        ['/index.html', 'text/html'],
        ['/chat.js', 'text/javascript'],
        ['/chat.css', 'text/css'],
        ['/vendor/webchat.js', 'text/javascript'],
      ] as const) {
        const response = await fetch(`${app.origin}${url}`);
        assert.equal(response.status, 200, url);
        assert.match(response.headers.get('content-type') ?? '', new RegExp(type), url);
        assert.equal(response.headers.get('x-content-type-options'), 'nosniff', url);
        await response.arrayBuffer();
      }
    });

    it('serves nothing outside web/ and no hidden files', async () => {
      for (const url of [
        '/../package.json',
        '/%2e%2e/package.json',
        '/..%2fpackage.json',
        '/.env',
        '/nope.html',
      ]) {
        const response = await fetch(`${app.origin}${url}`);
        assert.equal(response.status, 404, url);
        await response.arrayBuffer();
      }
    });
  });

  describe('choosing the mode from the configuration', () => {
    const APP = {
      MicrosoftAppId: '00000000-0000-0000-0000-000000000001',
      MicrosoftAppType: 'SingleTenant',
      MicrosoftAppPassword: 'not-a-real-password',
      MicrosoftAppTenantId: '00000000-0000-0000-0000-000000000002',
    };
    for (const [name, env, mode] of [
      ['no app id and no secret: the local Direct Line', {}, 'local'],
      ['a Direct Line secret: Azure', { DIRECT_LINE_SECRET: SECRET }, 'azure'],
      ['an app id and a secret: Azure', { ...APP, DIRECT_LINE_SECRET: SECRET }, 'azure'],
      ['an app id without a secret: no chat', APP, 'none'],
    ] as const) {
      it(name, () => {
        const webChat = registerWebChat(restify.createServer(), loadConfig(env));
        assert.equal(webChat.mode, mode);
        webChat.close();
      });
    }

    it('says plainly when the chat has no way to reach the bot', async () => {
      const app = await serve({ directLine: { mode: 'none' } });
      try {
        const response = await fetch(`${app.origin}/api/directline/token`, { method: 'POST' });
        assert.equal(response.status, 503);
        assert.match(await response.text(), /DIRECT_LINE_SECRET/);
      } finally {
        await app.close();
      }
    });
  });
});
