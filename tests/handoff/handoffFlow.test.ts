import assert from 'node:assert/strict';
import { createLogger } from '../../src/logger.js';
import { postActivity, startTestApp, type TestApp } from '../support/appHarness.js';
import { adaptiveCardProblems } from '../support/adaptiveCardCheck.js';
import { deskActivity, startStandInChannel, type PostedActivity } from './standInChannel.js';

const TEAM = '19:team-desk@thread.tacv2';
const DESK = '19:desk-channel@thread.tacv2';
const RESIDENT = 'resident-conversation-1';
// A Wednesday, 11:00 in London: the desk is open.
const OPEN = new Date('2026-12-02T11:00:00Z');
// A Sunday: closed.
const CLOSED = new Date('2026-12-06T11:00:00Z');

const textOf = (posts: PostedActivity[]) => posts.map((p) => p.body.text ?? '').join('\n');

describe('handoff: talking to a person on the Teams desk, through the real CloudAdapter', () => {
  let app: TestApp;
  let channel: Awaited<ReturnType<typeof startStandInChannel>>;
  let clock: Date;
  let logLines: string[];

  beforeEach(async () => {
    channel = await startStandInChannel();
    clock = OPEN;
    logLines = [];
    app = await startTestApp(
      { HANDOFF_TEAM_ID: TEAM, HANDOFF_TIMEOUT_SECONDS: '180' },
      {
        now: () => clock,
        logger: createLogger('debug', (line) => logLines.push(line)),
      },
    );
  });
  afterEach(async () => {
    await app.stop();
    await channel.close();
  });

  let n = 0;
  const resident = async (text: string) => {
    const res = await postActivity(app.url, {
      type: 'message',
      id: `r-${++n}`,
      text,
      channelId: 'webchat',
      serviceUrl: channel.url,
      conversation: { id: RESIDENT },
      from: { id: 'resident-user' },
      recipient: { id: 'bot' },
    });
    assert.ok(res.status < 300, `resident message answered ${res.status}`);
  };
  const staff = async (
    text: string,
    options: { conversationId?: string; team?: string; value?: unknown; from?: string } = {},
  ) => {
    const res = await postActivity(
      app.url,
      deskActivity({
        id: `s-${++n}`,
        text,
        value: options.value,
        serviceUrl: channel.url,
        conversationId: options.conversationId ?? `${DESK};messageid=1`,
        team: options.team ?? TEAM,
        desk: DESK,
        staff: { id: options.from ?? 'staff-1', aadObjectId: options.from ?? 'staff-aad-1' },
      }),
    );
    assert.ok(res.status < 300, `staff message answered ${res.status}`);
  };
  const deskPosts = () => channel.to(DESK);
  const cardPost = () => deskPosts().find((p) => p.body.attachments?.length);

  async function setUpDeskAndRequest() {
    await staff('set desk');
    await staff('my name is Sam, Community Safety Team');
    await resident('can I talk to a real person');
    assert.match(textOf(channel.to(RESIDENT)), /They will see which page you came from/);
    await resident('Yes, ask someone');
    const card = cardPost();
    assert.ok(card, 'a card was posted as a new message in the desk channel');
    return card;
  }

  it('request, card, accept, messages both ways and end', async () => {
    await resident('where do i get my bins collected');
    const card = await setUpDeskAndRequest();
    const content = card.body.attachments![0].content as { actions: { data: unknown }[] };
    assert.deepEqual(adaptiveCardProblems(content), []);
    const cardText = JSON.stringify(content);
    assert.match(cardText, /Web chat on the council website/);
    assert.match(cardText, /bins collected/);
    const initiate = channel.to(RESIDENT).find((p) => p.body.name === 'handoff.initiate');
    assert.ok(initiate, 'the open-standard handoff.initiate event was sent');
    assert.match(textOf(channel.to(RESIDENT)), /Please wait here/);

    const thread = `${DESK};messageid=${card.id}`;
    await staff('', { conversationId: thread, value: content.actions[0].data });
    assert.match(textOf(channel.to(thread)), /Sam \(Community Safety Team\) accepted/);
    assert.match(textOf(channel.to(RESIDENT)), /Sam from the Community Safety Team is here/);
    assert.ok(
      channel
        .to(RESIDENT)
        .some(
          (p) =>
            p.body.name === 'handoff.status' && (p.body.value as { state?: string }).state === 'accepted',
        ),
    );

    await resident('my neighbour keeps shouting at my kids');
    assert.match(textOf(channel.to(thread)), /Resident: my neighbour keeps shouting at my kids/);
    await staff('Thanks for telling us. Has this happened before?', { conversationId: thread });
    assert.match(textOf(channel.to(RESIDENT)), /Sam: Thanks for telling us\. Has this happened before\?/);

    await staff('I can take over from here', { conversationId: thread, from: 'staff-2' });
    assert.match(textOf(channel.to(thread)), /Only the person who accepted this chat/);
    assert.doesNotMatch(textOf(channel.to(RESIDENT)), /take over/);

    await staff('end', { conversationId: thread });
    assert.match(textOf(channel.to(RESIDENT)), /ended the chat\. You're back with the bot/);
    assert.ok(
      channel
        .to(RESIDENT)
        .some((p) => (p.body.value as { state?: string } | undefined)?.state === 'completed'),
    );
    channel.clear();
    await resident('can i join the watch thing in tolworth');
    assert.equal(channel.to(thread).length, 0, 'after the end nothing more reaches the desk');
    assert.ok(channel.to(RESIDENT).length > 0, 'the bot answers again');
    assert.ok(logLines.some((l) => l.includes('handoff_requested')));
    assert.doesNotMatch(
      logLines.join('\n'),
      /bins|neighbour|shouting|Has this happened|Sam|Community Safety/,
    );
  });

  it('the resident can end it, and a second Accept is refused', async () => {
    const card = await setUpDeskAndRequest();
    const thread = `${DESK};messageid=${card.id}`;
    const data = (card.body.attachments![0].content as { actions: { data: unknown }[] }).actions[0].data;
    await staff('', { conversationId: thread, value: data });
    await resident('End chat with staff');
    assert.match(textOf(channel.to(RESIDENT)), /You've ended the chat with the team/);
    assert.match(textOf(channel.to(thread)), /The resident has ended the chat/);
    await staff('', { conversationId: thread, value: data, from: 'staff-2' });
    assert.match(textOf(channel.to(thread)), /Before you accept|already accepted/);
  });

  it('a crisis during a hand-off gets 999 first and is flagged on the card thread at once', async () => {
    const card = await setUpDeskAndRequest();
    const thread = `${DESK};messageid=${card.id}`;
    await staff('', {
      conversationId: thread,
      value: (card.body.attachments![0].content as { actions: { data: unknown }[] }).actions[0].data,
    });
    channel.clear();
    await resident("I need to talk to someone, I can't go on");
    const toResident = channel.to(RESIDENT).filter((p) => p.body.type === 'message');
    assert.match(toResident[0].body.text ?? '', /999/);
    assert.match(textOf(channel.to(thread)), /RISK TO LIFE/);
    assert.doesNotMatch(
      textOf(channel.to(thread)),
      /can't go on/,
      'the crisis message itself is not relayed',
    );
  });

  it('a staff reply that names an emergency reaches the resident, not the crisis reply', async () => {
    const card = await setUpDeskAndRequest();
    const thread = `${DESK};messageid=${card.id}`;
    await staff('', {
      conversationId: thread,
      value: (card.body.attachments![0].content as { actions: { data: unknown }[] }).actions[0].data,
    });
    channel.clear();
    await staff('If he comes back with the knife, call 999 straight away', { conversationId: thread });
    assert.match(textOf(channel.to(RESIDENT)), /Sam: If he comes back with the knife, call 999/);
    assert.doesNotMatch(textOf(channel.to(thread)), /Are you safe right now/);
  });

  it('nobody accepts in time: the resident is offered the right phone line', async () => {
    const card = await setUpDeskAndRequest();
    const thread = `${DESK};messageid=${card.id}`;
    clock = new Date(OPEN.getTime() + 179_000);
    assert.equal(await app.services.handoff.checkTimeouts(), 0);
    clock = new Date(OPEN.getTime() + 181_000);
    assert.equal(await app.services.handoff.checkTimeouts(), 1);
    assert.match(textOf(channel.to(RESIDENT)), /nobody from the team is free[\s\S]*020 8547 5000/);
    assert.match(textOf(channel.to(thread)), /Nobody accepted within 3 minutes/);
    assert.ok(
      channel.to(RESIDENT).some((p) => (p.body.value as { state?: string } | undefined)?.state === 'failed'),
    );
  });

  it('out of hours: no request, the opening hours and a phone line', async () => {
    await staff('set desk');
    clock = CLOSED;
    await resident('is there a human on the other end');
    assert.match(textOf(channel.to(RESIDENT)), /not online now\. They chat Monday to Thursday/);
    assert.equal(cardPost(), undefined);
  });

  it('staff outside the configured team cannot set the desk or accept', async () => {
    await staff('set desk', { team: '19:other-team@thread.tacv2' });
    assert.match(textOf(channel.posted), /Only members of the team/);
    channel.clear();
    await resident('can I talk to a real person');
    assert.match(textOf(channel.to(RESIDENT)), /Nobody can chat online/);
    await staff('set desk');
    await resident('agent');
    await resident('yes');
    const card = cardPost()!;
    const thread = `${DESK};messageid=${card.id}`;
    const data = (card.body.attachments![0].content as { actions: { data: unknown }[] }).actions[0].data;
    await staff('my name is Mallory, Not The Team', { team: '19:other-team@thread.tacv2', from: 'intruder' });
    await staff('', {
      conversationId: thread,
      value: data,
      team: '19:other-team@thread.tacv2',
      from: 'intruder',
    });
    assert.doesNotMatch(textOf(channel.to(RESIDENT)), /Mallory|is here/);
    // A forged submission (bad id) is refused without harm.
    await staff('', { conversationId: thread, value: { handoff: 'accept', requestId: '../../etc' } });
    assert.doesNotMatch(textOf(channel.to(RESIDENT)), /is here/);
  });
});
