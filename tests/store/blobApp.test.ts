// The real service with STORAGE=blob: two instances on one Azurite container serve one
// conversation in turns, as App Service instances behind Azure Bot Service would.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { ContainerClient } from '@azure/storage-blob';
import { projectRoot } from '../../src/paths.js';
import { expectRepliesActivity, postActivity, startTestApp, type TestApp } from '../support/appHarness.js';
import { useAzurite } from '../support/azurite.js';

interface Replies {
  activities: { type: string; text?: string }[];
}

describe('the service with STORAGE=blob', function () {
  this.timeout(30_000);
  const azurite = useAzurite('the STORAGE=blob service tests');

  it('two instances on one container answer one conversation in turns and share its state', async () => {
    const env = {
      STORAGE: 'blob',
      AZURE_STORAGE_CONNECTION_STRING: azurite().connectionString,
      AZURE_STORAGE_CONTAINER: `app-${randomUUID()}`,
    };
    const apps: TestApp[] = [await startTestApp(env), await startTestApp(env)];
    try {
      const conversation = `blob-conv-${randomUUID()}`;
      for (const [i, text] of ['hello', 'help', 'hello', 'help'].entries()) {
        const res = await postActivity(apps[i % 2].url, expectRepliesActivity(text, conversation));
        assert.equal(res.status, 200);
        const body = (await res.json()) as Replies;
        assert.ok(
          body.activities.some((a) => a.type === 'message' && a.text),
          `instance ${i % 2} answered "${text}"`,
        );
      }
      // Conversation state written by one instance is there for the other, in the blob container.
      const key = `test/conversations/${conversation}/`;
      for (const app of apps) {
        const state = await app.services.store.botState.read([key]);
        assert.ok(state[key], 'conversation state is stored');
      }
      const container = new ContainerClient(env.AZURE_STORAGE_CONNECTION_STRING, env.AZURE_STORAGE_CONTAINER);
      const names: string[] = [];
      for await (const blob of container.listBlobsFlat()) names.push(blob.name);
      assert.ok(names.some((n) => n.startsWith('state') && n.includes(encodeURIComponent(conversation))));
    } finally {
      await Promise.all(apps.map((app) => app.stop()));
    }
  });

  it('refuses to start with STORAGE=blob and no connection string, naming the setting', async () => {
    const child = spawn(process.execPath, [path.join(projectRoot, 'dist/src/index.js')], {
      env: { PATH: process.env.PATH, STORAGE: 'blob', PORT: '0', HOST: '127.0.0.1' },
      cwd: os.tmpdir(), // no .env there
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 1);
    assert.match(stderr, /AZURE_STORAGE_CONNECTION_STRING must be set when STORAGE is blob/);
  });
});
