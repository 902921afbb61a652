import assert from 'node:assert/strict';
import { AuditLog } from '../../src/staff/auditLog.js';
import { createLogger } from '../../src/logger.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';

const TOKEN = 'test-staff-token-0123456789abcdef0123456789';

describe('staff area switched off', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp();
  });
  after(() => app.stop());

  it('does not exist without STAFF_TOKEN (404, not open)', async () => {
    assert.equal((await fetch(`${app.url}/staff`)).status, 404);
    assert.equal((await fetch(`${app.url}/staff/exports/interests.csv`)).status, 404);
  });
});

describe('staff area', () => {
  let app: TestApp;
  const logLines: string[] = [];
  before(async () => {
    app = await startTestApp(
      { STAFF_TOKEN: TOKEN },
      { logger: createLogger('debug', (l) => logLines.push(l)) },
    );
  });
  after(() => app.stop());

  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${app.url}${path}`, { headers, redirect: 'manual' });
  const bearer = { authorization: `Bearer ${TOKEN}` };

  it('refuses the dashboard and exports without the token (401)', async () => {
    assert.equal((await get('/staff')).status, 401);
    assert.equal((await get('/staff', { authorization: 'Bearer wrong-token' })).status, 401);
    assert.equal((await get('/staff/exports/interests.csv')).status, 401);
  });

  it('shows the dashboard with the token (200)', async () => {
    const res = await get('/staff', bearer);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-security-policy') ?? '', /default-src 'none'/);
    assert.match(await res.text(), /Insights dashboard/);
  });

  it('signs a browser in with name and token, and refuses a wrong token or a forged cookie', async () => {
    const post = (body: string) =>
      fetch(`${app.url}/staff/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body,
        redirect: 'manual',
      });
    const wrong = await post(`who=Sam+Jones&token=nope`);
    assert.equal(wrong.status, 401);
    assert.match(await wrong.text(), /not right/);
    assert.equal((await post(`who=&token=${TOKEN}`)).status, 400);

    const ok = await post(`who=Sam+Jones&token=${TOKEN}`);
    assert.equal(ok.status, 303);
    const cookie = (ok.headers.get('set-cookie') ?? '').split(';')[0];
    assert.match(ok.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
    assert.equal((await get('/staff', { cookie })).status, 200);

    // A session is expires.id.who.signature (the id lets sign-out end it on every instance).
    const [name, value] = cookie.split('=');
    const [expires, id, who, signature] = value.split('.');
    const forgedWho = Buffer.from('Somebody Else').toString('base64url');
    assert.equal(
      (await get('/staff', { cookie: `${name}=${expires}.${id}.${forgedWho}.${signature}` })).status,
      401,
    );
    assert.equal(
      (await get('/staff', { cookie: `${name}=${Date.now() + 1e9}.${id}.${who}.${signature}` })).status,
      401,
    );
  });

  it('writes each export to the audit log: who, what and when, not the data', async () => {
    const res = await get('/staff/exports/interests.csv', bearer);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    const today = new Date().toISOString().slice(0, 10);
    const entries = await new AuditLog(app.services.store.records, () => new Date()).day(today);
    assert.ok(entries.some((e) => e.who === 'token' && e.what === 'export:volunteering-interest'));
  });

  it('shows the figures for the dates asked for, and downloads the same figures as CSV', async () => {
    const page = await (await get('/staff?from=17/11/2026&to=2026-11-22', bearer)).text();
    assert.match(page, /value="17\/11\/2026"/);
    assert.match(page, /Figures for Monday 16 November 2026 to Sunday 22 November 2026/);
    assert.match(page, /href="\/staff\/exports\/figures\.csv\?from=2026-11-17&amp;to=2026-11-22"/);
    const res = await get('/staff/exports/figures.csv?from=2026-11-17&to=2026-11-22', bearer);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/csv/);
    assert.match(
      res.headers.get('content-disposition') ?? '',
      /filename="safer-kingston-figures-2026-11-16-to-2026-11-22\.csv"/,
    );
    assert.match(await res.text(), /^Table,Row,Column,Value\r\n"Dates covered","Monday 16 November 2026/);
  });

  it('says what is wrong with the dates, keeps what was typed, and still shows figures', async () => {
    const res = await get('/staff?from=31%2F02%2F2026&to=%3Cscript%3E', bearer);
    assert.equal(res.status, 400);
    const page = await res.text();
    assert.match(page, /There is a problem with the dates/);
    assert.match(page, /<a href="#from">Enter &quot;From&quot; as a real date/);
    assert.match(page, /<a href="#to">Enter &quot;To&quot; as a real date/);
    assert.match(page, /id="from"[^>]*value="31\/02\/2026"[^>]*aria-invalid="true"/);
    assert.match(page, /value="&lt;script&gt;"/, 'kept, and escaped');
    assert.doesNotMatch(page, /<script>/);
    assert.match(page, /Conversations per week/, 'the figures for the last weeks are still there');
    assert.equal((await get('/staff/exports/figures.csv?from=2026-12-08&to=2026-12-01', bearer)).status, 400);
  });

  it('answers an unknown session export with 404', async () => {
    assert.equal((await get('/staff/exports/attendees/no-such-session.csv', bearer)).status, 404);
  });

  it('never writes the token to the logs', () => {
    assert.ok(logLines.length > 0, 'the test should have captured some log lines');
    assert.ok(!logLines.some((l) => l.includes(TOKEN)));
  });
});
