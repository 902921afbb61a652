// What the partnership learns from the bot, kept as weekly aggregates without personal data.
// Each event is one atomic update of one small weekly document (one per process: a shard), so
// recording stays cheap, instances do not queue behind each other, and the dashboard reads a
// handful of documents however many people have used the bot.
import { randomBytes } from 'node:crypto';
import type { Logger } from '../logger.js';
import type { RecordStore } from '../store/store.js';
import { isoWeek } from './isoWeek.js';
import { redactPersonalData } from './redact.js';

export const INSIGHTS_COLLECTION = 'insights-weekly';
const MAX_DISTINCT_QUESTIONS = 500;
const MAX_COMMENTS = 200;

/** A source code from an embedded link or widget: letters, digits and hyphens only. */
export const SOURCE_CODE = /^[A-Za-z0-9-]{1,32}$/;

export type InsightEvent =
  | { type: 'conversation_started'; channel: string; source?: string }
  | { type: 'journey_started' | 'journey_completed'; journey: string; channel: string; source?: string }
  /** A journey reached a question (an id such as "workshop-seats"), counted once per run of it. */
  | { type: 'journey_step'; journey: string; step: string }
  | { type: 'unanswered'; kind: 'low_confidence' | 'no_answer'; text: string }
  | { type: 'feedback'; journey: string; helpful: boolean; comment?: string }
  | {
      type: 'booking';
      action: 'booked' | 'waitlisted' | 'cancelled' | 'promoted' | 'moved';
      sessionId: string;
      seats: number;
    }
  | { type: 'interest'; ward: string; role: string }
  | { type: 'handoff'; action: HandoffAction; channel: string; source?: string }
  /** The safeguarding check answered: the kind of emergency (hazard id) only, never the text. */
  | { type: 'safeguarding'; level: 'certain' | 'possible'; hazard: string };

/** What happened to a request to talk to a person (src/handoff/). */
export type HandoffAction =
  'requested' | 'accepted' | 'timed_out' | 'cancelled' | 'ended' | 'callback_requested' | 'callback_closed';

export interface WeekInsights {
  week: string;
  /** Counter name -> count, e.g. "journey_started|bystander|directline|KREC". */
  counts: Record<string, number>;
  /** Unanswered questions, redacted, by their normalised wording. */
  questions: Record<string, { text: string; kind: string; count: number }>;
  comments: { journey: string; helpful: boolean; text: string }[];
}

function counterParts(event: InsightEvent): string[] {
  switch (event.type) {
    case 'conversation_started':
      return ['conversation_started', event.channel, event.source ?? '-'];
    case 'journey_started':
    case 'journey_completed':
      return [event.type, event.journey, event.channel, event.source ?? '-'];
    case 'journey_step':
      return ['journey_step', event.journey, event.step];
    case 'feedback':
      return ['feedback', event.journey, event.helpful ? 'helpful' : 'not_helpful'];
    case 'booking':
      return ['booking', event.action, event.sessionId];
    case 'interest':
      return ['interest', event.ward, event.role];
    case 'unanswered':
      return ['unanswered', event.kind];
    case 'handoff':
      return ['handoff', event.action, event.channel, event.source ?? '-'];
    case 'safeguarding':
      return ['safeguarding', event.level, event.hazard];
  }
}

/** Counter parts are ids and codes; anything else (a forged value) is cut to a safe token. */
function safePart(value: string): string {
  return value.replace(/[^A-Za-z0-9_.-]/g, '').slice(0, 40) || '-';
}

export function normaliseQuestion(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9\s[\]]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export function applyEvent(
  current: WeekInsights | undefined,
  week: string,
  event: InsightEvent,
): WeekInsights {
  const next: WeekInsights = current
    ? structuredClone(current)
    : { week, counts: {}, questions: {}, comments: [] };
  addEvent(next, event);
  return next;
}

/** Adds one event to a week's document in place (a batch clones the document once, not per event). */
function addEvent(next: WeekInsights, event: InsightEvent): void {
  const name = counterParts(event).map(safePart).join('|');
  next.counts[name] = (next.counts[name] ?? 0) + (event.type === 'booking' ? event.seats : 1);
  if (event.type === 'unanswered') {
    const text = redactPersonalData(event.text);
    const key = normaliseQuestion(text);
    const known = next.questions[key];
    if (known) known.count += 1;
    else if (key && Object.keys(next.questions).length < MAX_DISTINCT_QUESTIONS) {
      next.questions[key] = { text, kind: event.kind, count: 1 };
    }
  }
  if (event.type === 'feedback' && event.comment?.trim() && next.comments.length < MAX_COMMENTS) {
    next.comments.push({
      journey: safePart(event.journey),
      helpful: event.helpful,
      text: redactPersonalData(event.comment),
    });
  }
}

/**
 * Adds up the shards of one week. Each process writes its own shard, so that several instances
 * recording at once do not all contend for one document (measured: nearly every ETag conflict
 * between two instances was on the single weekly document).
 */
export function mergeWeeks(week: string, shards: WeekInsights[]): WeekInsights {
  const merged: WeekInsights = { week, counts: {}, questions: {}, comments: [] };
  for (const shard of shards) {
    for (const [name, n] of Object.entries(shard.counts))
      merged.counts[name] = (merged.counts[name] ?? 0) + n;
    for (const [key, q] of Object.entries(shard.questions)) {
      const known = merged.questions[key];
      if (known) known.count += q.count;
      else merged.questions[key] = { ...q };
    }
    merged.comments.push(...shard.comments);
  }
  const questions = Object.entries(merged.questions);
  if (questions.length > MAX_DISTINCT_QUESTIONS) {
    questions.sort(([, a], [, b]) => b.count - a.count);
    merged.questions = Object.fromEntries(questions.slice(0, MAX_DISTINCT_QUESTIONS));
  }
  merged.comments = merged.comments.slice(0, MAX_COMMENTS);
  return merged;
}

export class Insights {
  constructor(
    private readonly records: RecordStore,
    private readonly now: () => Date,
    private readonly logger: Logger,
    /** This process's shard of each week's document ("2026-W47.<shard>"). */
    private readonly shard: string = randomBytes(4).toString('hex'),
    /** What free text keeps (src/privacy/maskFreeText.ts): the service masks unknown words too. */
    private readonly mask: (text: string) => string = redactPersonalData,
    /**
     * How long events wait to be written together (INSIGHTS_FLUSH_MS). 0: each is written as it
     * comes, and record() resolves once it is. Above 0, record() resolves at once and the events
     * of that time go in one write: under load, one write a second instead of one or two a turn.
     * Reading (weeks) and closing write what is waiting first; a crash loses at most that long of
     * counts, never a booking or anything a person gave.
     */
    private readonly flushAfterMs = 0,
  ) {}

  private timer: NodeJS.Timeout | undefined;

  /** Events waiting for the write under way to finish, with who is waiting for each. */
  private waiting: { event: InsightEvent; week: string; done: () => void }[] = [];
  private writing: Promise<void> | undefined;

  /**
   * Records one event. Insights never break a conversation: a failure is logged, not thrown.
   * Events that come while a write is under way are written together by the next one: every turn
   * that records an event updates the same document, and one write each made them queue (under
   * the realistic load, the turns that recorded an event took ten times as long as the others).
   */
  record(event: InsightEvent): Promise<void> {
    const recorded = new Promise<void>((done) =>
      this.waiting.push({ event: this.masked(event), week: isoWeek(this.now()), done }),
    );
    if (this.flushAfterMs === 0) {
      this.writing ??= this.writeWaiting();
      return recorded;
    }
    this.timer ??= setTimeout(() => void this.flush(), this.flushAfterMs).unref();
    return Promise.resolve();
  }

  /** Writes every event waiting, and resolves when they are written. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    while (this.waiting.length || this.writing) {
      this.writing ??= this.writeWaiting();
      await this.writing;
    }
  }

  private async writeWaiting(): Promise<void> {
    while (this.waiting.length) {
      const batch = this.waiting.splice(0);
      for (const week of new Set(batch.map((b) => b.week))) {
        const events = batch.filter((b) => b.week === week).map((b) => b.event);
        try {
          await this.records.update<WeekInsights, void>(
            INSIGHTS_COLLECTION,
            `${week}.${this.shard}`,
            (current) => {
              const doc = current
                ? structuredClone(current)
                : { week, counts: {}, questions: {}, comments: [] };
              for (const e of events) addEvent(doc, e);
              return { value: doc, result: undefined };
            },
          );
        } catch (error) {
          for (const e of events)
            this.logger.warn('insight_not_recorded', { type: e.type, errorType: (error as Error).name });
        }
      }
      for (const b of batch) b.done();
    }
    this.writing = undefined;
  }

  /** Free text as the insights keep it: for anything else that keeps a question (the hand-off card). */
  maskFreeText(text: string): string {
    return this.mask(text);
  }

  /** The event with its free text masked before anything is kept. */
  private masked(event: InsightEvent): InsightEvent {
    if (event.type === 'unanswered') return { ...event, text: this.mask(event.text) };
    if (event.type === 'feedback' && event.comment !== undefined)
      return { ...event, comment: this.mask(event.comment) };
    return event;
  }

  /** Each week with every shard added up (and a document from before sharding, if any). */
  async weeks(labels: string[]): Promise<WeekInsights[]> {
    await this.flush();
    const ids = await this.records.list(INSIGHTS_COLLECTION);
    return Promise.all(
      labels.map(async (week) => {
        const mine = ids.filter((id) => id === week || id.startsWith(`${week}.`));
        const docs = await Promise.all(
          mine.map((id) => this.records.get<WeekInsights>(INSIGHTS_COLLECTION, id)),
        );
        return mergeWeeks(
          week,
          docs.filter((d): d is WeekInsights => d !== undefined),
        );
      }),
    );
  }
}
