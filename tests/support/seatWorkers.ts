// Runs seat workers (seatWorker.ts) as separate Node processes and starts them all at once.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { projectRoot } from '../../src/paths.js';
import type { SeatWorkerJob, SeatWorkerReport } from './seatWorker.js';

const WORKER = path.join(projectRoot, 'dist', 'tests', 'support', 'seatWorker.js');

interface Running {
  ready: Promise<void>;
  report: Promise<SeatWorkerReport>;
  go(): void;
}

function startWorker(job: SeatWorkerJob): Running {
  const child = spawn(process.execPath, [WORKER, JSON.stringify(job)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout });
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const report = new Promise<SeatWorkerReport>((resolve, reject) => {
    let last: SeatWorkerReport | undefined;
    lines.on('line', (line) => {
      if (line === 'ready') markReady();
      else if (line.startsWith('{')) last = JSON.parse(line) as SeatWorkerReport;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code === 0 && last) resolve(last);
      else reject(new Error(`seat worker exited with code ${code}: ${stderr.trim()}`));
    });
  });
  // A worker that dies before "ready" must not leave the caller waiting for it.
  const readyOrFailed = Promise.race([ready, report.then(() => undefined)]);
  return { ready: readyOrFailed, report, go: () => child.stdin.end('go\n') };
}

/** Starts one process per job, waits until all are ready, says go to all, and collects the reports. */
export async function runSeatWorkers(jobs: SeatWorkerJob[]): Promise<SeatWorkerReport[]> {
  const workers = jobs.map(startWorker);
  await Promise.all(workers.map((w) => w.ready));
  for (const w of workers) w.go();
  return Promise.all(workers.map((w) => w.report));
}
