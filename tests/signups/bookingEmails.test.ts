// Booking emails through GOV.UK Notify, against a local stand-in for the Notify API (the client
// takes a base address): a booking, a move, a cancellation and the person who moved up each get
// the right template with the details filled in; nothing is sent when Notify is not configured;
// a failing Notify neither breaks the booking nor puts personal data in the logs.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { bookingEmailerFor, NotifyBookingEmailer, noBookingEmails } from '../../src/signups/bookingEmails.js';
import { BookingService } from '../../src/signups/bookingService.js';
import { NOW, attendee, tempStore, testCatalogue, type TempStore } from './support.js';

const SERVICE_ID = '11111111-2222-3333-4444-555555555555';
const SECRET = '66666666-7777-8888-9999-000000000000';
const API_KEY = `safer-kingston-test-${SERVICE_ID}-${SECRET}`;
const TEMPLATES = {
  booked: 'aaaaaaaa-0000-4000-8000-000000000001',
  moved: 'aaaaaaaa-0000-4000-8000-000000000002',
  waiting: 'aaaaaaaa-0000-4000-8000-000000000003',
  promoted: 'aaaaaaaa-0000-4000-8000-000000000004',
  cancelled: 'aaaaaaaa-0000-4000-8000-000000000005',
};

interface Received {
  path: string;
  authorization: string;
  body: { template_id: string; email_address: string; personalisation: Record<string, string> };
}

describe('signups: booking emails through GOV.UK Notify (local stand-in)', () => {
  let notify: Server;
  let baseUrl: string;
  let received: Received[];
  let status: number;
  let t: TempStore;
  let logs: string[];

  before(async () => {
    notify = createServer((req, res) => {
      let data = '';
      req.on('data', (chunk: Buffer) => (data += chunk.toString()));
      req.on('end', () => {
        received.push({
          path: req.url ?? '',
          authorization: req.headers.authorization ?? '',
          body: JSON.parse(data) as Received['body'],
        });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(status === 201 ? { id: 'n1' } : { errors: [{ error: 'BadRequestError' }] }));
      });
    });
    await new Promise<void>((resolve) => notify.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(notify.address() as AddressInfo).port}`;
  });
  after(() => new Promise((resolve) => notify.close(resolve)));
  beforeEach(async () => {
    received = [];
    status = 201;
    logs = [];
    t = await tempStore();
  });
  afterEach(() => t.dispose());

  const emailer = () =>
    new NotifyBookingEmailer(
      { apiKey: API_KEY, baseUrl, templates: TEMPLATES, publicUrl: 'https://chat.example.org' },
      createLogger('debug', (line) => logs.push(line)),
    );

  it('emails the confirmation, a move, a cancellation and whoever moved up, each with its template', async () => {
    const emails = emailer();
    const service = new BookingService(t.store.records, testCatalogue(), () => NOW, 30, undefined, emails);
    const book = (n: number, sessionId = 'small', seats = 3) =>
      service.book({ sessionId, seats, attendee: attendee(n), submissionKey: `k${n}`, waitingListOk: true });
    const first = await book(1);
    assert.equal(first.outcome, 'booked');
    const second = await book(2);
    assert.equal(second.outcome, 'waiting');
    await emails.idle();
    assert.equal(received.length, 2);
    const [confirmation, waiting] = received;
    assert.equal(confirmation!.path, '/v2/notifications/email');
    assert.match(confirmation!.authorization, /^Bearer [\w-]+\.[\w-]+\.[\w-]+$/, 'a signed Notify token');
    assert.ok(!confirmation!.authorization.includes(SECRET), 'the secret signs the token, it is not sent');
    assert.equal(confirmation!.body.template_id, TEMPLATES.booked);
    assert.equal(confirmation!.body.email_address, 'person1@example.org');
    assert.deepEqual(confirmation!.body.personalisation, {
      reference: (first as { ref: string }).ref,
      session: 'Test session small',
      when: 'Thursday, 14 January 2027, 10:00am to 12:00pm',
      where: 'Kingston Guildhall',
      places: '3',
      calendar_link: 'https://chat.example.org/calendar/small.ics',
    });
    assert.equal(waiting!.body.template_id, TEMPLATES.waiting);

    received = [];
    const moved = await service.move((first as { ref: string }).ref, 'person1@example.org', 'big', false);
    assert.equal(moved.outcome, 'moved');
    await emails.idle();
    const byTemplate = Object.fromEntries(received.map((r) => [r.body.template_id, r.body]));
    assert.equal(byTemplate[TEMPLATES.moved]?.email_address, 'person1@example.org');
    assert.equal(byTemplate[TEMPLATES.moved]?.personalisation.session, 'Test session big');
    assert.equal(byTemplate[TEMPLATES.promoted]?.email_address, 'person2@example.org', 'the next in line');

    received = [];
    const cancelled = await service.cancel((first as { ref: string }).ref, 'person1@example.org');
    assert.equal(cancelled.outcome, 'cancelled');
    await emails.idle();
    assert.deepEqual(
      received.map((r) => [r.body.template_id, r.body.email_address]),
      [[TEMPLATES.cancelled, 'person1@example.org']],
    );

    for (const line of logs) {
      assert.doesNotMatch(line, /example\.org|Person|HC-/, `personal data in a log line: ${line}`);
    }
    assert.ok(logs.some((l) => l.includes('booking_email_sent')));
  });

  it('a failing Notify does not break the booking, and the log has the kind and status only', async () => {
    status = 400;
    const emails = emailer();
    const service = new BookingService(t.store.records, testCatalogue(), () => NOW, 30, undefined, emails);
    const outcome = await service.book({
      sessionId: 'big',
      seats: 1,
      attendee: attendee(7),
      submissionKey: 'k7',
      waitingListOk: false,
    });
    assert.equal(outcome.outcome, 'booked');
    await emails.idle();
    const failure = logs
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((l) => l.event === 'booking_email_failed');
    assert.deepEqual(
      { kind: failure?.kind, status: failure?.status, level: failure?.level },
      { kind: 'booked', status: 400, level: 'warn' },
    );
    assert.ok(!logs.join('\n').includes('person7'), 'no address in the logs');
  });

  it('is off by default, and refuses a key or template id that is not Notify’s, naming the setting', () => {
    const base = { DATA_DIR: t.dir };
    assert.equal(bookingEmailerFor(loadConfig(base), createLogger('error')), noBookingEmails);
    const on = bookingEmailerFor(
      loadConfig({ ...base, NOTIFY_API_KEY: API_KEY, NOTIFY_TEMPLATE_BOOKED: TEMPLATES.booked }),
      createLogger('error'),
    );
    assert.ok(on instanceof NotifyBookingEmailer);
    assert.throws(
      () => loadConfig({ ...base, NOTIFY_API_KEY: 'not-a-key' }),
      /NOTIFY_API_KEY must be a GOV\.UK Notify API key/,
    );
    assert.throws(
      () => loadConfig({ ...base, NOTIFY_API_KEY: API_KEY }),
      /NOTIFY_TEMPLATE_BOOKED must be set/,
    );
    assert.throws(
      () => loadConfig({ ...base, NOTIFY_API_KEY: API_KEY, NOTIFY_TEMPLATE_BOOKED: 'booking' }),
      /NOTIFY_TEMPLATE_BOOKED must be a Notify template ID/,
    );
  });
});
