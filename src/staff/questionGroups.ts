// Groups unanswered questions by similar wording, so editors see "parking at the hub" once with
// its count instead of twenty spellings of it.
// One module of natural each, not its root, which loads dotenv and prints on stdout.
import { englishStopwords, stem } from '../text/natural.js';

const STOP = new Set(englishStopwords);

export interface QuestionCount {
  text: string;
  count: number;
}

export interface QuestionGroup {
  /** The most frequent wording in the group. */
  text: string;
  count: number;
  wordings: number;
}

function stems(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9']+/g) ?? [];
  return new Set(words.filter((w) => !STOP.has(w)).map(stem));
}

function similarity(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Greedy grouping, most frequent first: each question joins the first group it is close enough to. */
export function groupQuestions(questions: QuestionCount[], threshold = 0.5): QuestionGroup[] {
  const sorted = [...questions].sort((a, b) => b.count - a.count);
  const groups: { stems: Set<string>; group: QuestionGroup }[] = [];
  for (const q of sorted) {
    const s = stems(q.text);
    const home = groups.find((g) => similarity(g.stems, s) >= threshold);
    if (home) {
      home.group.count += q.count;
      home.group.wordings += 1;
    } else {
      groups.push({ stems: s, group: { text: q.text, count: q.count, wordings: 1 } });
    }
  }
  return groups.map((g) => g.group).sort((a, b) => b.count - a.count);
}
