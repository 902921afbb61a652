// The local Direct Line through the official botframework-directlinejs client: start, welcome, message,
// reply; over WebSocket and over polling; conversations never mix; bad tokens are refused.
import assert from 'node:assert/strict';
import { WebSocket } from 'ws';
import { ECHO_WELCOME, type RunningEchoBot, startEchoBot } from './echoBot.js';
import { TestClient, textOf } from './nodeDirectLine.js';

interface TokenResponse {
  conversationId: string;
  token: string;
  expires_in: number;
}

describe('local Direct Line with the botframework-directlinejs client', () => {
  let bot: RunningEchoBot;
  const clients: TestClient[] = [];

  before(async () => {
    bot = await startEchoBot();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.end();
  });
  after(async () => {
    await bot.close();
  });

  async function generateToken(): Promise<TokenResponse> {
    const response = await fetch(`${bot.origin}/v3/directline/tokens/generate`, { method: 'POST' });
    assert.equal(response.status, 200);
    return (await response.json()) as TokenResponse;
  }

  function activities(conversationId: string, token?: string) {
    return fetch(`${bot.origin}/v3/directline/conversations/${conversationId}/activities`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  }

  async function client(webSocket: boolean): Promise<TestClient> {
    const { token } = await generateToken();
    const created = new TestClient({
      token,
      domain: `${bot.origin}/v3/directline`,
      webSocket,
      pollingInterval: 200,
    });
    clients.push(created);
    return created;
  }

  for (const transport of ['WebSocket', 'polling'] as const) {
    it(`starts a conversation, shows the welcome, and answers a message (${transport})`, async () => {
      const chat = await client(transport === 'WebSocket');
      const welcome = await chat.waitFor((a) => textOf(a) === ECHO_WELCOME, 'the welcome');
      assert.equal(welcome.from.role, 'bot');
      assert.deepEqual(
        welcome.type === 'message' && welcome.suggestedActions?.actions.map((action) => action.title),
        ['Start', 'Help'],
      );

      const id = await chat.say('hello there');
      const echo = await chat.waitFor((a) => a.id === id, 'the echo of my own message');
      assert.equal(textOf(echo), 'hello there');
      assert.equal(echo.from.role, 'user');
      const reply = await chat.waitFor((a) => textOf(a) === 'You said: hello there', 'the reply');
      assert.equal((reply as { replyToId?: string }).replyToId, id);
      assert.equal(reply.conversation?.id, welcome.conversation?.id);
    });
  }

  it('keeps two conversations at once apart', async () => {
    const [alice, bob] = await Promise.all([client(true), client(false)]);
    await Promise.all([
      alice.waitFor((a) => textOf(a) === ECHO_WELCOME, 'welcome for alice'),
      bob.waitFor((a) => textOf(a) === ECHO_WELCOME, 'welcome for bob'),
    ]);
    await Promise.all([alice.say('apples from alice'), bob.say('bananas from bob')]);
    await alice.waitFor((a) => textOf(a) === 'You said: apples from alice', 'reply to alice');
    await bob.waitFor((a) => textOf(a) === 'You said: bananas from bob', 'reply to bob');
    // Let any stray delivery arrive before checking that none did.
    await new Promise((resolve) => setTimeout(resolve, 400));
    assert.ok(!alice.received.some((a) => textOf(a).includes('bob')), 'alice saw something of bob');
    assert.ok(!bob.received.some((a) => textOf(a).includes('alice')), 'bob saw something of alice');
    assert.equal(alice.received.filter((a) => textOf(a) === ECHO_WELCOME).length, 1);
    assert.equal(bob.received.filter((a) => textOf(a) === ECHO_WELCOME).length, 1);
    const conversations = new Set([...alice.received, ...bob.received].map((a) => a.conversation?.id));
    assert.equal(conversations.size, 2);
  });

  describe('tokens', () => {
    async function startConversation(token: string) {
      const response = await fetch(`${bot.origin}/v3/directline/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      return { status: response.status, body: (await response.json()) as Record<string, string> };
    }

    it('refuses a missing, forged or tampered token', async () => {
      const { token, conversationId } = await generateToken();
      assert.equal((await startConversation(token)).status, 201);
      assert.equal((await activities(conversationId)).status, 401);
      assert.equal((await activities(conversationId, 'not-a-token')).status, 403);
      const [header, payload, signature] = token.split('.') as [string, string, string];
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
      const forged = Buffer.from(JSON.stringify({ ...claims, user: 'someone-else' })).toString('base64url');
      assert.equal((await activities(conversationId, `${header}.${forged}.${signature}`)).status, 403);
      assert.equal((await activities(conversationId, token)).status, 200);
    });

    it("refuses one conversation's token for another conversation, on REST and on the stream", async () => {
      const first = await generateToken();
      const second = await generateToken();
      const started = await startConversation(second.token);
      assert.equal(started.status, 201);
      await startConversation(first.token);
      assert.equal((await activities(second.conversationId, first.token)).status, 403);
      const post = await fetch(
        `${bot.origin}/v3/directline/conversations/${second.conversationId}/activities`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${first.token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ type: 'message', text: 'intrusion' }),
        },
      );
      assert.equal(post.status, 403);
      const wsOrigin = bot.origin.replace('http', 'ws');
      const status = await new Promise<number>((resolve) => {
        const socket = new WebSocket(
          `${wsOrigin}/v3/directline/conversations/${second.conversationId}/stream?t=${first.token}`,
        );
        socket.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
        socket.on('open', () => {
          socket.close();
          resolve(101);
        });
        socket.on('error', () => undefined);
      });
      assert.equal(status, 403);
    });

    it('refreshes a token, still bound to the same conversation and user', async () => {
      const { token, conversationId } = await generateToken();
      const started = await startConversation(token);
      const response = await fetch(`${bot.origin}/v3/directline/tokens/refresh`, {
        method: 'POST',
        headers: { authorization: `Bearer ${started.body.token}` },
      });
      assert.equal(response.status, 200);
      const refreshed = (await response.json()) as TokenResponse;
      assert.equal(refreshed.conversationId, conversationId);
      assert.notEqual(refreshed.token, token);
      assert.equal((await activities(conversationId, refreshed.token)).status, 200);
    });
  });

  describe('HTTP edge', () => {
    it('answers 400 to malformed JSON, an activity without a type or of a type clients may not send, and keeps serving', async () => {
      const { token } = await generateToken();
      const started = (await (
        await fetch(`${bot.origin}/v3/directline/conversations`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}` },
        })
      ).json()) as Record<string, string>;
      const url = `${bot.origin}/v3/directline/conversations/${started.conversationId}/activities`;
      const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
      const malformed = await fetch(url, { method: 'POST', headers, body: '{"type": "message", ' });
      assert.equal(malformed.status, 400);
      const untyped = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ text: 'hi' }) });
      assert.equal(untyped.status, 400);
      assert.match(JSON.stringify(await untyped.json()), /type/);
      const invoke = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'invoke', name: 'x' }),
      });
      assert.equal(invoke.status, 400, 'a client may not send invoke activities');
      const fine = await fetch(url, {
        method: 'POST',
        headers,
        body: JSON.stringify({ type: 'message', text: 'hi' }),
      });
      assert.equal(fine.status, 200);
    });

    // The connector endpoints are the bot's: they need its credential (the local Direct Line's secret).
    const asBot = () => ({
      'content-type': 'application/json',
      authorization: `Bearer ${bot.directLine.botSecret}`,
    });

    it('gives 404 on the connector endpoints for a conversation that does not exist', async () => {
      const response = await fetch(`${bot.origin}/v3/conversations/no-such-conversation/activities`, {
        method: 'POST',
        headers: asBot(),
        body: JSON.stringify({ type: 'message', text: 'injected' }),
      });
      assert.equal(response.status, 404);
    });

    it('lets the bot update and delete its own activities through the connector endpoints', async () => {
      const { token, conversationId } = await generateToken();
      await fetch(`${bot.origin}/v3/directline/conversations`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}` },
      });
      const connector = `${bot.origin}/v3/conversations/${conversationId}/activities`;
      const posted = await fetch(connector, {
        method: 'POST',
        headers: asBot(),
        body: JSON.stringify({ type: 'message', text: 'draft' }),
      });
      const { id } = (await posted.json()) as { id: string };
      const texts = async () => {
        const set = (await (await activities(conversationId, token)).json()) as {
          activities: { id: string; text?: string }[];
        };
        return set.activities.filter((a) => a.id === id).map((a) => a.text);
      };
      assert.deepEqual(await texts(), ['draft']);
      const updated = await fetch(`${connector}/${encodeURIComponent(id)}`, {
        method: 'PUT',
        headers: asBot(),
        body: JSON.stringify({ type: 'message', text: 'final' }),
      });
      assert.equal(updated.status, 200);
      assert.deepEqual(await texts(), ['final']);
      const deleted = await fetch(`${connector}/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: asBot(),
      });
      assert.equal(deleted.status, 200);
      assert.deepEqual(await texts(), []);
    });

    it('reconnects with a watermark and gets only what came after it', async () => {
      const chat = await client(false);
      await chat.waitFor((a) => textOf(a) === ECHO_WELCOME, 'the welcome');
      await chat.say('first');
      await chat.waitFor((a) => textOf(a) === 'You said: first', 'the first reply');
      const token = (chat.directLine as unknown as { token: string }).token;
      const conversationId = chat.received[0]?.conversation?.id ?? '';
      const all = (await (await activities(conversationId, token)).json()) as { watermark: string };
      await chat.say('second');
      await chat.waitFor((a) => textOf(a) === 'You said: second', 'the second reply');
      const reconnect = await fetch(
        `${bot.origin}/v3/directline/conversations/${conversationId}?watermark=${all.watermark}`,
        { headers: { authorization: `Bearer ${token}` } },
      );
      assert.equal(reconnect.status, 200);
      const { streamUrl } = (await reconnect.json()) as { streamUrl: string };
      const texts = await new Promise<string[]>((resolve, reject) => {
        const socket = new WebSocket(streamUrl);
        socket.on('message', (data) => {
          const set = JSON.parse(String(data)) as { activities: { text?: string }[] };
          socket.close();
          resolve(set.activities.map((a) => a.text ?? ''));
        });
        socket.on('error', reject);
      });
      assert.deepEqual(texts, ['second', 'You said: second']);
    });
  });
});
