// Everything the staff dashboard shows, from the weekly insight aggregates and the workshop
// sessions. It reads a fixed number of small documents, however many people used the bot.
import { handoffWeeks, type HandoffWeekRow } from '../insights/handoffInsights.js';
import type { Insights, WeekInsights } from '../insights/insights.js';
import { recentWeeks } from '../insights/isoWeek.js';
import { groupQuestions, type QuestionGroup } from './questionGroups.js';

export const DASHBOARD_WEEKS = 12;

export interface WorkshopStat {
  id: string;
  title: string;
  start: string;
  capacity: number;
  booked: number;
  waiting: number;
}

export interface DashboardData {
  generatedAt: string;
  weeks: { week: string; conversations: number; byChannel: Record<string, number> }[];
  journeys: { journey: string; started: number; completed: number }[];
  sources: { source: string; conversations: number; journeys: number }[];
  workshops: (WorkshopStat & { cancelled: number })[];
  interests: { ward: string; role: string; count: number }[];
  questions: QuestionGroup[];
  feedback: { journey: string; helpful: number; notHelpful: number }[];
  comments: { journey: string; helpful: boolean; text: string }[];
  /** Talking to a person, per week and channel (src/insights/handoffInsights.ts). */
  handoff: HandoffWeekRow[];
}

type Counter = [parts: string[], count: number];

function countersOf(weeks: WeekInsights[]): Counter[] {
  return weeks.flatMap((w) => Object.entries(w.counts).map(([name, n]): Counter => [name.split('|'), n]));
}

function tally<K extends string>(
  counters: Counter[],
  type: string,
  key: (parts: string[]) => K,
): Map<K, number> {
  const out = new Map<K, number>();
  for (const [parts, n] of counters) {
    if (parts[0] !== type) continue;
    const k = key(parts);
    out.set(k, (out.get(k) ?? 0) + n);
  }
  return out;
}

export async function buildDashboardData(
  insights: Insights,
  workshops: () => Promise<WorkshopStat[]>,
  now: Date,
): Promise<DashboardData> {
  const weekDocs = await insights.weeks(recentWeeks(now, DASHBOARD_WEEKS));
  const counters = countersOf(weekDocs);

  const weeks = weekDocs.map((w) => {
    const byChannel = Object.fromEntries(tally(countersOf([w]), 'conversation_started', (p) => p[1]));
    const conversations = Object.values(byChannel).reduce((a, b) => a + b, 0);
    return { week: w.week, conversations, byChannel };
  });

  const started = tally(counters, 'journey_started', (p) => p[1]);
  const completed = tally(counters, 'journey_completed', (p) => p[1]);
  const journeys = [...new Set([...started.keys(), ...completed.keys()])]
    .map((journey) => ({
      journey,
      started: started.get(journey) ?? 0,
      completed: completed.get(journey) ?? 0,
    }))
    .sort((a, b) => b.started - a.started);

  const sourceConversations = tally(counters, 'conversation_started', (p) => p[2]);
  const sourceJourneys = tally(counters, 'journey_started', (p) => p[3]);
  const sources = [...new Set([...sourceConversations.keys(), ...sourceJourneys.keys()])]
    .filter((s) => s !== '-')
    .map((source) => ({
      source,
      conversations: sourceConversations.get(source) ?? 0,
      journeys: sourceJourneys.get(source) ?? 0,
    }))
    .sort((a, b) => b.journeys - a.journeys);

  const cancelled = tally(counters, 'booking', (p) => (p[1] === 'cancelled' ? p[2] : ''));
  const interests = [...tally(counters, 'interest', (p) => `${p[1]}|${p[2]}`)]
    .map(([k, count]) => {
      const [ward, role] = k.split('|');
      return { ward, role, count };
    })
    .sort((a, b) => b.count - a.count);

  const helpful = tally(counters, 'feedback', (p) => (p[2] === 'helpful' ? p[1] : ''));
  const notHelpful = tally(counters, 'feedback', (p) => (p[2] === 'not_helpful' ? p[1] : ''));
  const feedback = [...new Set([...helpful.keys(), ...notHelpful.keys()])].filter(Boolean).map((journey) => ({
    journey,
    helpful: helpful.get(journey) ?? 0,
    notHelpful: notHelpful.get(journey) ?? 0,
  }));

  const questions = groupQuestions(weekDocs.flatMap((w) => Object.values(w.questions)));

  return {
    generatedAt: now.toISOString(),
    weeks,
    journeys,
    sources,
    workshops: (await workshops()).map((w) => ({ ...w, cancelled: cancelled.get(w.id) ?? 0 })),
    interests,
    questions: questions.slice(0, 50),
    feedback,
    comments: weekDocs
      .flatMap((w) => w.comments)
      .slice(-50)
      .reverse(),
    handoff: handoffWeeks(weekDocs),
  };
}
