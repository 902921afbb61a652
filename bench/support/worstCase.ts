// The worst single messages at every prompt: each script is walked in a new conversation until it
// reaches the prompt, then a long or awkward message is sent instead of its answer and timed,
// with nothing else running. Messages are new each time, so no memory of recent texts helps.
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

interface Walk {
  journey: Journey;
  channelId: 'webchat' | 'msteams';
}

/** Walks a new conversation to `prompt` and sends `text` there; the milliseconds, or undefined if never reached. */
async function atPrompt(
  t: Target,
  walk: Walk,
  prompt: string,
  text: string,
  resident: Resident,
  id: string,
): Promise<number | undefined> {
  const send = async (out: Parameters<typeof activityBody>[0]) => {
    const res = await post(t, activityBody(out, id, walk.channelId));
    return { reply: readReply(res.raw), ms: res.ms };
  };
  let last: Reply = (await send({ type: 'conversationUpdate' })).reply;
  if (prompt === 'welcome') return (await send({ text })).ms;
  const script = SCRIPTS[walk.journey](resident, last);
  let turn = script.next(last);
  while (!turn.done) {
    if (turn.value.step === prompt) return (await send({ text })).ms;
    last = (await send(turn.value.send)).reply;
    turn = script.next(last);
  }
  return undefined;
}

export interface WorstRow {
  slowestMs: number;
  message: string;
  /** The slowest of each kind (the median of `tries` new messages of that kind). */
  byMessage: Record<string, number>;
}

/** For each prompt ("journey.step"), the slowest kind of worst message and its milliseconds. */
export async function worstCase(
  url: string,
  prompts: string[],
  texts: ResidentTexts,
  labels: Resident['labels'],
  placeNames: string[],
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
      for (const [kind, make] of Object.entries(messages)) {
        const times: number[] = [];
        for (let attempt = 0; times.length < tries && attempt < tries * 6; attempt++) {
          const resident: Resident = { texts, labels, refs: [], drift: () => undefined };
          const walk: Walk = {
            journey,
            channelId: attempt % 2 && journey === 'plan' ? 'msteams' : 'webchat',
          };
          const ms = await atPrompt(t, walk, prompt, make(), resident, `worst-${serial++}`);
          if (ms !== undefined) times.push(ms);
        }
        if (times.length)
          byMessage[kind] = Math.round(times.sort((a, b) => a - b)[Math.floor(times.length / 2)] * 10) / 10;
      }
      const [message, slowestMs] = Object.entries(byMessage).sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
      table[prompt] = { slowestMs, message, byMessage };
    }
  } finally {
    t.agent.destroy();
  }
  return table;
}
