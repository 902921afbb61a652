// The accessibility statement and the terms of use: served from knowledge/ by the real service, in
// the GOV.UK model (what works, known limits, reporting, enforcement, testing, dates), linked from
// the chat page, the widget and the Teams tab; a broken content file is refused with file, entry
// and field named; and axe finds no serious or critical problem on any page a person meets.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { loadAccessibilityStatement, loadTerms } from '../../src/content/infoPages.js';
import { knowledgeDir, projectRoot } from '../../src/paths.js';
import { seriousViolations, shown } from '../support/browser.js';
import { startTestApp, type TestApp } from '../support/appHarness.js';
import { launchChromium } from '../support/chromium.js';

const TOKEN = 'info-pages-test-token-0123456789abcdef0123';

describe('the accessibility statement and the terms of use', function () {
  this.timeout(60000);
  let app: TestApp;
  before(async () => {
    app = await startTestApp({ STAFF_TOKEN: TOKEN });
  });
  after(() => app?.stop());

  const page = async (address: string) => {
    const res = await fetch(`${app.url}${address}`);
    assert.equal(res.status, 200, address);
    assert.match(res.headers.get('content-type') ?? '', /text\/html/);
    return { html: await res.text(), csp: res.headers.get('content-security-policy') ?? '' };
  };

  it('serves /accessibility with every part of the GOV.UK model and its dates in words', async () => {
    const { html, csp } = await page('/accessibility');
    for (const heading of [
      'How accessible this service is',
      'Feedback and contact information',
      'Reporting accessibility problems with this service',
      'Enforcement procedure',
      'Preparation of this accessibility statement',
    ]) {
      assert.ok(html.includes(`${heading}</h2>`), heading);
    }
    assert.match(html, /Equality and Human Rights Commission/);
    assert.match(html, /href="https:\/\/www\.equalityadvisoryservice\.com\/" target="_blank"/);
    const statement = app.services.content.accessibilityStatement;
    assert.equal(statement.prepared, '2026-12-04');
    assert.match(html, /prepared on 4 December 2026/);
    assert.doesNotMatch(html, /\{prepared\}|\{reviewed\}/);
    assert.match(html, /axe-core/);
    // The quick exit is on every information page, and the page may run this service's script.
    assert.match(html, /<script src="\/quick-exit\.js"><\/script>/);
    assert.match(csp, /script-src 'self'/);
  });

  it('serves /terms, and the Teams app’s terms of use link points to it, not the privacy notice', async () => {
    const { html } = await page('/terms');
    assert.match(html, /It is not an emergency service<\/h2>/);
    assert.match(html, /call 999/);
    assert.match(html, /<a href="\/privacy">/);
    const manifest = JSON.parse(
      await readFile(path.join(projectRoot, 'appPackage', 'manifest.json'), 'utf8'),
    ) as {
      developer: { termsOfUseUrl: string; privacyUrl: string };
    };
    assert.equal(manifest.developer.termsOfUseUrl, '{{PUBLIC_URL}}/terms');
    assert.equal(manifest.developer.privacyUrl, '{{PUBLIC_URL}}/privacy');
  });

  it('is linked from the chat page, the widget and the Teams tab, opening in a new tab', async () => {
    const chat = await (await fetch(`${app.url}/`)).text();
    for (const address of ['/accessibility', '/terms', '/privacy', '/privacy#staying-safe-online']) {
      assert.match(chat, new RegExp(`<a\\s+href="${address}"\\s+target="_blank"\\s+rel="noopener"`), address);
    }
    assert.doesNotMatch(chat, /<a\s+href="\/[a-z]+"\s*>/, 'no link that would replace the chat');
    const tab = await (await fetch(`${app.url}/teams-tab.html`)).text();
    assert.match(tab, /<a\s+href="\/accessibility"\s+target="_blank"/);
    const widget = await (await fetch(`${app.url}/embed.js`)).text();
    assert.match(widget, /serviceOrigin \+ '\/accessibility'/);
  });

  it('refuses a broken file, naming the file, the entry and the field', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'sk-info-'));
    try {
      const original = await readFile(path.join(knowledgeDir, 'accessibilityStatement.yaml'), 'utf8');
      await writeFile(
        path.join(dir, 'accessibilityStatement.yaml'),
        original.replace('https://www.equalityadvisoryservice.com/', 'javascript:alert(1)'),
      );
      await assert.rejects(loadAccessibilityStatement(dir), (error: Error) => {
        assert.match(error.message, /accessibilityStatement\.yaml/);
        assert.match(error.message, /Enforcement procedure/);
        assert.match(error.message, /href/);
        return true;
      });
      await writeFile(path.join(dir, 'accessibilityStatement.yaml'), original.replace(/^prepared:.*$/m, ''));
      await assert.rejects(loadAccessibilityStatement(dir), /prepared/);
      const terms = await readFile(path.join(knowledgeDir, 'terms.yaml'), 'utf8');
      await writeFile(
        path.join(dir, 'terms.yaml'),
        terms.replace('reviewed: 2026-12-04', 'reviewed: 2026-13-40'),
      );
      await assert.rejects(loadTerms(dir), /terms\.yaml[\s\S]*reviewed/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  describe('in Chromium', () => {
    let browser: Browser;
    before(async () => {
      browser = await launchChromium();
    });
    after(() => browser?.close());

    it('no page a person meets has a serious or critical axe problem', async () => {
      const tab = await browser.newPage({ viewport: { width: 390, height: 844 } });
      const found: Record<string, unknown[]> = {};
      for (const address of ['/', '/privacy', '/accessibility', '/terms', '/staff/login']) {
        await tab.goto(`${app.url}${address}`);
        if (address === '/') await shown(tab, app.services.content.conversation.welcome[0]!, 15000);
        else await tab.locator('h1').first().waitFor();
        const problems = await seriousViolations(tab);
        if (problems.length > 0) found[address] = problems;
      }
      assert.deepEqual(found, {});
      await tab.close();
    });
  });
});
