// Hand-off relay latency: a resident on the local Direct Line (token, WebSocket stream, POSTed
// messages, as the chat page does) chatting with a member of staff on a stand-in Teams channel,
// through the real service. Measures resident -> desk (POST to the thread post arriving on the
// stand-in channel) and desk -> resident (staff message POSTed to /api/messages to the reply
// arriving on the resident's WebSocket). Prints one JSON line. Run: npm run build && npm run bench:handoff
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp } from '../src/app.js';
import { type ChatActivity, DirectLineChatClient } from '../src/cli/directLineClient.js';
import { loadConfig } from '../src/config.js';
import { deskActivity, startStandInChannel, type PostedActivity } from '../tests/handoff/standInChannel.js';
import { BENCH_LIMITS } from './support/processes.js';

const MESSAGES = Number(process.env.BENCH_MESSAGES ?? 100);
const TEAM = '19:bench-team@thread.tacv2';
const DESK = '19:bench-desk@thread.tacv2';
// A Wednesday morning in London, inside the desk's opening hours.
const OPEN = new Date('2026-12-02T11:00:00Z');

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const value = sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
  return Math.round(value * 10) / 10;
}

async function until(test: () => boolean): Promise<void> {
  const deadline = performance.now() + 15000;
  while (!test()) {
    if (performance.now() > deadline) throw new Error('no answer within 15 s');
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'skbench-handoff-'));
  const deskArrivals = new Map<string, number>();
  const channel = await startStandInChannel((post: PostedActivity) => {
    const marker = /#(\d+)\b/.exec(post.body.text ?? '');
    if (marker && post.conversationId.startsWith(DESK)) deskArrivals.set(marker[1], performance.now());
  });
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    HANDOFF_TEAM_ID: TEAM,
    LOG_LEVEL: 'error',
    // One loopback client plays both sides far faster than people do: the per-client limits are raised.
    ...BENCH_LIMITS,
  });
  const app = await startApp(config, { now: () => OPEN });
  const residentArrivals = new Map<string, number>();
  const resident = new DirectLineChatClient(app.url, (activity: ChatActivity) => {
    const marker = /#(\d+)\b/.exec(activity.text ?? '');
    if (activity.from?.role === 'bot' && marker) residentArrivals.set(marker[1], performance.now());
  });
  let n = 0;
  const staff = (text: string, conversationId: string, value?: unknown) =>
    fetch(`${app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(
        deskActivity({
          id: `s-${++n}`,
          text,
          value,
          serviceUrl: channel.url,
          conversationId,
          team: TEAM,
          desk: DESK,
          staff: { id: 'bench-staff', aadObjectId: 'bench-staff' },
        }),
      ),
    });
  const toDesk: number[] = [];
  const toResident: number[] = [];
  try {
    await staff('set desk', DESK);
    await staff('my name is Sam, Community Safety Team', DESK);
    await resident.start();
    await resident.send({ type: 'message', text: 'can I talk to a real person' });
    await resident.send({ type: 'message', text: 'Yes, ask someone' });
    await until(() => channel.posted.some((p) => p.body.attachments?.length));
    const card = channel.posted.find((p) => p.body.attachments?.length)!;
    const thread = `${DESK};messageid=${card.id}`;
    const data = (card.body.attachments![0].content as { actions: { data: unknown }[] }).actions[0].data;
    await staff('', thread, data);
    for (let i = 0; i < MESSAGES; i += 1) {
      const up = String(2 * i);
      const sent = performance.now();
      await resident.send({ type: 'message', text: `a message from the resident #${up}` });
      await until(() => deskArrivals.has(up));
      toDesk.push((deskArrivals.get(up) as number) - sent);
      const down = String(2 * i + 1);
      const replied = performance.now();
      await staff(`a reply from staff #${down}`, thread);
      await until(() => residentArrivals.has(down));
      toResident.push((residentArrivals.get(down) as number) - replied);
    }
  } finally {
    resident.close();
    await app.close();
    await channel.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  console.log(
    JSON.stringify({
      bench: 'handoff',
      messages: MESSAGES,
      residentToDeskMedianMs: percentile(toDesk, 50),
      residentToDeskP99Ms: percentile(toDesk, 99),
      deskToResidentMedianMs: percentile(toResident, 50),
      deskToResidentP99Ms: percentile(toResident, 99),
      targetMedianMs: 50,
    }),
  );
}

await main();
