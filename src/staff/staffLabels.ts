// The names staff read for the ids the insights keep: wards and roles as in knowledge/wards.yaml and
// knowledge/volunteering.yaml, journeys as on the menu, channels and funnel steps as in
// knowledge/staffDashboard.yaml. An id with no name shows as itself, so nothing is hidden.
import type { Content } from '../content/content.js';
import { WARD_NOT_KNOWN } from '../signups/interestService.js';

export interface StaffLabels {
  ward(id: string): string;
  role(id: string): string;
  journey(route: string): string;
  channel(id: string): string;
  /** A funnel step of a journey ("workshop-seats", "report.hate-how"). */
  step(step: string): string;
}

export function staffLabels(content: Content): StaffLabels {
  const text = content.staffDashboard;
  const questionPrompt = (id: string) => {
    try {
      return content.reporting.question(id).prompt;
    } catch {
      return undefined;
    }
  };
  return {
    ward: (id) => (id === WARD_NOT_KNOWN ? text.wardNotKnown : (content.wards.get(id)?.name ?? id)),
    role: (id) => content.volunteering.get(id)?.name ?? id,
    journey: (route) => content.conversation.journeys.find((j) => j.route === route)?.label ?? route,
    channel: (id) => text.channels[id] ?? id,
    step: (step) => {
      if (text.steps[step]) return text.steps[step];
      const [journey, rest = ''] = step.split(/\.(.*)/s);
      if (journey === 'report') return questionPrompt(rest) ?? step;
      if (journey === 'bystander')
        return content.bystander.scenarios.find((s) => s.id === rest)?.title ?? step;
      return step;
    },
  };
}
