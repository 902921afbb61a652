// Questions about the plan that the bot could not answer, kept for the staff insights without
// personal data: the question with personal details removed, how often it was asked that day,
// and the topics offered instead. No user, conversation or time of day is stored.
import type { RecordStore } from '../store/store.js';
import { redactPersonalData } from './redact.js';

export const UNANSWERED_COLLECTION = 'insights-unanswered';
/** A day's document stops growing here; further new questions only add to the count. */
export const MAX_QUESTIONS_PER_DAY = 500;

export interface UnansweredQuestion {
  question: string;
  count: number;
  closestTopics: string[];
}

export interface UnansweredDay {
  date: string;
  questions: UnansweredQuestion[];
  /** Questions not listed because the day's list was full. */
  overflow: number;
}

/** Records one unanswered question under the day it was asked (documents are named by date). */
export async function recordUnanswered(
  records: RecordStore,
  question: string,
  closestTopics: readonly string[],
  now: Date,
): Promise<void> {
  const text = redactPersonalData(question);
  if (!text) return;
  const date = now.toISOString().slice(0, 10);
  const key = text.toLowerCase();
  await records.update<UnansweredDay, void>(UNANSWERED_COLLECTION, date, (current) => {
    const day = current ?? { date, questions: [], overflow: 0 };
    const known = day.questions.find((q) => q.question.toLowerCase() === key);
    if (known) {
      const questions = day.questions.map((q) => (q === known ? { ...q, count: q.count + 1 } : q));
      return { value: { ...day, questions }, result: undefined };
    }
    if (day.questions.length >= MAX_QUESTIONS_PER_DAY) {
      return { value: { ...day, overflow: day.overflow + 1 }, result: undefined };
    }
    const entry = { question: text, count: 1, closestTopics: [...closestTopics] };
    return { value: { ...day, questions: [...day.questions, entry] }, result: undefined };
  });
}
