// End to end through the local Direct Line to the real bot (the whole service on a free port): the
// official botframework-directlinejs client sees the welcome with the journey buttons and gets help.
import assert from 'node:assert/strict';
import { loadContent } from '../../src/content/content.js';
import type { ConversationText } from '../../src/content/conversation.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { TestClient, textOf } from './nodeDirectLine.js';

describe('the real bot through the local Direct Line', () => {
  let app: TestApp;
  let words: ConversationText;
  const clients: TestClient[] = [];

  before(async () => {
    words = (await loadContent()).conversation;
    app = await startTestApp();
  });
  afterEach(() => {
    for (const client of clients.splice(0)) client.end();
  });
  after(async () => app.stop());

  async function client(webSocket: boolean): Promise<TestClient> {
    const response = await fetch(`${app.url}/api/directline/token`, { method: 'POST' });
    assert.equal(response.status, 200);
    const { token, domain } = (await response.json()) as { token: string; domain: string };
    const created = new TestClient({ token, domain, webSocket, pollingInterval: 200 });
    clients.push(created);
    return created;
  }

  const isWelcome = (text: string) => text.includes(words.welcome[0] as string);
  const isHelp = (text: string) => text.includes(words.help[0] as string);

  for (const transport of ['WebSocket', 'polling'] as const) {
    it(`shows the welcome and the journeys, and answers "help" (${transport})`, async () => {
      const chat = await client(transport === 'WebSocket');
      await chat.waitFor((a) => isWelcome(textOf(a)), 'the welcome');
      const menu = await chat.waitFor(
        (a) => a.type === 'message' && (a.suggestedActions?.actions.length ?? 0) > 0,
        'the journey buttons',
      );
      assert.deepEqual(
        menu.type === 'message' && menu.suggestedActions?.actions.map((action) => action.title),
        words.journeys.map((journey) => journey.label),
      );
      assert.equal(menu.channelId, 'directline');
      await chat.say('help');
      const help = await chat.waitFor((a) => isHelp(textOf(a)), 'the help reply');
      assert.equal(help.from.role, 'bot');
    });
  }

  it('keeps two people talking at the same time apart', async () => {
    const [first, second] = await Promise.all([client(true), client(true)]);
    await Promise.all([
      first.waitFor((a) => isWelcome(textOf(a)), 'first welcome'),
      second.waitFor((a) => isWelcome(textOf(a)), 'second welcome'),
    ]);
    await first.say('help');
    await first.waitFor((a) => isHelp(textOf(a)), 'help for the first person');
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.ok(!second.received.some((a) => isHelp(textOf(a)) || textOf(a) === 'help'), 'second saw first');
    assert.equal(second.received.filter((a) => isWelcome(textOf(a))).length, 1);
    const ids = (chat: TestClient) => new Set(chat.received.map((a) => a.conversation?.id));
    assert.equal(ids(first).size, 1);
    assert.equal(ids(second).size, 1);
    assert.notDeepEqual([...ids(first)], [...ids(second)]);
  });

  it('closes the service even while a chat stream is open', async () => {
    const own = await startTestApp();
    const response = await fetch(`${own.url}/api/directline/token`, { method: 'POST' });
    const { token, domain } = (await response.json()) as { token: string; domain: string };
    const chat = new TestClient({ token, domain, webSocket: true });
    try {
      await chat.waitFor((a) => isWelcome(textOf(a)), 'the welcome');
      const stopped = await Promise.race([
        own.stop().then(() => 'stopped'),
        new Promise((resolve) => setTimeout(() => resolve('still open'), 5000)),
      ]);
      assert.equal(stopped, 'stopped');
    } finally {
      chat.end();
    }
  });
});
