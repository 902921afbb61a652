// Starts the Azurite blob emulator (the azurite dev dependency) on a free loopback port in a
// temporary folder, for tests and benchmarks of the Azure Blob store. Port 0 lets the system pick
// the port; Azurite prints the address it listens on, which is read back from its output.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** Azurite's fixed development account; documented publicly, valid only for the emulator. */
const DEV_ACCOUNT = 'devstoreaccount1';
const DEV_KEY = 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==';
const START_TIMEOUT_MS = 15_000;

export interface Azurite {
  port: number;
  connectionString: string;
  stop(): Promise<void>;
}

export function azuriteConnectionString(port: number): string {
  return (
    `DefaultEndpointsProtocol=http;AccountName=${DEV_ACCOUNT};AccountKey=${DEV_KEY};` +
    `BlobEndpoint=http://127.0.0.1:${port}/${DEV_ACCOUNT};`
  );
}

const running = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** Resolves once Azurite listens; rejects with the reason when it cannot start. */
export async function startAzurite(): Promise<Azurite> {
  const main = path.join(projectRoot, 'node_modules', 'azurite', 'dist', 'src', 'blob', 'main.js');
  if (!existsSync(main)) throw new Error(`Azurite is not installed (no ${path.relative(projectRoot, main)})`);
  const location = await mkdtemp(path.join(os.tmpdir(), 'skazurite-'));
  const child = spawn(
    process.execPath,
    [
      main,
      ...['--blobHost', '127.0.0.1', '--blobPort', '0', '--location', location],
      ...['--skipApiVersionCheck', '--disableTelemetry', '--silent'],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  running.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
    running.delete(child);
    await rm(location, { recursive: true, force: true });
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(
        () =>
          reject(new Error(`Azurite did not start within ${START_TIMEOUT_MS / 1000} s: ${output.trim()}`)),
        START_TIMEOUT_MS,
      );
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listens on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(Number(match[1]));
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`Azurite exited (code ${code}) before listening: ${output.trim()}`));
      });
    });
    // Keep reading so a full pipe never blocks the emulator.
    child.stdout?.resume();
    child.stderr?.resume();
    return { port, connectionString: azuriteConnectionString(port), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * For a mocha `describe`: starts one Azurite before its tests and stops it after. When Azurite
 * cannot start, the tests are skipped with a warning naming `what`. Returns the running Azurite.
 */
export function useAzurite(what: string): () => Azurite {
  let azurite: Azurite | undefined;
  before(async function () {
    try {
      azurite = await startAzurite();
    } catch (error) {
      console.warn(`Skipping ${what}: Azurite could not start (${(error as Error).message})`);
      this.skip();
    }
  });
  after(async () => {
    await azurite?.stop();
  });
  return () => {
    if (!azurite) throw new Error('Azurite is not running');
    return azurite;
  };
}
