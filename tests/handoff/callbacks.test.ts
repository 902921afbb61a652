import assert from 'node:assert/strict';
import { CALLBACKS_COLLECTION } from '../../src/handoff/callbacks.js';
import { purgeSignups } from '../../src/signups/retention.js';
import { AuditLog } from '../../src/staff/auditLog.js';
import { postActivity, startTestApp, type TestApp } from '../support/appHarness.js';
import { startStandInChannel, type PostedActivity } from './standInChannel.js';

const TEAM = '19:team-desk@thread.tacv2';
const DESK = '19:desk-channel@thread.tacv2';
const RESIDENT = 'resident-callback-1';
const TOKEN = 'test-staff-token-0123456789abcdef0123456789';
// A Sunday in London: the desk is closed, so the resident is offered a call-back.
const CLOSED = new Date('2026-12-06T11:00:00Z');
const REF = /CB-[A-Z2-9]{5}-[A-Z2-9]{5}/;

const textOf = (posts: PostedActivity[]) => posts.map((p) => p.body.text ?? '').join('\n');

describe('handoff: a call-back request when nobody can chat', () => {
  let app: TestApp;
  let channel: Awaited<ReturnType<typeof startStandInChannel>>;
  let clock: Date;

  beforeEach(async () => {
    channel = await startStandInChannel();
    clock = CLOSED;
    app = await startTestApp(
      { HANDOFF_TEAM_ID: TEAM, STAFF_TOKEN: TOKEN, RETENTION_DAYS: '30' },
      { now: () => clock },
    );
  });
  afterEach(async () => {
    await app.stop();
    await channel.close();
  });

  let n = 0;
  const post = async (body: Record<string, unknown>) => {
    const res = await postActivity(app.url, {
      type: 'message',
      id: `a-${++n}`,
      serviceUrl: channel.url,
      recipient: { id: 'bot' },
      ...body,
    });
    assert.ok(res.status < 300);
  };
  const resident = (text: string) =>
    post({ text, channelId: 'webchat', conversation: { id: RESIDENT }, from: { id: 'resident-user' } });
  const staff = (text: string) =>
    post({
      text,
      channelId: 'msteams',
      conversation: { id: DESK, conversationType: 'channel', isGroup: true },
      from: { id: 'staff-1', aadObjectId: 'staff-aad-1' },
      channelData: { team: { id: TEAM }, channel: { id: DESK } },
    });
  const said = () => textOf(channel.to(RESIDENT));

  async function leaveCallback(): Promise<string> {
    await staff('set desk');
    await resident('I want to speak to someone at the council');
    assert.match(said(), /not online now/);
    await resident('Ask them to contact me');
    assert.match(said(), /keep this for 30 days/);
    await resident('yes');
    await resident('Jo');
    await resident('jo@example.org');
    await resident('skip');
    await resident('I would like to ask about the ward panel meetings near me');
    const ref = REF.exec(said())?.[0];
    assert.ok(ref, `the resident was given a reference: ${said()}`);
    return ref;
  }

  it('is written as a record, posted to the desk by reference only, closed by staff and exported with the audit log', async () => {
    const ref = await leaveCallback();
    const ids = await app.services.store.records.list(CALLBACKS_COLLECTION);
    assert.equal(ids.length, 1);
    const stored = await app.services.store.records.get<Record<string, unknown>>(
      CALLBACKS_COLLECTION,
      ids[0],
    );
    assert.equal(stored?.ref, ref);
    assert.deepEqual(stored?.contact, { name: 'Jo', email: 'jo@example.org' });
    const deskText = textOf(channel.to(DESK));
    assert.match(deskText, new RegExp(ref));
    assert.doesNotMatch(deskText, /jo@example\.org|Jo\b|ward panel/, 'no personal details in Teams');

    const csv = await fetch(`${app.url}/staff/exports/callbacks.csv`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(csv.status, 200);
    const body = await csv.text();
    assert.match(body, new RegExp(`"${ref}","Jo","jo@example.org"`));
    const entries = await new AuditLog(app.services.store.records, () => clock).day(
      clock.toISOString().slice(0, 10),
    );
    assert.ok(entries.some((e) => e.what === 'export:callback-requests'));

    await staff(`closed ${ref}`);
    assert.match(textOf(channel.to(DESK)), new RegExp(`${ref} is closed`));
    const closed = await app.services.handoff.callbacks.get(ref);
    assert.ok(closed?.closedAt);
  });

  it('is erased by "delete my data" with its reference and email', async () => {
    const ref = await leaveCallback();
    await resident('delete my data');
    await resident(ref);
    await resident('jo@example.org');
    assert.match(said(), /ward panel meetings/);
    await resident('yes');
    assert.deepEqual(await app.services.store.records.list(CALLBACKS_COLLECTION), []);
  });

  it('is deleted RETENTION_DAYS after it was made', async () => {
    await leaveCallback();
    const later = () => new Date(CLOSED.getTime() + 31 * 86_400_000);
    const purged = await purgeSignups(app.services.store, app.services.content, later, 30);
    assert.equal(purged.callbacks, 1);
    assert.deepEqual(await app.services.store.records.list(CALLBACKS_COLLECTION), []);
  });

  it('nothing is kept when the resident says no', async () => {
    await staff('set desk');
    await resident('human please');
    await resident('Ask them to contact me');
    await resident('no');
    assert.match(said(), /Nothing has been kept/);
    assert.deepEqual(await app.services.store.records.list(CALLBACKS_COLLECTION), []);
  });
});
