import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../support/appHarness.js';

describe('privacy notice page', () => {
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ RETENTION_DAYS: '45' });
  });
  after(() => app.stop());

  it('is served with the retention period from configuration, in plain, escaped HTML', async () => {
    const res = await fetch(`${app.url}/privacy`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    const html = await res.text();
    assert.match(html, /<html lang="en-GB">/);
    assert.match(html, /deleted 45 days after the workshop/);
    assert.doesNotMatch(html, /\{retentionDays\}/);
    assert.match(html, /does not clear your browsing history/);
  });
});
