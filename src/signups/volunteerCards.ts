// Cards for the volunteering journey: wards to choose from and the roles on offer, in the words of
// knowledge/signupMessages.yaml (volunteer). Facts that are flagged unconfirmed in
// knowledge/volunteering.yaml are never shown as fact.
import type { Activity } from 'botbuilder';
import { adaptiveCard, cardMessage, labelledFacts, numberedHeading } from '../cards/cards.js';
import type { VolunteerMessages } from '../content/signupMessages.js';
import { fillTemplate } from '../content/templates.js';
import { VolunteerRoles, type RoleFactField, type VolunteerRole } from '../content/volunteering.js';
import type { Ward } from '../content/wards.js';
import { WARD_NOT_KNOWN } from './interestService.js';

/** The facts about a role that may be shown, as label/value pairs, and what to ask about instead. */
export function roleFacts(
  role: VolunteerRole,
  ward: Ward | undefined,
  words: VolunteerMessages,
): { facts: [string, string][]; askAbout: string[] } {
  const facts: [string, string][] = [];
  const askAbout: string[] = [];
  const add = (field: RoleFactField, value: string | undefined) => {
    if (value === undefined) return;
    if (VolunteerRoles.isConfirmed(role, field)) facts.push([words.factLabels[field], value]);
    else askAbout.push(words.topicNames[field]);
  };
  add('involves', role.involves);
  add('timeAsked', role.timeAsked);
  add('whoItSuits', role.whoItSuits);
  add(
    'minimumAge',
    role.minimumAge === undefined ? undefined : fillTemplate(words.minimumAge, { age: role.minimumAge }),
  );
  add('where', role.scope === 'borough' || !ward ? role.where : `${role.where} (${ward.name})`);
  return { facts, askAbout };
}

/**
 * Which of several wards a place name or postcode means; `area` is that name, when it has one.
 * The last button is "I don't know", so nobody is stuck here.
 */
export function wardChoiceMessage(
  area: { name?: string; postcode?: string },
  wards: Ward[],
  words: VolunteerMessages,
  channelId?: string,
): Partial<Activity> {
  const text = area.postcode
    ? fillTemplate(words.postcodeWards, { area: area.postcode })
    : area.name
      ? fillTemplate(words.severalWards, { area: area.name })
      : words.severalWardsUnnamed;
  const actions = [
    ...wards.map((w, i) => ({
      type: 'Action.Submit',
      title: `${i + 1}. ${w.name}`,
      data: { action: 'volunteer.ward', wardId: w.id },
    })),
    {
      type: 'Action.Submit',
      title: words.wardNotKnown.label,
      data: { action: 'volunteer.ward', wardId: WARD_NOT_KNOWN },
    },
  ];
  const fallback = [
    text,
    ...wards.map((w, i) => `${i + 1}. ${w.name}`),
    words.wardNotKnown.label,
    words.wardTypeHint,
  ].join('\n\n');
  return cardMessage(adaptiveCard([{ type: 'TextBlock', text, wrap: true }], actions, fallback), channelId);
}

/** The roles on offer; without a ward (the person does not know it), the borough-wide ones. */
export function rolesMessage(
  roles: VolunteerRole[],
  ward: Ward | undefined,
  words: VolunteerMessages,
  channelId?: string,
): Partial<Activity> {
  const intro = ward ? fillTemplate(words.rolesIntro, { ward: ward.name }) : words.rolesIntroBorough;
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: intro, wrap: true }];
  const lines = [intro];
  roles.forEach((role, i) => {
    const number = i + 1;
    const { facts, askAbout } = roleFacts(role, ward, words);
    const ask = askAbout.length
      ? fillTemplate(words.askCoordinator, { topics: askAbout.join(` ${words.topicsJoin} `) })
      : undefined;
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: numberedHeading(number, role.name), weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: role.summary, wrap: true, spacing: 'None' },
        ...labelledFacts(facts.map(([title, value]) => ({ title, value }))),
        ...(ask ? [{ type: 'TextBlock', text: ask, wrap: true, isSubtle: true }] : []),
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Submit',
              title: fillTemplate(words.roleButton, { number, role: role.name }),
              data: { action: 'volunteer.role', roleId: role.id },
            },
          ],
        },
      ],
    });
    lines.push(
      [
        `${number}. ${role.name}: ${role.summary}`,
        ...facts.map(([t, v]) => `${t}: ${v}`),
        ...(ask ? [ask] : []),
      ].join('\n'),
    );
  });
  lines.push(words.roleTypeHint);
  return cardMessage(adaptiveCard(body, undefined, lines.join('\n\n')), channelId);
}
