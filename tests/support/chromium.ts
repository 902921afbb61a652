// Debian's Chromium driven by playwright-core: no browser download, no background network use.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { startTestApp, type TestApp } from './appHarness.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Where screenshots are saved for people to look at after a run. */
export async function artifactPath(name: string): Promise<string> {
  const dir = path.join(projectRoot, 'test-artifacts');
  await mkdir(dir, { recursive: true });
  return path.join(dir, name);
}

/**
 * One app and one Chromium for a test file, started before its tests and stopped after:
 * `const chat = useAppInChromium();` then `chat.app` and `chat.browser` inside the tests.
 */
export function useAppInChromium(): { readonly app: TestApp; readonly browser: Browser } {
  let app: TestApp | undefined;
  let browser: Browser | undefined;
  before(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await app?.stop();
  });
  return {
    get app() {
      return app!;
    },
    get browser() {
      return browser!;
    },
  };
}
