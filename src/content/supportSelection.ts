// Picks the services to show for a support topic and who it is for: confirmed entries only, the
// ones made for that group first, then those for everyone; and the services open all day and night.
import type { Audience, Service, ServiceDirectory, Topic } from './services.js';
import type { SupportGuide } from './support.js';

export const MAX_SERVICES = 4;

/** Audiences that count as a match for the group the person chose. */
const MATCHING: Record<Audience, readonly Audience[]> = {
  everyone: ['everyone'],
  women: ['women'],
  men: ['men'],
  lgbt: ['lgbt'],
  'young-people': ['young-people', 'children'],
  children: ['children', 'young-people'],
  'older-people': ['older-people'],
  'deaf-or-speech-impaired': ['deaf-or-speech-impaired'],
  professionals: ['professionals'],
};

function rank(service: Service, audience: Audience): number {
  if (audience !== 'everyone' && service.audiences.some((a) => MATCHING[audience].includes(a))) return 0;
  if (service.audiences.includes('everyone')) return 1;
  // Services for one particular group: shown only when no group was chosen.
  return audience === 'everyone' ? 2 : Number.POSITIVE_INFINITY;
}

/**
 * The services for a topic (then for its related topics, in that order) that fit the group.
 */
export function selectServices(
  services: ServiceDirectory,
  topic: Topic,
  audience: Audience,
  related: readonly Topic[] = [],
): Service[] {
  const confirmed = services.confirmed();
  // Emergency routes are offered with the always-open services, not as topic services.
  const about = (t: Topic) =>
    confirmed.filter((s) => s.topics.includes(t) && !s.topics.includes('emergency'));
  const forTopic = [...new Set([topic, ...related].flatMap(about))];
  // Young people also get the services made for young people, whatever the topic.
  const extra =
    audience === 'young-people' || audience === 'children'
      ? confirmed.filter((s) => s.topics.includes('young-people') && !forTopic.includes(s))
      : [];
  return [...forTopic, ...extra]
    .map((service, order) => ({ service, order, rank: rank(service, audience) }))
    .filter((x) => Number.isFinite(x.rank))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .slice(0, MAX_SERVICES)
    .map((x) => x.service);
}

/** The always-open services to offer alongside, leaving out any already shown. */
export function alwaysOpenServices(
  services: ServiceDirectory,
  guide: SupportGuide,
  audience: Audience,
  shown: readonly Service[],
): Service[] {
  const listed = guide.alwaysOpen.map((id) => services.get(id));
  const forGroup =
    audience === 'everyone'
      ? []
      : services
          .confirmed()
          .filter((s) => s.alwaysOpen && s.audiences.some((a) => MATCHING[audience].includes(a)));
  const seen = new Set(shown.map((s) => s.id));
  return [...listed, ...forGroup].filter((s) => {
    if (seen.has(s.id) || s.unconfirmed) return false;
    seen.add(s.id);
    return true;
  });
}
