// Everything the staff dashboard shows, from the weekly insight aggregates and the workshop
// sessions, with every id turned into the name staff know it by (staffLabels.ts). It reads a fixed
// number of small documents per week, however many people used the bot.
import { handoffWeeks, type HandoffWeekRow } from '../insights/handoffInsights.js';
import type { Insights, WeekInsights } from '../insights/insights.js';
import type { DashboardRange } from './dashboardRange.js';
import { groupQuestions, type QuestionGroup } from './questionGroups.js';
import type { StaffLabels } from './staffLabels.js';

export interface WorkshopStat {
  id: string;
  title: string;
  start: string;
  capacity: number;
  /** Places taken by bookings that stand. */
  booked: number;
  /** Bookings (not places) on the waiting list. */
  waiting: number;
  /** Bookings cancelled (not places): a cancelled booking frees its places for others. */
  cancelled: number;
}

export interface FunnelStep {
  step: string;
  reached: number;
}

export interface JourneyFunnel {
  journey: string;
  started: number;
  /** The questions the journey reached, most reached first; each counted once per run of it. */
  steps: FunnelStep[];
  completed: number;
}

export interface DashboardData {
  generatedAt: string;
  range: DashboardRange;
  /** Conversations per week; `byChannel` is keyed by the channel's name. */
  weeks: { week: string; conversations: number; byChannel: Record<string, number> }[];
  journeys: { journey: string; started: number; completed: number }[];
  funnels: JourneyFunnel[];
  sources: { source: string; conversations: number; journeys: number }[];
  workshops: WorkshopStat[];
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

function funnels(counters: Counter[], labels: StaffLabels): JourneyFunnel[] {
  const started = tally(counters, 'journey_started', (p) => p[1]);
  const completed = tally(counters, 'journey_completed', (p) => p[1]);
  const steps = tally(counters, 'journey_step', (p) => `${p[1]}|${p[2]}`);
  const routes = new Set([...started.keys(), ...[...steps.keys()].map((k) => k.split('|')[0])]);
  return [...routes]
    .map((route) => ({
      journey: labels.journey(route),
      started: started.get(route) ?? 0,
      steps: [...steps]
        .filter(([k]) => k.split('|')[0] === route)
        .map(([k, reached]) => ({ step: labels.step(k.split('|')[1]), reached }))
        .sort((a, b) => b.reached - a.reached || a.step.localeCompare(b.step)),
      completed: completed.get(route) ?? 0,
    }))
    .sort((a, b) => b.started - a.started);
}

export async function buildDashboardData(
  insights: Insights,
  workshops: () => Promise<WorkshopStat[]>,
  labels: StaffLabels,
  range: DashboardRange,
  now: Date,
): Promise<DashboardData> {
  const weekDocs = await insights.weeks(range.weeks);
  const counters = countersOf(weekDocs);

  const weeks = weekDocs.map((w) => {
    const byChannel = Object.fromEntries(
      tally(countersOf([w]), 'conversation_started', (p) => labels.channel(p[1])),
    );
    const conversations = Object.values(byChannel).reduce((a, b) => a + b, 0);
    return { week: w.week, conversations, byChannel };
  });

  const started = tally(counters, 'journey_started', (p) => p[1]);
  const completed = tally(counters, 'journey_completed', (p) => p[1]);
  const journeys = [...new Set([...started.keys(), ...completed.keys()])]
    .map((route) => ({
      journey: labels.journey(route),
      started: started.get(route) ?? 0,
      completed: completed.get(route) ?? 0,
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

  const interests = [...tally(counters, 'interest', (p) => `${p[1]}|${p[2]}`)]
    .map(([k, count]) => {
      const [ward, role] = k.split('|');
      return { ward: labels.ward(ward), role: labels.role(role), count };
    })
    .sort((a, b) => b.count - a.count || a.ward.localeCompare(b.ward));

  const helpful = tally(counters, 'feedback', (p) => (p[2] === 'helpful' ? p[1] : ''));
  const notHelpful = tally(counters, 'feedback', (p) => (p[2] === 'not_helpful' ? p[1] : ''));
  const feedback = [...new Set([...helpful.keys(), ...notHelpful.keys()])].filter(Boolean).map((route) => ({
    journey: labels.journey(route),
    helpful: helpful.get(route) ?? 0,
    notHelpful: notHelpful.get(route) ?? 0,
  }));

  const questions = groupQuestions(weekDocs.flatMap((w) => Object.values(w.questions)));

  return {
    generatedAt: now.toISOString(),
    range,
    weeks,
    journeys,
    funnels: funnels(counters, labels),
    sources,
    workshops: await workshops(),
    interests,
    questions: questions.slice(0, 50),
    feedback,
    comments: weekDocs
      .flatMap((w) => w.comments)
      .slice(-50)
      .reverse()
      .map((c) => ({ ...c, journey: labels.journey(c.journey) })),
    handoff: handoffWeeks(weekDocs).map((h) => ({ ...h, channel: labels.channel(h.channel) })),
  };
}
