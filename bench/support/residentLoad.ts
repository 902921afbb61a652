// Drives scripted residents (residentScripts.ts) against /api/messages (expectReplies) from
// `connections` keep-alive connections at once, timing every request by the step it answers.
// Conversations are new (welcomed first) or continue one this connection had before.
import http from 'node:http';
import type { Journey, ResidentTexts } from './residentCorpus.js';
import {
  JOURNEY_WEIGHTS,
  SCRIPTS,
  startOver,
  type Offer,
  type Outgoing,
  type Reply,
  type Resident,
} from './residentScripts.js';

export interface Latencies {
  count: number;
  medianMs: number;
  meanMs: number;
  p99Ms: number;
  maxMs: number;
}

export interface MixResult {
  rps: number;
  medianMs: number;
  meanMs: number;
  p99Ms: number;
  requests: number;
  errors: number;
  conversations: { new: number; continuing: number };
  /** References the bot gave: workshop bookings (HC-) and volunteering interests (VI-) written. */
  written: { bookings: number; interests: number };
  drift: Record<string, number>;
  /** Every request's milliseconds by step, for per-step figures over several rounds. */
  samples: Map<string, number[]>;
}

export function latencies(values: number[]): Latencies {
  const sorted = Float64Array.from(values).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  const round = (n: number) => Math.round(n * 100) / 100;
  return {
    count: sorted.length,
    medianMs: round(at(0.5)),
    meanMs: round(mean),
    p99Ms: round(at(0.99)),
    maxMs: round(sorted[sorted.length - 1] ?? 0),
  };
}

const REFERENCE = /\b(HC|VI)-[A-Z2-9]{5}-[A-Z2-9]{5}\b/g;

/** What the bot offered in its reply: suggested actions and Adaptive Card submit actions. */
export function readReply(raw: string): Reply {
  const offers: Offer[] = [];
  let activities: {
    suggestedActions?: { actions?: Record<string, unknown>[] };
    attachments?: { content?: unknown }[];
  }[] = [];
  try {
    activities = (JSON.parse(raw) as { activities?: typeof activities }).activities ?? [];
  } catch {
    return { offers, raw };
  }
  const visit = (node: unknown) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Record<string, unknown>;
    if (n.type === 'Action.Submit')
      offers.push({ title: String(n.title ?? ''), value: n.data, tap: { value: n.data }, suggested: false });
    Object.values(n).forEach(visit);
  };
  for (const activity of activities) {
    for (const a of activity.suggestedActions?.actions ?? []) {
      const title = String(a.title ?? a.value ?? '');
      const tap: Outgoing =
        a.type === 'messageBack'
          ? { ...(a.text ? { text: String(a.text) } : {}), value: a.value }
          : { text: String(a.value ?? title) };
      offers.push({ title, value: a.value, tap, suggested: true });
    }
    (activity.attachments ?? []).forEach((att) => visit(att.content));
  }
  return { offers, raw };
}

export interface Target {
  url: string;
  agent: http.Agent;
}

export function target(url: string, connections: number): Target {
  return { url: `${url}/api/messages`, agent: new http.Agent({ keepAlive: true, maxSockets: connections }) };
}

export function activityBody(send: Outgoing, conversationId: string, channelId: string): string {
  return JSON.stringify({
    type: send.type ?? 'message',
    ...(send.text !== undefined ? { text: send.text } : {}),
    ...(send.value !== undefined ? { value: send.value } : {}),
    ...(send.type === 'conversationUpdate' ? { membersAdded: [{ id: `user-${conversationId}` }] } : {}),
    channelId,
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    conversation: { id: conversationId },
    from: { id: `user-${conversationId}` },
    recipient: { id: 'bot' },
  });
}

/** One POST; resolves with the status, the body and the milliseconds from sending to the last byte. */
export function post(t: Target, body: string): Promise<{ status: number; raw: string; ms: number }> {
  return new Promise((resolve) => {
    const began = performance.now();
    const req = http.request(
      t.url,
      {
        method: 'POST',
        agent: t.agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            raw: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - began,
          }),
        );
        res.on('error', () => resolve({ status: 0, raw: '', ms: performance.now() - began }));
      },
    );
    req.on('error', () => resolve({ status: 0, raw: '', ms: performance.now() - began }));
    req.end(body);
  });
}

interface Conversation {
  id: string;
  channelId: 'webchat' | 'msteams';
  resident: Resident;
  last: Reply;
}

export interface MixOptions {
  connections: number;
  seconds: number;
  prefix: string;
  texts: ResidentTexts;
  labels: Partial<Record<Journey, string>>;
  /** Share of conversations that carry on one this connection had before. */
  continuing?: number;
}

function pickJourney(texts: ResidentTexts, channelId: 'webchat' | 'msteams'): Journey {
  const weights = Object.entries(JOURNEY_WEIGHTS[channelId]) as [Journey, number][];
  let roll = texts.random() * weights.reduce((a, [, w]) => a + w, 0);
  for (const [journey, weight] of weights) if ((roll -= weight) < 0) return journey;
  return weights[0][0];
}

/** Runs scripted residents from `connections` connections for `seconds`. */
export async function residentMix(url: string, options: MixOptions): Promise<MixResult> {
  const t = target(url, options.connections);
  const samples = new Map<string, number[]>();
  const drift: Record<string, number> = {};
  const result = { requests: 0, errors: 0, newConversations: 0, continuing: 0, bookings: 0, interests: 0 };
  const all: number[] = [];
  const { texts } = options;
  let serial = 0;
  const began = performance.now();
  const deadline = began + options.seconds * 1000;

  const send = async (c: Conversation, step: string, out: Outgoing): Promise<Reply> => {
    const { status, raw, ms } = await post(t, activityBody(out, c.id, c.channelId));
    result.requests++;
    if (status !== 200) result.errors++;
    all.push(ms);
    let list = samples.get(step);
    if (!list) samples.set(step, (list = []));
    list.push(ms);
    const reply = readReply(raw);
    for (const [ref, kind] of raw.matchAll(REFERENCE))
      if (!c.resident.refs.includes(ref)) {
        c.resident.refs.push(ref);
        if (kind === 'HC') result.bookings++;
        else result.interests++;
      }
    return reply;
  };

  const worker = async () => {
    const earlier: Conversation[] = [];
    while (performance.now() < deadline) {
      let c: Conversation;
      if (earlier.length && texts.chance(options.continuing ?? 0.4)) {
        c = earlier.splice(Math.floor(texts.random() * earlier.length), 1)[0];
        result.continuing++;
        const back = startOver(c.resident);
        c.last = await send(c, back.step, back.send);
      } else {
        const channelId = texts.chance(0.2) ? 'msteams' : 'webchat';
        c = {
          id: `${options.prefix}-${serial++}`,
          channelId,
          resident: {
            texts,
            labels: options.labels,
            refs: [],
            drift: (step) => (drift[step] = (drift[step] ?? 0) + 1),
          },
          last: { offers: [], raw: '' },
        };
        result.newConversations++;
        c.last = await send(c, 'welcome', { type: 'conversationUpdate' });
      }
      const script = SCRIPTS[pickJourney(texts, c.channelId)](c.resident, c.last);
      let turn = script.next(c.last);
      while (!turn.done && performance.now() < deadline) {
        c.last = await send(c, turn.value.step, turn.value.send);
        turn = script.next(c.last);
      }
      earlier.push(c);
      if (earlier.length > 20) earlier.shift();
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const elapsed = (performance.now() - began) / 1000;
  t.agent.destroy();
  const overall = latencies(all);
  return {
    rps: Math.round(result.requests / elapsed),
    medianMs: overall.medianMs,
    meanMs: overall.meanMs,
    p99Ms: overall.p99Ms,
    requests: result.requests,
    errors: result.errors,
    conversations: { new: result.newConversations, continuing: result.continuing },
    written: { bookings: result.bookings, interests: result.interests },
    drift,
    samples,
  };
}
