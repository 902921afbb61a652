// Flood benchmark (issue 17): one client floods the local Direct Line with new conversations and
// oversized activities while a second resident chats. Measures the service's resident memory, whether
// the resident's conversation keeps working, and their median reply time against an idle server.
// The service runs with its default limits, behind a pretend proxy (TRUST_PROXY=1) so the two
// clients can be told apart by X-Forwarded-For as on App Service. Prints one JSON line.
// Run: npm run build && npm run bench:flood [-- --duration=30]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { projectRoot } from '../src/paths.js';
import { BENCH_LIMITS, residentMb, startServer, stopServer } from './support/processes.js';

const DURATION_S = Number(
  /^--duration=(\d+)$/.exec(process.argv.find((a) => a.startsWith('--duration=')) ?? '')?.[1] ??
    process.env.FLOOD_DURATION ??
    30,
);
const FLOOD_WORKERS = 16;
const FLOOD_ROLE = '--flooder';
const OVERSIZED = JSON.stringify({ type: 'message', text: 'x'.repeat(250 * 1024) });
const BOT = path.join(projectRoot, 'dist/src/index.js');
const FLOODER = { 'x-forwarded-for': '203.0.113.66' };
const RESIDENT = { 'x-forwarded-for': '198.51.100.20' };
/**
 * The resident's pause between messages. A second is far quicker than anyone types, and keeps them
 * under the default limit of 120 messages a minute per client (four a second did not: the flood
 * bench then counted the resident's own 429s as harm done by the flood).
 */
const RESIDENT_PAUSE_MS = 1000;

interface Chat {
  token: string;
  conversationId: string;
}

async function openChat(url: string, headers: Record<string, string>): Promise<Chat | undefined> {
  const token = await fetch(`${url}/api/directline/token`, { method: 'POST', headers });
  if (token.status !== 200) {
    await token.arrayBuffer();
    return undefined;
  }
  const issued = (await token.json()) as { token: string };
  const started = await fetch(`${url}/v3/directline/conversations`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${issued.token}` },
  });
  if (started.status !== 201) {
    await started.arrayBuffer();
    return undefined;
  }
  return (await started.json()) as Chat;
}

/** Posts one message; the local Direct Line answers once the bot has taken its turn. */
async function post(url: string, chat: Chat, body: string, headers: Record<string, string>) {
  const began = performance.now();
  const res = await fetch(`${url}/v3/directline/conversations/${chat.conversationId}/activities`, {
    method: 'POST',
    headers: { ...headers, authorization: `Bearer ${chat.token}`, 'content-type': 'application/json' },
    body,
  }).catch(() => undefined);
  await res?.arrayBuffer().catch(() => undefined);
  return { status: res?.status ?? 0, ms: performance.now() - began };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round((sorted[Math.floor(sorted.length / 2)] ?? NaN) * 10) / 10;
};

const residentText = (i: number) =>
  JSON.stringify({ type: 'message', text: i % 2 ? 'help' : 'what can you do' });

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-flood-'));
  // The service's own limits: the raised benchmark limits are set back to their defaults.
  const defaults = Object.fromEntries(Object.keys(BENCH_LIMITS).map((key) => [key, '']));
  const service = await startServer(BOT, { ...defaults, DATA_DIR: dataDir, TRUST_PROXY: '1' });
  const pid = service.child.pid as number;
  try {
    const resident = await openChat(service.url, RESIDENT);
    if (!resident) throw new Error('the resident could not open a chat');
    const idle: number[] = [];
    for (let i = 0; i < 20; i += 1)
      idle.push((await post(service.url, resident, residentText(i), RESIDENT)).ms);

    let maxRss = await residentMb(pid);
    const sampler = setInterval(() => {
      void residentMb(pid).then(
        (mb) => (maxRss = Math.max(maxRss, mb)),
        () => undefined,
      );
    }, 250);
    const ends = performance.now() + DURATION_S * 1000;
    // The flood runs in its own process, so its work does not delay this one's timing of the resident.
    const flood = spawn(
      process.execPath,
      [fileURLToPath(import.meta.url), FLOOD_ROLE, service.url, String(DURATION_S)],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let floodOutput = '';
    flood.stdout.on('data', (chunk: Buffer) => (floodOutput += chunk.toString()));
    const floodDone = once(flood, 'exit');
    const flooding: number[] = [];
    let residentFailures = 0;
    const residentFailureStatuses: Record<number, number> = {};
    const residentLoop = async () => {
      for (let i = 0; performance.now() < ends; i += 1) {
        const { status, ms } = await post(service.url, resident, residentText(i), RESIDENT);
        if (status === 200) flooding.push(ms);
        else {
          residentFailures += 1;
          residentFailureStatuses[status] = (residentFailureStatuses[status] ?? 0) + 1;
        }
        await new Promise((resolve) => setTimeout(resolve, RESIDENT_PAUSE_MS));
      }
    };
    await Promise.all([residentLoop(), floodDone]);
    clearInterval(sampler);
    const floodStatuses = new Map<number, number>(
      Object.entries(JSON.parse(floodOutput || '{}') as Record<string, number>).map(([k, v]) => [
        Number(k),
        v,
      ]),
    );
    const after = await fetch(
      `${service.url}/v3/directline/conversations/${resident.conversationId}/activities`,
      {
        headers: { ...RESIDENT, authorization: `Bearer ${resident.token}` },
      },
    );
    await after.arrayBuffer();
    const idleMedianMs = median(idle);
    const floodMedianMs = median(flooding);
    const floodRequests = [...floodStatuses.values()].reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        bench: 'flood',
        durationS: DURATION_S,
        floodRequests,
        floodStatuses: Object.fromEntries([...floodStatuses].sort(([a], [b]) => a - b)),
        maxResidentMemoryMb: Math.round(maxRss),
        memoryUnder300Mb: maxRss < 300,
        residentMessages: flooding.length,
        residentFailures,
        residentFailureStatuses,
        residentConversationAlive: after.status === 200,
        idleMedianMs,
        floodMedianMs,
        latencyRatio: Math.round((floodMedianMs / idleMedianMs) * 100) / 100,
        within2x: floodMedianMs <= 2 * idleMedianMs,
      }),
    );
  } finally {
    await stopServer(service);
    await rm(dataDir, { recursive: true, force: true });
  }
}

/** The flooding client: new chats and oversized activities from one address, as fast as it can. */
async function flood(url: string, seconds: number): Promise<void> {
  const ends = performance.now() + seconds * 1000;
  const statuses: Record<number, number> = {};
  const count = (status: number) => (statuses[status] = (statuses[status] ?? 0) + 1);
  const worker = async () => {
    const mine: Chat[] = [];
    while (performance.now() < ends) {
      const chat = await openChat(url, FLOODER).catch(() => undefined);
      count(chat ? 201 : 429);
      if (chat) mine.push(chat);
      const target = mine[Math.floor(Math.random() * mine.length)];
      if (target) count((await post(url, target, OVERSIZED, FLOODER)).status);
    }
  };
  await Promise.all(Array.from({ length: FLOOD_WORKERS }, worker));
  process.stdout.write(JSON.stringify(statuses));
}

if (process.argv[2] === FLOOD_ROLE) await flood(process.argv[3] as string, Number(process.argv[4]));
else await main();
