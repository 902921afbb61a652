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
      let killedAt = Infinity;
      const requests = Array.from({ length: 40 }, (_, i) =>
        postActivity(url, expectRepliesActivity('help', `shutdown-${i}`)).then(
          (res) => ({ i, status: res.status, afterKill: performance.now() > killedAt }),
          () => ({ i, status: 0, afterKill: true }),
        ),
      );
      await requests[0];
      killedAt = performance.now();
      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      const outcomes = await Promise.all(requests);

      assert.equal(code, 0, 'the process exits with code 0');
      // Work accepted before the signal was finished and answered after it.
      assert.ok(
        outcomes.some((o) => o.status === 200 && o.afterKill),
        'no request was finished after SIGTERM',
      );
      // Every conversation that was answered has its state on disk, in complete files.
      const files = (await readdir(dataDir, { recursive: true, withFileTypes: true })).filter((e) =>
        e.isFile(),
      );
      const keys = new Set<string>();
      for (const file of files) {
        assert.ok(!file.name.endsWith('.tmp'), `a temporary file was left: ${file.name}`);
        const item = JSON.parse(await readFile(path.join(file.parentPath, file.name), 'utf8')) as {
          key?: string;
        };
        if (item.key) keys.add(item.key);
      }
      for (const o of outcomes.filter((x) => x.status === 200)) {
        assert.ok(
          [...keys].some((k) => k.includes(`/shutdown-${o.i}/`)),
          `state of answered conversation ${o.i} is missing`,
        );
      }
      await assert.rejects(() => fetch(`${url}/healthz`), 'nothing listens after exit');
    } finally {
      child.kill('SIGKILL');
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
