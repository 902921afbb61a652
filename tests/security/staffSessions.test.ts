// Staff sign-in sessions (issue 16, staff part): a session survives a restart and works on every
// instance sharing the Store, and signing out ends it on all of them.
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from '../support/appHarness.js';

const STAFF_TOKEN = 'a-staff-token-that-is-long-enough-333333';

describe('security: staff sessions', () => {
  let dataDir: string;
  const apps: TestApp[] = [];
  const start = async () => {
    const app = await startTestApp({ STAFF_TOKEN, DATA_DIR: dataDir });
    apps.push(app);
    return app;
  };
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'skstaff-sessions-'));
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const signIn = async (app: TestApp): Promise<string> => {
    const res = await fetch(`${app.url}/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ who: 'Sam Jones', token: STAFF_TOKEN }).toString(),
      redirect: 'manual',
    });
    assert.equal(res.status, 303);
    return (res.headers.get('set-cookie') ?? '').split(';')[0] as string;
  };
  const dashboard = async (app: TestApp, cookie: string) =>
    (await fetch(`${app.url}/staff`, { headers: { cookie } })).status;

  it('keeps a session through a restart and on a second instance', async () => {
    const first = await start();
    const cookie = await signIn(first);
    assert.equal(await dashboard(first, cookie), 200);
    const second = await start();
    assert.equal(await dashboard(second, cookie), 200, 'a second instance refused the session');
    await first.stop();
    apps.splice(apps.indexOf(first), 1);
    const restarted = await start();
    assert.equal(await dashboard(restarted, cookie), 200, 'the session died with the restart');
  });

  it('ends the session everywhere on sign out, and clears the cookie', async () => {
    const first = await start();
    const second = await start();
    const cookie = await signIn(first);
    const page = await (await fetch(`${first.url}/staff`, { headers: { cookie } })).text();
    assert.match(page, /<form method="post" action="\/staff\/logout">/);
    const out = await fetch(`${first.url}/staff/logout`, {
      method: 'POST',
      headers: { cookie },
      redirect: 'manual',
    });
    assert.equal(out.status, 303);
    assert.match(out.headers.get('set-cookie') ?? '', /Max-Age=0/);
    assert.equal(await dashboard(first, cookie), 401, 'the copied cookie still works here');
    assert.equal(await dashboard(second, cookie), 401, 'the copied cookie still works on another instance');
    const again = await signIn(second);
    assert.equal(await dashboard(first, again), 200, 'a new sign-in works');
  });
});
