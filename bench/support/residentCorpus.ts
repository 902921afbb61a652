// The benchmark's resident texts (bench/corpus/residents.yaml) and a seeded generator that varies
// them: a lead-in and a tail, typos, unique names and emails, so few messages repeat.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import { projectRoot } from '../../src/paths.js';

const texts = z.array(z.string()).min(1);
export const JOURNEYS = [
  'volunteer',
  'workshop',
  'report',
  'support',
  'bystander',
  'plan',
  'privacy',
] as const;
export type Journey = (typeof JOURNEYS)[number];

const corpusSchema = z
  .object({
    leadIns: texts,
    tails: texts,
    openings: z.object(Object.fromEntries(JOURNEYS.map((j) => [j, texts])) as Record<Journey, typeof texts>),
    wards: texts,
    names: texts,
    emailDomains: texts,
    badEmails: texts,
    phones: texts,
    sessionTexts: texts,
    seatTexts: texts,
    typedChoices: texts,
    feedbackComments: texts,
    startOver: texts,
    filler: texts,
  })
  .strict();
export type Corpus = z.infer<typeof corpusSchema>;

export const CORPUS_FILE = path.join(projectRoot, 'bench/corpus/residents.yaml');

export async function loadCorpus(): Promise<Corpus> {
  const parsed = corpusSchema.safeParse(yaml.load(await readFile(CORPUS_FILE, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${CORPUS_FILE}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
    );
  return parsed.data;
}

/** mulberry32: small, fast and seeded, so a run can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class ResidentTexts {
  readonly random: () => number;
  private serial = 0;

  constructor(
    readonly corpus: Corpus,
    seed: number,
  ) {
    this.random = seeded(seed);
  }

  chance(p: number): boolean {
    return this.random() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }

  /** One slip of the keyboard: a letter dropped, doubled or swapped with the next. */
  typo(text: string): string {
    if (text.length < 4) return text;
    const i = 1 + Math.floor(this.random() * (text.length - 2));
    const how = this.random();
    if (how < 0.33) return text.slice(0, i) + text.slice(i + 1);
    if (how < 0.66) return text.slice(0, i) + text[i] + text.slice(i);
    return text.slice(0, i) + text[i + 1] + text[i] + text.slice(i + 2);
  }

  /** A text as a person might send it: sometimes with a greeting, a tail or a typo. */
  phrase(text: string): string {
    const typed = this.chance(0.3) ? this.typo(text) : text;
    return [this.pick(this.corpus.leadIns), typed, this.pick(this.corpus.tails)].filter(Boolean).join(' ');
  }

  opening(journey: Journey): string {
    return this.phrase(this.pick(this.corpus.openings[journey]));
  }

  ward(): string {
    const ward = this.pick(this.corpus.wards);
    return this.chance(0.4) ? this.typo(ward) : ward;
  }

  name(): string {
    const name = this.pick(this.corpus.names);
    return this.chance(0.5)
      ? `${name.split(' ')[0]} ${String.fromCharCode(65 + (this.serial++ % 26))}. ${name.split(' ').slice(1).join(' ')}`
      : name;
  }

  email(): string {
    const first = this.pick(this.corpus.names)
      .split(' ')[0]
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    return `${first}.${this.serial++}.${Math.floor(this.random() * 1e6)}@${this.pick(this.corpus.emailDomains)}`;
  }

  /** A long text made of ordinary words, up to `length` characters. */
  longText(length: number): string {
    const words: string[] = [];
    let size = 0;
    while (size < length) {
      const word = this.pick(this.corpus.filler);
      words.push(word);
      size += word.length + 1;
    }
    return words.join(' ').slice(0, length);
  }
}
