// Helpers for the channel page tests in headless Chromium: the axe-core check, waiting for chat
// text, screenshots in test-artifacts/, a stand-in for the quick exit's neutral site. One browser
// per test file: CI has two cores.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { artifactPath } from './chromium.js';

/** Web Chat's markdown turns straight quotes into curly ones: match either. */
export function loosely(text: string): RegExp {
  const escaped = text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(escaped.replace(/'/g, "['‘’]").replace(/"/g, '["“”]'));
}

/**
 * Waits until the page (or frame) shows this text: a message paragraph with the text (quotes
 * matched loosely), or, for a pattern, any element whose text matches it.
 */
export async function shown(page: Page | Frame, text: string | RegExp, timeout = 10000): Promise<void> {
  const target =
    typeof text === 'string' ? page.locator('p').filter({ hasText: loosely(text) }) : page.getByText(text);
  await target.first().waitFor({ timeout });
}

/** Clicks a visible button (suggested action or card button), not Web Chat's live-region copy. */
export async function clickButton(page: Page, name: string): Promise<void> {
  await page
    .locator('button:not(.webchat__live-region-activity__suggested-action)')
    .filter({ hasText: name })
    .first()
    .click();
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

let axeSource: string | undefined;

/** Runs axe-core (WCAG 2.0-2.2 A and AA rules) in the page; returns every violation. */
export async function axeViolations(
  page: Page | Frame,
): Promise<{ id: string; impact: string | null; help: string; targets: string }[]> {
  axeSource ??= await readFile(path.join(projectRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  // evaluate runs outside the page's CSP, so the page's policy stays as it is.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run(options: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run({
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations;
  });
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: JSON.stringify(v.nodes.map((n) => n.target)),
  }));
}

/** The serious and critical axe-core violations in the page. */
export async function seriousViolations(
  page: Page | Frame,
): Promise<{ id: string; help: string; targets: string }[]> {
  return (await axeViolations(page))
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(({ id, help, targets }) => ({ id, help, targets }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: await artifactPath(`${name}.png`), fullPage: true });
}

/** The neutral site the quick exit goes to, answered locally (the tests have no internet). */
export async function stubExitSite(page: Page): Promise<void> {
  await page.route('https://www.bbc.co.uk/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'text/html',
      body: '<!doctype html><title>Weather</title><p>Weather</p>',
    }),
  );
}
