// Starting, timing and measuring server processes for the benchmarks.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import autocannon from 'autocannon';
import { createServer } from 'node:net';

export async function freePort(): Promise<number> {
  const probe = createServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const { port } = probe.address() as { port: number };
  probe.close();
  return port;
}

export interface Started {
  child: ChildProcess;
  url: string;
  /** Milliseconds from spawn to the first answered message. */
  firstAnswerMs: number;
}

export function messageBody(text: string, conversationId: string): string {
  return JSON.stringify({
    type: 'message',
    text,
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}` },
    recipient: { id: 'bot' },
  });
}

/** A benchmark is one client far faster than a person: the per-client limits are raised (bench:flood sets its own). */
export const BENCH_LIMITS: Record<string, string> = {
  RATE_LIMIT_MESSAGES_PER_MINUTE: '1000000',
  RATE_LIMIT_CONVERSATIONS_PER_MINUTE: '1000000',
  DIRECT_LINE_MAX_CONVERSATIONS_PER_CLIENT: '1000000',
};

/**
 * Settings every benchmarked server gets beside its own: the caller's RATE_LIMIT_* and
 * DIRECT_LINE_* variables, over generous defaults, so that the benches measure the bot, not the
 * per-client limits. Add new limit settings here, in this one place.
 */
export function benchServerEnv(): Record<string, string> {
  const generous: Record<string, string> = { ...BENCH_LIMITS };
  const passed = Object.entries(process.env).filter(
    (entry): entry is [string, string] =>
      /^(RATE_LIMIT_|DIRECT_LINE_)/.test(entry[0]) && entry[1] !== undefined,
  );
  return { ...generous, ...Object.fromEntries(passed) };
}

export async function startServer(
  script: string,
  env: Record<string, string>,
  nodeArgs: string[] = [],
): Promise<Started> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const began = performance.now();
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env: {
      PATH: process.env.PATH,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'error',
      ...benchServerEnv(),
      ...env,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  for (;;) {
    const answered = await fetch(`${url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: messageBody('hello', 'warm-up'),
    }).then(
      (r) => r.ok,
      () => false,
    );
    if (answered) return { child, url, firstAnswerMs: performance.now() - began };
    if (performance.now() - began > 30_000) throw new Error(`${script} did not answer within 30 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function stopServer(started: Started): Promise<void> {
  started.child.kill('SIGTERM');
  await once(started.child, 'exit');
}

/** Resident memory of a process in MB, from /proc (Linux). */
export async function residentMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
  return Math.round((kb / 1024) * 10) / 10;
}

/** What a load on /api/messages measured. */
export interface MessageLoad {
  rps: number;
  /** autocannon reports percentiles in whole milliseconds; the mean is finer. */
  medianMs: number;
  meanMs: number;
  p99Ms: number;
  errors: number;
}

/**
 * Sends "help" to /api/messages (expectReplies) for `seconds`, each request a new turn in one of
 * `conversations` conversations, so their state is read and written every time.
 */
export async function messageLoad(
  url: string,
  options: { connections: number; seconds: number; prefix: string; conversations: number },
): Promise<MessageLoad> {
  let n = 0;
  const result = await autocannon({
    url: `${url}/api/messages`,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => ({
          ...req,
          body: messageBody('help', `${options.prefix}-${n++ % options.conversations}`),
        }),
      },
    ],
  });
  return {
    rps: Math.round(result.requests.average),
    medianMs: result.latency.p50,
    meanMs: Math.round(result.latency.average * 100) / 100,
    p99Ms: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}
