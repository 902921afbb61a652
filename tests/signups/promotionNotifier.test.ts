import assert from 'node:assert/strict';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConversationState, MemoryStorage } from 'botbuilder';
import { createAdapter } from '../../src/bot/createAdapter.js';
import { configSchema } from '../../src/config.js';
import { loadContent, type Content } from '../../src/content/content.js';
import { createLogger } from '../../src/logger.js';
import type { PromotedBooking } from '../../src/signups/bookingService.js';
import { PromotionNotifier } from '../../src/signups/promotionNotifier.js';
import { SESSIONS_COLLECTION, type SessionDocument } from '../../src/signups/bookingRecords.js';
import { allText, type TestBot } from '../support/botHarness.js';
import { startSignupBot } from './botSupport.js';
import { testCatalogue } from './support.js';

interface Posted {
  path: string;
  body: { type?: string; text?: string; conversation?: { id?: string }; recipient?: { id?: string } };
}

/**
 * A stand-in Bot Framework channel: answers POST /v3/conversations/:id/activities (and
 * .../activities/:replyToId, which the connector uses when the message continues a conversation)
 * with `status`.
 */
async function startChannel(status: number) {
  const posted: Posted[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
    req.on('end', () => {
      if (req.method === 'POST' && /^\/v3\/conversations\/[^/]+\/activities(\/[^/]+)?$/.test(req.url ?? ''))
        posted.push({ path: req.url ?? '', body: JSON.parse(raw) as Posted['body'] });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(status < 300 ? JSON.stringify({ id: 'sent-1' }) : JSON.stringify({ error: { code: 'Boom' } }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    posted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('signups: telling people who move up the waiting list', () => {
  let content: Content;
  before(async () => {
    content = await loadContent();
  });

  const session = testCatalogue().get('small')!;
  const promoted = (serviceUrl: string, seats = 1): PromotedBooking => ({
    ref: 'HC-ABCDE-FGH23',
    seats,
    session,
    chatAddress: {
      channelId: 'webchat',
      serviceUrl,
      conversationId: 'conversation-b',
      botId: 'bot',
      userId: 'user-b',
    },
  });

  function notifierWith(lines: string[]) {
    const logger = createLogger('debug', (line) => lines.push(line));
    const config = configSchema.parse({});
    const adapter = createAdapter(config, logger, new ConversationState(new MemoryStorage()), 'error', []);
    const notifier = new PromotionNotifier({
      botAppId: config.MicrosoftAppId ?? '',
      messages: content.signupMessages,
      logger,
    });
    notifier.attach(adapter);
    return notifier;
  }

  it('posts the message to the conversation through the real CloudAdapter', async () => {
    const channel = await startChannel(200);
    try {
      const lines: string[] = [];
      const sent = await notifierWith(lines).notify([promoted(channel.url, 2)]);
      assert.equal(sent, 1);
      assert.equal(channel.posted.length, 1);
      const [post] = channel.posted;
      assert.match(post.path, /^\/v3\/conversations\/conversation-b\/activities\b/);
      assert.equal(post.body.type, 'message');
      assert.equal(post.body.recipient?.id, 'user-b');
      assert.match(String(post.body.text), /places came free on Test session small/);
      assert.match(String(post.body.text), /booked for 2 places/);
      assert.match(String(post.body.text), /HC-ABCDE-FGH23/);
      assert.match(String(post.body.text), /14 January 2027/);
      assert.ok(lines.some((l) => l.includes('promotion_notice_sent')));
    } finally {
      await channel.close();
    }
  });

  it('logs a failing channel by type only, does not throw, and still tells the next person', async () => {
    const failing = await startChannel(500);
    const working = await startChannel(200);
    try {
      const lines: string[] = [];
      const notifier = notifierWith(lines);
      assert.equal(await notifier.notify([promoted(failing.url), promoted(working.url)]), 1);
      assert.ok(failing.posted.length >= 1);
      assert.ok(
        failing.posted.every((p) => p.body.text !== 'error'),
        'the person is not sent the turn-error apology',
      );
      assert.equal(working.posted.length, 1);
      const failures = lines.filter((l) => l.includes('promotion_notice_failed'));
      assert.equal(failures.length, 1);
      assert.doesNotMatch(failures[0], /HC-ABCDE|conversation-b|user-b|127\.0\.0\.1|Boom|places/);
      assert.match(failures[0], /"errorType":"RestError"/);
    } finally {
      await failing.close();
      await working.close();
    }
  });

  it('notifyLater returns at once and idle waits for the sending', async () => {
    const channel = await startChannel(200);
    try {
      const notifier = notifierWith([]);
      notifier.notifyLater([promoted(channel.url)]);
      assert.equal(channel.posted.length, 0);
      await notifier.idle();
      assert.equal(channel.posted.length, 1);
    } finally {
      await channel.close();
    }
  });

  it('skips people with no chat address, and says nothing when no adapter is attached', async () => {
    const lines: string[] = [];
    const logger = createLogger('debug', (line) => lines.push(line));
    const notifier = new PromotionNotifier({ botAppId: '', messages: content.signupMessages, logger });
    const { chatAddress: _none, ...noAddress } = promoted('http://127.0.0.1:9/');
    assert.equal(await notifier.notify([noAddress, promoted('http://127.0.0.1:9/')]), 0);
    assert.equal(lines.filter((l) => l.includes('promotion_notice_skipped')).length, 1);
  });

  it('uses the one-place wording for one place', () => {
    const notifier = new PromotionNotifier({
      botAppId: '',
      messages: content.signupMessages,
      logger: createLogger('error', () => undefined),
    });
    const text = notifier.message(promoted('http://127.0.0.1:9/', 1));
    assert.match(text, /a place came free/);
    assert.doesNotMatch(text, /\{|\}/);
  });
});

describe('signups: waiting-list notice end to end through the bot', () => {
  let bot: TestBot;
  beforeEach(async () => {
    bot = await startSignupBot();
  });
  afterEach(() => bot.close());

  const form = (who: string, seats: number) => ({
    journey: 'workshop',
    action: 'workshop.book',
    sessionId: 'small',
    seats: String(seats),
    consent: 'true',
    name: `Person ${who}`,
    email: `person${who}@example.org`,
    submissionKey: `form-submission-${who}`,
  });
  const REF = /HC-[A-Z2-9]{5}-[A-Z2-9]{5}/;
  const B = { userId: 'user-b', conversationId: 'conversation-b' };

  it('tells B in their own conversation when A cancels, and A sees only the usual reply', async () => {
    const aBooked = allText(await bot.say({ text: '', value: form('a', 3) }));
    assert.match(aBooked, /You're booked/);
    const aRef = REF.exec(aBooked)![0];
    const bWaiting = allText(await bot.say({ text: '', value: form('b', 2) }, B));
    assert.match(bWaiting, /waiting list: number 1/);
    const bRef = REF.exec(bWaiting)![0];
    const doc = await bot.services.store.records.get<SessionDocument>(SESSIONS_COLLECTION, 'small');
    assert.equal(doc?.entries.find((e) => e.ref === bRef)?.chatAddress?.conversationId, 'conversation-b');
    assert.equal(bot.elsewhere.length, 0);

    await bot.say(`cancel my workshop booking ${aRef}`);
    await bot.say('persona@example.org');
    const aReply = await bot.say('yes');
    assert.equal(
      aReply[0].text,
      `Booking ${aRef} is cancelled, and we have deleted your name and contact details from it. Thank you for letting us know.`,
    );
    assert.doesNotMatch(allText(aReply), /came free|HC-.*HC-/s);
    assert.ok(aReply.every((a) => a.conversation?.id === 'conversation-1'));
    assert.equal(bot.elsewhere.length, 1);
    const [notice] = bot.elsewhere;
    assert.equal(notice.conversation?.id, 'conversation-b');
    assert.equal(notice.recipient?.id, 'user-b');
    assert.match(
      String(notice.text),
      new RegExp(`places came free on Test session small.*booked for 2 places.*${bRef}`, 's'),
    );
    const after = await bot.services.store.records.get<SessionDocument>(SESSIONS_COLLECTION, 'small');
    const bEntry = after?.entries.find((e) => e.ref === bRef);
    assert.equal(bEntry?.status, 'booked');
    assert.equal(bEntry?.chatAddress, undefined);
  });

  it('tells B when A has their details deleted through the privacy journey', async () => {
    const aRef = REF.exec(allText(await bot.say({ text: '', value: form('a', 3) })))![0];
    await bot.say({ text: '', value: form('b', 1) }, B);
    await bot.say('please delete my data');
    await bot.say(aRef);
    await bot.say('persona@example.org');
    const aReply = await bot.say('yes');
    assert.match(allText(aReply), /deleted your details/);
    assert.doesNotMatch(allText(aReply), /came free/);
    assert.equal(bot.elsewhere.length, 1);
    assert.equal(bot.elsewhere[0].conversation?.id, 'conversation-b');
    assert.match(String(bot.elsewhere[0].text), /a place came free on Test session small/);
  });

  it('the person cancelling is unaffected when the notice cannot be sent', async () => {
    await bot.close();
    const failing = {
      continueConversationAsync: () => Promise.reject(new Error('channel down')),
    };
    bot = await startSignupBot();
    bot.services.notifier.attach(failing);
    const aRef = REF.exec(allText(await bot.say({ text: '', value: form('a', 3) })))![0];
    await bot.say({ text: '', value: form('b', 1) }, B);
    await bot.say(`cancel my workshop booking ${aRef}`);
    await bot.say('persona@example.org');
    assert.match(allText(await bot.say('yes')), /is cancelled/);
  });
});
