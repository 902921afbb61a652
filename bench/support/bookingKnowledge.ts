// A copy of knowledge/ whose workshop sessions are replaced, for booking tests and benchmarks that
// need sessions of a known size (the real file holds sample sessions that editors will replace).
import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { stringifyYaml as stringify } from '../../src/content/yamlText.js';
import { knowledgeDir } from '../../src/paths.js';

export interface SessionSpec {
  id: string;
  capacity: number;
  maxSeatsPerBooking: number;
  /** Places on the waiting list (the content's waitingList); left out, as many as capacity. */
  waitingList?: number;
}

export async function knowledgeWithSessions(sessions: SessionSpec[]): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'skknowledge-'));
  await cp(knowledgeDir, dir, { recursive: true });
  const entries = sessions.map((s) => ({
    id: s.id,
    title: `Load test session ${s.id}`,
    audience: 'community',
    format: 'online',
    venue: { name: 'Online (Microsoft Teams)' },
    start: '2099-01-14T10:00',
    end: '2099-01-14T12:00',
    capacity: s.capacity,
    maxSeatsPerBooking: s.maxSeatsPerBooking,
    ...(s.waitingList === undefined ? {} : { waitingList: s.waitingList }),
    covers: ['What a hate crime is'],
    source: 'load test',
    reviewed: '2026-11-21',
  }));
  await writeFile(path.join(dir, 'workshops.yaml'), stringify(entries));
  return dir;
}

let counter = 0;

/** One complete booking as a channel sends it: a one-step form card submission, in its own conversation. */
export function bookingActivity(sessionId: string, tag: string): Record<string, unknown> {
  const n = `${tag}-${process.pid}-${counter++}`;
  return {
    type: 'message',
    text: '',
    channelId: 'bench',
    serviceUrl: 'http://127.0.0.1:9/unused',
    deliveryMode: 'expectReplies',
    conversation: { id: `booking-${n}` },
    from: { id: `user-${n}` },
    recipient: { id: 'bot' },
    value: {
      journey: 'workshop',
      action: 'workshop.book',
      sessionId,
      seats: 1,
      consent: true,
      name: 'Load Test',
      email: `load-${n}@example.org`,
      submissionKey: `submission-${n}`,
    },
  };
}
