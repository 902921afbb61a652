import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SESSIONS_COLLECTION, sessionDocumentSchema } from '../../src/signups/bookingRecords.js';
import { tempStore, type TempStore } from './support.js';

const writer = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'bookingWriter.js');

/** Runs the writer, kills it with SIGKILL a random moment after its first confirmed booking. */
function runAndKill(dataDir: string, killAfterMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [writer, dataDir], { stdio: ['ignore', 'pipe', 'inherit'] });
    const confirmed: string[] = [];
    let buffer = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffer += chunk;
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('HC-')) confirmed.push(line);
      if (!timer && confirmed.length > 0) timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer ended by itself (code ${code})`));
      else resolve(confirmed);
    });
  });
}

describe('signups: crash safety', () => {
  let t: TempStore;
  before(async () => {
    t = await tempStore();
  });
  after(() => t.dispose());

  it('keeps a parseable file with every confirmed booking after SIGKILL mid-write, 50 times', async function () {
    this.timeout(180_000);
    const file = path.join(t.dir, 'records', SESSIONS_COLLECTION, 'crash.json');
    const everConfirmed = new Set<string>();
    for (let run = 0; run < 50; run++) {
      const confirmed = await runAndKill(t.dir, Math.floor(Math.random() * 60));
      confirmed.forEach((ref) => everConfirmed.add(ref));
      const doc = sessionDocumentSchema.parse(JSON.parse(await readFile(file, 'utf8')));
      const stored = new Set(doc.entries.map((e) => e.ref));
      const lost = [...everConfirmed].filter((ref) => !stored.has(ref));
      assert.deepEqual(lost, [], `run ${run + 1}: confirmed bookings missing from the file`);
      assert.equal(stored.size, doc.entries.length, `run ${run + 1}: a reference appears twice`);
    }
    assert.ok(everConfirmed.size >= 50);
  });
});
