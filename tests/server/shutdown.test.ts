import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';
import { expectRepliesActivity, postActivity } from '../support/appHarness.js';

async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

async function waitForReady(url: string): Promise<void> {
  for (let i = 0; i < 100; i++) {
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the service did not become ready');
}

describe('shutdown on SIGTERM', () => {
  it('stops accepting work, finishes requests and writes under way, then exits cleanly', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skshutdown-'));
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/index.js')], {
      cwd: dataDir,
      env: {
        PATH: process.env.PATH,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: dataDir,
        LOG_LEVEL: 'error',
      },
      stdio: 'ignore',
    });
    try {
      await waitForReady(url);
      // Many conversations at once, each writing its own state file.
      const requests = Array.from({ length: 40 }, (_, i) =>
        postActivity(url, expectRepliesActivity('help', `shutdown-${i}`)).then(
          (res) => res.status,
          (error: Error & { cause?: { code?: string } }) => error.cause?.code ?? 'failed',
        ),
      );
      await requests[0];
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      const outcomes = await Promise.all(requests);

      assert.equal(code, 0, 'the process exits with code 0');
      // Every request either finished normally or was never accepted; none was cut off midway.
      for (const outcome of outcomes)
        assert.ok(outcome === 200 || outcome === 'ECONNREFUSED', `unexpected ${outcome}`);
      assert.ok(outcomes.filter((o) => o === 200).length >= 1);
      const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) =>
        e.isFile(),
      );
      for (const file of files) {
        assert.ok(!file.name.endsWith('.tmp'), `a temporary file was left: ${file.name}`);
        JSON.parse(await readFile(path.join(file.parentPath, file.name), 'utf8'));
      }
      await assert.rejects(() => fetch(`${url}/healthz`), 'nothing listens after exit');
    } finally {
      child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
