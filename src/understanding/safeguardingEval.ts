// Evaluation of the safeguarding decision on tests/safeguarding/*.jsonl: recall of 999 in the first
// reply per hazard (certain or possible), how often the full crisis reply is sent, and on hard
// negatives how often the full reply (a takeover) or the short 999 line is sent. Used by
// `npm run safeguarding:eval` and by the tests that hold the thresholds.
import { z } from 'zod';
import type { CrisisLevel } from './crisisMatcher.js';

const voice = z.string().max(200).optional();
const crisisLine = z.object({ text: z.string().min(1), hazard: z.string().min(1), voice }).strict();
const turnsLine = z
  .object({ turns: z.array(z.string().min(1)).min(1).max(5), hazard: z.string().min(1), voice })
  .strict();
const negativeLine = z.object({ text: z.string().min(1), negative: z.string().min(1) }).strict();
const lineSchema = z.union([crisisLine, turnsLine, negativeLine]);

export type SafeguardingLine =
  | { turns: string[]; hazard: string; voice?: string; line: number }
  | { turns: string[]; negative: string; line: number };

export function parseSafeguardingLines(jsonl: string, name: string): SafeguardingLine[] {
  const out: SafeguardingLine[] = [];
  jsonl.split('\n').forEach((raw, i) => {
    if (!raw.trim()) return;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      throw new Error(`${name} line ${i + 1}: not valid JSON`);
    }
    const parsed = lineSchema.safeParse(data);
    if (!parsed.success)
      throw new Error(
        `${name} line ${i + 1}: expected {"text","hazard"}, {"turns","hazard"} or {"text","negative"}`,
      );
    const d = parsed.data;
    if ('negative' in d) out.push({ turns: [d.text], negative: d.negative, line: i + 1 });
    else
      out.push({ turns: 'turns' in d ? d.turns : [d.text], hazard: d.hazard, voice: d.voice, line: i + 1 });
  });
  return out;
}

/** What the person saw first for each message of a line, in order. */
export type Decide = (turns: string[]) => Promise<CrisisLevel[]> | CrisisLevel[];

export interface GroupFigures {
  lines: number;
  /** Crisis lines: 999 in the first reply (full reply or short line) by the last message. */
  recall?: number;
  /** Crisis lines: the full crisis reply by the last message. */
  full?: number;
  /** Negative lines: the full crisis reply (a takeover). */
  takeovers?: number;
  /** Negative lines: the short 999 line. */
  shortLine?: number;
}

export interface SafeguardingReport {
  crisis: { overall: GroupFigures; byHazard: Record<string, GroupFigures> };
  negatives: { overall: GroupFigures; byKind: Record<string, GroupFigures> };
  misses: { line: number; hazard: string; text: string; got: CrisisLevel }[];
  falseAlarms: { line: number; kind: string; text: string; got: CrisisLevel }[];
}

const rank = { none: 0, possible: 1, certain: 2 } as const;
const round = (n: number) => Math.round(n * 10000) / 10000;

export async function evaluateSafeguarding(
  lines: SafeguardingLine[],
  decide: Decide,
): Promise<SafeguardingReport> {
  const tally = new Map<string, { lines: number; some: number; full: number }>();
  const bump = (key: string, best: CrisisLevel) => {
    const t = tally.get(key) ?? { lines: 0, some: 0, full: 0 };
    t.lines++;
    if (best !== 'none') t.some++;
    if (best === 'certain') t.full++;
    tally.set(key, t);
  };
  const report: SafeguardingReport = {
    crisis: { overall: { lines: 0 }, byHazard: {} },
    negatives: { overall: { lines: 0 }, byKind: {} },
    misses: [],
    falseAlarms: [],
  };
  for (const line of lines) {
    const levels = await decide(line.turns);
    const best = levels.reduce<CrisisLevel>((a, b) => (rank[b] > rank[a] ? b : a), 'none');
    const text = line.turns.join(' / ');
    if ('hazard' in line) {
      bump(`h:${line.hazard}`, best);
      bump('h:*', best);
      if (best !== 'certain') report.misses.push({ line: line.line, hazard: line.hazard, text, got: best });
    } else {
      bump(`n:${line.negative}`, best);
      bump('n:*', best);
      if (best !== 'none') report.falseAlarms.push({ line: line.line, kind: line.negative, text, got: best });
    }
  }
  for (const [key, t] of [...tally].sort(([a], [b]) => a.localeCompare(b))) {
    const [side, name] = [key.slice(0, 1), key.slice(2)];
    if (side === 'h') {
      const figures = { lines: t.lines, recall: round(t.some / t.lines), full: round(t.full / t.lines) };
      if (name === '*') report.crisis.overall = figures;
      else report.crisis.byHazard[name] = figures;
    } else {
      const figures = {
        lines: t.lines,
        takeovers: round(t.full / t.lines),
        shortLine: round((t.some - t.full) / t.lines),
      };
      if (name === '*') report.negatives.overall = figures;
      else report.negatives.byKind[name] = figures;
    }
  }
  return report;
}
