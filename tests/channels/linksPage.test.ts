// The staff links page: behind the staff sign-in; gives the link, the embed snippet and QR codes
// for a journey, checked by the same allowlist as the bot.
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/appHarness.js';

const TOKEN = 'test-staff-token-0123456789abcdef0123456789';
const PUBLIC_URL = 'https://chat.example.org';

describe('the staff links page', () => {
  let app: TestApp;
  let topic: string;
  before(async () => {
    app = await startTestApp({ STAFF_TOKEN: TOKEN, PUBLIC_URL });
    topic = app.services.content.plan.topics[0]!.id;
  });
  after(() => app.stop());

  const get = (path: string, auth = true) =>
    fetch(`${app.url}${path}`, { headers: auth ? { authorization: `Bearer ${TOKEN}` } : {} });

  it('is for staff only, with its QR codes', async () => {
    assert.equal((await get('/staff/links', false)).status, 401);
    assert.equal((await get(`/staff/links/qr.svg?journey=themes`, false)).status, 401);
    assert.equal((await get(`/staff/links/qr.png?journey=themes`, false)).status, 401);
  });

  it('offers the journeys, then the chosen journey’s options from the content', async () => {
    const first = await (await get('/staff/links')).text();
    assert.match(first, /<select id="f-journey" name="journey">/);
    assert.doesNotMatch(first, /Your link/);
    const second = await (await get('/staff/links?journey=themes')).text();
    assert.match(second, new RegExp(`<option value="${topic}">`));
    const workshops = await (await get('/staff/links?journey=workshop')).text();
    for (const session of app.services.content.workshops.all) {
      assert.ok(workshops.includes(`<option value="${session.id}">`), session.id);
    }
    const volunteer = await (await get('/staff/links?journey=volunteer')).text();
    assert.ok(volunteer.includes(`<option value="${app.services.content.wards.all[0]!.id}">`));
  });

  it('gives the link on PUBLIC_URL, the embed snippet and QR codes as PNG and SVG', async () => {
    const query = `?journey=themes&topic=${encodeURIComponent(topic)}&source=KREC-2026`;
    const response = await get(`/staff/links${query}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    const link = `${PUBLIC_URL}/chat?journey=themes&amp;topic=${topic}&amp;source=KREC-2026`;
    assert.ok(html.includes(`value="${link}"`), 'the link');
    assert.ok(
      html.includes(
        `&lt;script src=&quot;${PUBLIC_URL}/embed.js&quot; data-journey=&quot;themes&quot; data-topic=&quot;${topic}&quot; data-source=&quot;KREC-2026&quot; defer&gt;&lt;/script&gt;`,
      ),
      'the embed snippet, escaped',
    );
    const svg = await get(`/staff/links/qr.svg${query}`);
    assert.equal(svg.headers.get('content-type'), 'image/svg+xml');
    assert.match(await svg.text(), /^<svg[^>]*viewBox/);
    const png = await get(`/staff/links/qr.png${query}`);
    assert.equal(png.headers.get('content-type'), 'image/png');
    const bytes = Buffer.from(await png.arrayBuffer());
    assert.deepEqual([...bytes.subarray(1, 4)], [...Buffer.from('PNG')]);
    assert.ok(bytes.readUInt32BE(16) >= 1000, 'wide enough for print');
  });

  it('refuses values that are not on the allowlist, saying what to fix', async () => {
    const html = await (await get('/staff/links?journey=themes&topic=not-a-topic&source=<b>x</b>')).text();
    assert.match(html, /There is a problem/);
    assert.match(html, /The source code can only have letters/);
    assert.match(html, /Choose the plan topic from the list/);
    assert.doesNotMatch(html, /Your link/);
    assert.doesNotMatch(html, /<b>x<\/b>/);
    assert.equal((await get('/staff/links/qr.svg?journey=admin')).status, 400);
  });
});
