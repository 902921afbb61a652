// Whether staff are on the chat desk at an instant, by the London opening hours in handoff.yaml.
import { londonParts } from '../content/londonTime.js';
import { WEEKDAYS, type HandoffContent } from './handoffContent.js';

export function isDeskOpen(hours: HandoffContent['hours'], at: Date): boolean {
  const p = londonParts(at);
  // getUTCDay: 0 is Sunday; WEEKDAYS starts on Monday.
  const day = WEEKDAYS[(new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay() + 6) % 7];
  const today = hours[day];
  if (!today) return false;
  const now = `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  return now >= today.open && now < today.close;
}
