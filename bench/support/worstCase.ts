// The worst single messages at every prompt: each script is walked in a new conversation until it
// reaches the prompt, then a long or awkward message is sent instead of its answer and timed,
// with nothing else running. Messages are new each time, so no memory of recent texts helps.
import { readFile } from 'node:fs/promises';
import type { Journey, ResidentTexts } from './residentCorpus.js';
import { activityBody, post, readReply, target, type Target } from './residentLoad.js';
import { SCRIPTS, type Reply, type Resident } from './residentScripts.js';

export const WORST_LENGTH = 10_000;

/** Kinds of awkward message, each made new on every call. */
export function worstMessages(texts: ResidentTexts, placeNames: string[]): Record<string, () => string> {
  const nearMisses = (length: number) => {
    const words: string[] = [];
    let size = 0;
    while (size < length) {
      const name = texts.typo(texts.pick(placeNames).toLowerCase());
      words.push(name);
      size += name.length + 1;
    }
    return words.join(' ').slice(0, length);
  };
  return {
    longOrdinaryWords: () => texts.longText(WORST_LENGTH),
    longNearMissPlaces: () => nearMisses(WORST_LENGTH),
    shortNearMissPlaces: () => nearMisses(600),
    oneLongWord: () => texts.pick(['x', 'a', 'help', 'ab']).repeat(WORST_LENGTH).slice(0, WORST_LENGTH),
    longCodeLike: () => `${texts.pick(['AB', 'KT', 'XY'])}-`.repeat(WORST_LENGTH / 3).slice(0, WORST_LENGTH),
    longWithCardValue: () => `${texts.longText(WORST_LENGTH - 20)} ${Math.floor(texts.random() * 9) + 1}`,
  };
}

/** Linux's clock ticks per second for /proc CPU times (getconf CLK_TCK). */
const TICKS_PER_SECOND = 100;

/**
 * CPU milliseconds the server process has used (user + system, from /proc), or NaN elsewhere.
 * On a busy shared machine a message's time on the clock mostly measures waiting for a core;
 * its CPU time does not. Ticks are 10 ms, so it is averaged over several messages.
 */
export async function cpuMs(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return Number.NaN;
  }
}

interface Walk {
  journey: Journey;
  channelId: 'webchat' | 'msteams';
}

/**
 * Walks a new conversation to `prompt` and sends `text` there: its milliseconds on the clock and
 * of the server's CPU, or undefined if the script never reached the prompt.
 */
async function atPrompt(
  t: Target,
  walk: Walk,
  prompt: string,
  text: string,
  resident: Resident,
  id: string,
  pid: number,
): Promise<{ ms: number; cpuMs: number } | undefined> {
  const send = async (out: Parameters<typeof activityBody>[0]) => {
    const res = await post(t, activityBody(out, id, walk.channelId));
    return { reply: readReply(res.raw), ms: res.ms };
  };
  const timed = async () => {
    const before = await cpuMs(pid);
    const { ms } = await send({ text });
    return { ms, cpuMs: (await cpuMs(pid)) - before };
  };
  let last: Reply = (await send({ type: 'conversationUpdate' })).reply;
  if (prompt === 'welcome') return timed();
  const script = SCRIPTS[walk.journey](resident, last);
  let turn = script.next(last);
  while (!turn.done) {
    if (turn.value.step === prompt) return timed();
    last = (await send(turn.value.send)).reply;
    turn = script.next(last);
  }
  return undefined;
}

export interface WorstRow {
  slowestMs: number;
  message: string;
  /** Each kind's milliseconds: the median of `tries` new messages of that kind. */
  byMessage: Record<string, number>;
  /** The most server CPU milliseconds one kind took, on average over its messages. */
  slowestCpuMs: number;
  cpuMessage: string;
}

/** For each prompt ("journey.step"), the slowest kind of worst message and its milliseconds. */
export async function worstCase(
  url: string,
  prompts: string[],
  texts: ResidentTexts,
  labels: Resident['labels'],
  placeNames: string[],
  pid: number,
  tries = 3,
): Promise<Record<string, WorstRow>> {
  const t = target(url, 1);
  const messages = worstMessages(texts, placeNames);
  const table: Record<string, WorstRow> = {};
  let serial = 0;
  try {
    for (const prompt of prompts) {
      const journey = (prompt.split('.')[0] in SCRIPTS ? prompt.split('.')[0] : 'volunteer') as Journey;
      const byMessage: Record<string, number> = {};
      const cpuByMessage: Record<string, number> = {};
      for (const [kind, make] of Object.entries(messages)) {
        const times: number[] = [];
        let cpu = 0;
        for (let attempt = 0; times.length < tries && attempt < tries * 6; attempt++) {
          const resident: Resident = { texts, labels, refs: [], drift: () => undefined };
          const walk: Walk = {
            journey,
            channelId: attempt % 2 && journey === 'plan' ? 'msteams' : 'webchat',
          };
          const took = await atPrompt(t, walk, prompt, make(), resident, `worst-${serial++}`, pid);
          if (!took) continue;
          times.push(took.ms);
          cpu += took.cpuMs;
        }
        if (!times.length) continue;
        byMessage[kind] = Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)] * 10) / 10;
        cpuByMessage[kind] = Math.round((cpu / times.length) * 10) / 10;
      }
      const [message, slowestMs] = Object.entries(byMessage).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      const [cpuMessage, slowestCpuMs] = Object.entries(cpuByMessage).sort((a, b) => b[1] - a[1])[0] ?? [
        '',
        0,
      ];
      table[prompt] = { slowestMs, message, byMessage, slowestCpuMs, cpuMessage };
    }
  } finally {
    t.agent.destroy();
  }
  return table;
}
