// Talking to a person, per week and channel, from the weekly insight counters: conversations,
// hand-off requests and what became of them, call-backs, and containment (conversations that
// ended without a person: every conversation but those a member of staff accepted).
import type { WeekInsights } from './insights.js';

export interface HandoffWeekRow {
  week: string;
  channel: string;
  conversations: number;
  requested: number;
  accepted: number;
  timedOut: number;
  cancelled: number;
  callbacksRequested: number;
  callbacksClosed: number;
  /** Conversations that ended without a person, as a share of all conversations (0..1). */
  containment: number | undefined;
}

const ACTIONS = {
  requested: 'requested',
  accepted: 'accepted',
  timed_out: 'timedOut',
  cancelled: 'cancelled',
  callback_requested: 'callbacksRequested',
  callback_closed: 'callbacksClosed',
} as const;

export function handoffWeeks(weeks: WeekInsights[]): HandoffWeekRow[] {
  const rows: HandoffWeekRow[] = [];
  for (const w of weeks) {
    const byChannel = new Map<string, HandoffWeekRow>();
    const row = (channel: string) => {
      let r = byChannel.get(channel);
      if (!r) {
        r = {
          week: w.week,
          channel,
          conversations: 0,
          requested: 0,
          accepted: 0,
          timedOut: 0,
          cancelled: 0,
          callbacksRequested: 0,
          callbacksClosed: 0,
          containment: undefined,
        };
        byChannel.set(channel, r);
      }
      return r;
    };
    for (const [name, n] of Object.entries(w.counts)) {
      const [type, a, b] = name.split('|');
      if (type === 'conversation_started') row(a).conversations += n;
      if (type === 'handoff' && a in ACTIONS) row(b)[ACTIONS[a as keyof typeof ACTIONS]] += n;
    }
    for (const r of byChannel.values()) {
      if (r.conversations > 0) r.containment = Math.max(0, r.conversations - r.accepted) / r.conversations;
      rows.push(r);
    }
  }
  return rows.sort((x, y) => y.week.localeCompare(x.week) || x.channel.localeCompare(y.channel));
}
