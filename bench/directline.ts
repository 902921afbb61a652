// Local Direct Line benchmark: many people chatting at once through the real service, as the web page
// does (token, conversation, WebSocket stream, POSTed messages). Measures time to the welcome and from
// sending a message to its first reply arriving on the stream, at 10 and 50 simultaneous conversations.
// Prints one JSON line. Run: npm run build && npm run bench:directline
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type ChatActivity, DirectLineChatClient } from '../src/cli/directLineClient.js';
import { projectRoot } from '../src/paths.js';
import { residentMb, startServer, stopServer } from './support/processes.js';

const MESSAGES_PER_CONVERSATION = Number(process.env.BENCH_MESSAGES ?? 10);
const BOT = path.join(projectRoot, 'dist/src/index.js');

interface Round {
  conversations: number;
  welcomeMedianMs: number;
  replyMedianMs: number;
  replyP95Ms: number;
  messagesPerSecond: number;
  failures: number;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return Math.round(value * 10) / 10;
}

/** One person: start, wait for the welcome, then send messages one after another. */
async function converse(url: string, welcomes: number[], replies: number[]): Promise<void> {
  // A reply can arrive before the POST that caused it returns (the bot answers during its turn), so
  // arrivals are recorded by the id they reply to and looked up after sending.
  const arrivals = new Map<string, number>();
  let botMessages = 0;
  const onActivity = (activity: ChatActivity) => {
    if (activity.from?.role !== 'bot') return;
    botMessages += 1;
    const replyTo = activity.replyToId;
    if (typeof replyTo === 'string' && !arrivals.has(replyTo)) arrivals.set(replyTo, performance.now());
  };
  const until = async (test: () => boolean): Promise<void> => {
    const deadline = performance.now() + 15000;
    while (!test()) {
      if (performance.now() > deadline) throw new Error('no answer within 15 s');
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
  };
  const client = new DirectLineChatClient(url, onActivity);
  try {
    const began = performance.now();
    await client.start();
    await until(() => botMessages > 0);
    welcomes.push(performance.now() - began);
    for (let i = 0; i < MESSAGES_PER_CONVERSATION; i += 1) {
      const sent = performance.now();
      const id = await client.send({ type: 'message', text: 'help' });
      await until(() => arrivals.has(id));
      replies.push((arrivals.get(id) as number) - sent);
    }
  } finally {
    client.close();
  }
}

async function round(url: string, conversations: number): Promise<Round> {
  const welcomes: number[] = [];
  const replies: number[] = [];
  const began = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: conversations }, () => converse(url, welcomes, replies)),
  );
  const seconds = (performance.now() - began) / 1000;
  return {
    conversations,
    welcomeMedianMs: percentile(welcomes, 50),
    replyMedianMs: percentile(replies, 50),
    replyP95Ms: percentile(replies, 95),
    messagesPerSecond: Math.round(replies.length / seconds),
    failures: results.filter((r) => r.status === 'rejected').length,
  };
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-dl-'));
  const service = await startServer(BOT, { DATA_DIR: dataDir });
  try {
    const c10 = await round(service.url, 10);
    const c50 = await round(service.url, 50);
    const rssMb = await residentMb(service.child.pid as number);
    console.log(
      JSON.stringify({
        bench: 'directline',
        messagesPerConversation: MESSAGES_PER_CONVERSATION,
        c10,
        c50,
        rssMbAfter: rssMb,
      }),
    );
  } finally {
    await stopServer(service);
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exit(1);
});
