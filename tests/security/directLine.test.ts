// The local Direct Line under abuse (issue 17, findings 1, 5, 6 and 10): one client cannot fill it or
// push out someone else's conversation, nobody but the bot posts as the bot, the bot posts only to
// this machine, and tokens and streams end when they should.
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { expectRepliesActivity, postActivity, startTestApp, type TestApp } from '../support/appHarness.js';
import { ECHO_WELCOME, type RunningEchoBot, startEchoBot } from '../directline/echoBot.js';
import { eventually, openChat, say, texts } from './support.js';

const asClient = (address: string) => ({ 'x-forwarded-for': address });

describe('security: local Direct Line memory (finding 1)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({
      TRUST_PROXY: '1',
      DIRECT_LINE_MAX_CONVERSATIONS: '6',
      DIRECT_LINE_MAX_CONVERSATIONS_PER_CLIENT: '4',
      DIRECT_LINE_MAX_ACTIVITY_KB: '8',
      DIRECT_LINE_MAX_CONVERSATION_KB: '32',
    });
  });
  after(() => app.stop());

  it('caps the conversations of one client with 429, and a full service refuses with 503, never ending a conversation in use', async () => {
    const resident = await openChat(app.url, asClient('203.0.113.1'));
    assert.equal((await say(app.url, resident, 'help', asClient('203.0.113.1'))).status, 200);

    const flooder = await Promise.all(
      Array.from({ length: 8 }, () =>
        openChat(app.url, asClient('203.0.113.66')).then(
          () => 201,
          (e: Error) => e.message,
        ),
      ),
    );
    assert.equal(flooder.filter((s) => s === 201).length, 4);
    assert.ok(
      flooder.filter((s) => s !== 201).every((s) => s === 'conversation: 429'),
      flooder.join(','),
    );

    // Other clients fill the rest; the next one finds the service full, and nobody is pushed out.
    const others = [];
    for (let i = 2; i < 5; i += 1)
      others.push(
        await openChat(app.url, asClient(`203.0.113.${i}`)).then(
          () => 201,
          (e: Error) => e.message,
        ),
      );
    assert.deepEqual(others, [201, 'conversation: 503', 'conversation: 503']);
    const after = await texts(app.url, resident);
    assert.equal(after.status, 200, 'the resident lost their conversation');
    assert.equal((await say(app.url, resident, 'help', asClient('203.0.113.1'))).status, 200);
  });
});

describe('security: local Direct Line bytes (finding 1)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ DIRECT_LINE_MAX_ACTIVITY_KB: '8', DIRECT_LINE_MAX_CONVERSATION_KB: '32' });
  });
  after(() => app.stop());

  it('refuses an activity over the size limit, and keeps each conversation within its byte limit', async () => {
    const chat = await openChat(app.url, asClient('198.51.100.7'));
    const big = await say(app.url, chat, 'x'.repeat(20_000), asClient('198.51.100.7'));
    assert.equal(big.status, 413);
    for (let i = 0; i < 30; i += 1)
      await say(app.url, chat, `${i} ${'y'.repeat(4000)}`, asClient('198.51.100.7'));
    const response = await fetch(`${app.url}/v3/directline/conversations/${chat.conversationId}/activities`, {
      headers: { authorization: `Bearer ${chat.token}` },
    });
    const body = await response.text();
    assert.ok(body.length <= 40 * 1024, `one GET returned ${body.length} bytes`);
    assert.match(body, /29 y/, 'the newest message was dropped');
  });
});

describe('security: who may post as the bot, and where the bot posts (findings 5 and 6)', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it('refuses the connector routes without the bot credential, and nothing reaches the chat', async () => {
    const chat = await openChat(app.url);
    await eventually(async () => (await texts(app.url, chat)).texts.length > 0);
    const connector = `${app.url}/v3/conversations/${chat.conversationId}/activities`;
    const spoof = JSON.stringify({ type: 'message', text: 'SPOOFED: your booking is cancelled' });
    for (const authorization of [undefined, 'Bearer guess', `Bearer ${chat.token}`]) {
      const res = await fetch(connector, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
        body: spoof,
      });
      assert.equal(res.status, 401);
    }
    const members = await fetch(`${app.url}/v3/conversations/${chat.conversationId}/members`);
    assert.equal(members.status, 401);
    assert.ok(!(await texts(app.url, chat)).texts.some((t) => t.includes('SPOOFED')));
    // The bot itself still answers in the chat (it holds the credential).
    await say(app.url, chat, 'help');
    assert.ok(
      await eventually(async () =>
        (await texts(app.url, chat)).texts.some((t) => /in your own words/.test(t)),
      ),
    );
  });

  it('refuses a serviceUrl that is not this machine when running without a bot identity', async () => {
    for (const serviceUrl of [
      'https://attacker.example/',
      'http://10.0.0.5:3978/',
      'http://user:pw@127.0.0.1/',
    ]) {
      const res = await postActivity(app.url, {
        ...expectRepliesActivity('help'),
        deliveryMode: undefined,
        serviceUrl,
      });
      assert.equal(res.status, 400, serviceUrl);
      assert.match(((await res.json()) as { error: string }).error, /serviceUrl/);
    }
    const local = await postActivity(app.url, expectRepliesActivity('help'));
    assert.equal(local.status, 200);
  });

  it('listens on loopback only by default', async () => {
    const { loadConfig } = await import('../../src/config.js');
    assert.equal(loadConfig({}).HOST, '127.0.0.1');
  });
});

describe('security: Direct Line tokens and streams (finding 10)', () => {
  let bot: RunningEchoBot;
  before(async () => {
    bot = await startEchoBot({ tokenTtlSeconds: 3, maxStreamsPerConversation: 2 });
  });
  after(() => bot.close());

  const generate = async (body?: unknown) => {
    const res = await fetch(`${bot.origin}/v3/directline/tokens/generate`, {
      method: 'POST',
      ...(body ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    return (await res.json()) as { token: string; conversationId: string };
  };
  const start = async () => {
    const { token } = await generate();
    const res = await fetch(`${bot.origin}/v3/directline/conversations`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    return (await res.json()) as { token: string; conversationId: string; streamUrl: string };
  };

  it('revokes the old token when it is refreshed', async () => {
    const chat = await start();
    const refreshed = await fetch(`${bot.origin}/v3/directline/tokens/refresh`, {
      method: 'POST',
      headers: { authorization: `Bearer ${chat.token}` },
    });
    assert.equal(refreshed.status, 200);
    const { token } = (await refreshed.json()) as { token: string };
    const read = (t: string) =>
      fetch(`${bot.origin}/v3/directline/conversations/${chat.conversationId}/activities`, {
        headers: { authorization: `Bearer ${t}` },
      });
    assert.equal((await read(token)).status, 200);
    assert.equal((await read(chat.token)).status, 403, 'the old token still works');
  });

  it('closes a stream when the token it was opened with expires', async () => {
    const chat = await start();
    const ws = new WebSocket(chat.streamUrl);
    await new Promise((resolve) => ws.once('open', resolve));
    const closed = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 6000);
      ws.once('close', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
    ws.terminate();
    assert.ok(closed, 'the stream outlived its token');
  });

  it('keeps only the newest streams of a conversation open', async () => {
    const chat = await start();
    const sockets = await Promise.all(
      Array.from({ length: 6 }, async () => {
        const ws = new WebSocket(chat.streamUrl);
        await new Promise((resolve) => ws.once('open', resolve));
        return ws;
      }),
    );
    const open = await eventually(
      async () => sockets.filter((ws) => ws.readyState === WebSocket.OPEN).length <= 2,
      2000,
    );
    for (const ws of sockets) ws.terminate();
    assert.ok(open, 'more streams than the cap stayed open');
  });

  it('binds a service-chosen user id, not the one a caller asks for, when no secret is given', async () => {
    const { token } = await generate({ user: { id: 'victim-user' } });
    const claims = JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()) as {
      user: string;
    };
    assert.notEqual(claims.user, 'victim-user');
    assert.match(claims.user, /^dl_/);
  });

  it('still welcomes and answers through the official client afterwards', async () => {
    const chat = await start();
    const ws = new WebSocket(chat.streamUrl);
    const seen: string[] = [];
    ws.on('message', (data: Buffer) => {
      for (const a of (JSON.parse(data.toString()) as { activities: { text?: string }[] }).activities)
        seen.push(a.text ?? '');
    });
    assert.ok(await eventually(async () => seen.includes(ECHO_WELCOME), 3000));
    ws.terminate();
  });
});
