// A reporting route as a card: what to do, the reminder that this chat takes no reports, and each
// service with tap-to-call and link buttons. The fallback text carries the same facts.
import type { ReportRoute } from '../content/reporting.js';
import type { Service } from '../content/services.js';
import { adaptiveCard, container, textBlock, type AdaptiveCard } from './cards.js';
import { serviceBlock, serviceText } from './serviceCard.js';

export function reportRouteCard(
  route: ReportRoute,
  services: readonly Service[],
  notice: string,
): AdaptiveCard {
  const body = [
    textBlock(route.title, { weight: 'Bolder', size: 'Large', heading: true }),
    textBlock(route.says),
    container([textBlock(notice, { weight: 'Bolder', color: 'Attention' })], { style: 'attention' }),
    ...services.map((s) => serviceBlock(s, true)),
  ];
  const fallback = [route.title, route.says, notice, ...services.map(serviceText)].join('\n\n');
  return adaptiveCard(body, undefined, fallback);
}
