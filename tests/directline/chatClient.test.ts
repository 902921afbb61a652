// The terminal client's pieces: its Direct Line client against the local Direct Line, and its rendering.
import assert from 'node:assert/strict';
import { type ChatActivity, DirectLineChatClient } from '../../src/cli/directLineClient.js';
import { renderActivity } from '../../src/cli/render.js';
import { ECHO_WELCOME, type RunningEchoBot, startEchoBot } from './echoBot.js';

async function until(test: () => boolean, what: string, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe('terminal chat client', () => {
  let bot: RunningEchoBot;
  before(async () => {
    bot = await startEchoBot();
  });
  after(async () => bot.close());

  for (const webSocket of [true, false]) {
    it(`gets the welcome and a reply (${webSocket ? 'WebSocket' : 'polling'})`, async () => {
      const received: ChatActivity[] = [];
      const client = new DirectLineChatClient(bot.origin, (activity) => received.push(activity), 100);
      try {
        await client.start({ webSocket });
        await until(() => received.some((a) => a.text === ECHO_WELCOME), 'the welcome');
        assert.match(client.userId, /^dl_/);
        await client.send({ type: 'message', text: 'ping' });
        await until(() => received.some((a) => a.text === 'You said: ping'), 'the reply');
        const own = received.find((a) => a.text === 'ping');
        assert.equal(own?.from?.id, client.userId);
      } finally {
        client.close();
      }
    });
  }

  it('numbers the buttons of suggested actions, hero cards and Adaptive Cards', () => {
    const rendered = renderActivity({
      type: 'message',
      text: 'Pick one',
      suggestedActions: { actions: [{ type: 'imBack', title: 'Report', value: 'report' }] },
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.hero',
          content: {
            title: 'Workshops',
            buttons: [
              { type: 'postBack', title: 'Book', value: { action: 'book' } },
              { type: 'openUrl', title: 'More', value: 'https://example.org/' },
            ],
          },
        },
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: {
            type: 'AdaptiveCard',
            body: [{ type: 'Container', items: [{ type: 'TextBlock', text: 'Choose a date' }] }],
            actions: [{ type: 'Action.Submit', title: 'Send', data: { date: '2026-12-01' } }],
          },
        },
      ],
    });
    assert.deepEqual(rendered.lines, [
      'Pick one',
      'Workshops',
      'More: https://example.org/',
      'Choose a date',
    ]);
    assert.deepEqual(
      rendered.choices.map((choice) => [choice.title, choice.activity]),
      [
        ['Book', { type: 'message', value: { action: 'book' } }],
        ['Send', { type: 'message', value: { date: '2026-12-01' } }],
        ['Report', { type: 'message', text: 'report' }],
      ],
    );
  });
});
