// Starts bot processes (bookingBot.ts) and stops them, collecting their ETag conflict counts.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SessionSpec } from '../../bench/support/bookingKnowledge.js';
import { projectRoot } from '../../src/paths.js';
import type { ConflictStats } from '../../src/store/etagRetry.js';
import { RAISED_LIMITS } from './appHarness.js';

const BOT = path.join(projectRoot, 'dist', 'tests', 'support', 'bookingBot.js');

export interface BookingBot {
  url: string;
  /** Stops the process (SIGTERM: it finishes its writes) and returns its conflict counts. */
  stop(): Promise<ConflictStats>;
}

export async function startBookingBot(
  env: Record<string, string>,
  sessions: SessionSpec[],
): Promise<BookingBot> {
  const child: ChildProcess = spawn(process.execPath, [BOT], {
    env: {
      PATH: process.env.PATH,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      BOOKING_SESSIONS: JSON.stringify(sessions),
      ...RAISED_LIMITS,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  let stats: ConflictStats | undefined;
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      if (line.startsWith('listening ')) resolve(line.slice('listening '.length));
      else if (line.startsWith('{')) stats = JSON.parse(line) as ConflictStats;
    });
    void exited.then((code) =>
      reject(new Error(`bot process exited (code ${code}) before listening: ${stderr}`)),
    );
  });
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      const code = await exited;
      if (code !== 0 || !stats) throw new Error(`bot process did not stop cleanly (code ${code}): ${stderr}`);
      return stats;
    },
  };
}
