// Cards for the volunteering journey: wards to choose from and the roles on offer. Facts that are
// flagged unconfirmed in knowledge/volunteering.yaml are never shown as fact.
import type { Activity } from 'botbuilder';
import { adaptiveCard, cardMessage } from '../cards/cards.js';
import { VolunteerRoles, type RoleFactField, type VolunteerRole } from '../content/volunteering.js';
import type { Ward } from '../content/wards.js';

const FIELD_NAMES: Record<RoleFactField, string> = {
  involves: 'what you would do',
  timeAsked: 'how much time it takes',
  whoItSuits: 'who it suits',
  minimumAge: 'age limits',
  where: 'where it happens',
};

/** The facts about a role that may be shown, as label/value pairs, and what to ask about instead. */
export function roleFacts(
  role: VolunteerRole,
  ward: Ward,
): { facts: [string, string][]; askAbout: string[] } {
  const facts: [string, string][] = [];
  const askAbout: string[] = [];
  const add = (field: RoleFactField, label: string, value: string | undefined) => {
    if (value === undefined) return;
    if (VolunteerRoles.isConfirmed(role, field)) facts.push([label, value]);
    else askAbout.push(FIELD_NAMES[field]);
  };
  add('involves', 'What you do', role.involves);
  add('timeAsked', 'Time', role.timeAsked);
  add('whoItSuits', 'Who it suits', role.whoItSuits);
  add('minimumAge', 'Age', role.minimumAge === undefined ? undefined : `${role.minimumAge} or over`);
  add('where', 'Where', role.scope === 'borough' ? role.where : `${role.where} (${ward.name})`);
  return { facts, askAbout };
}

export function wardChoiceMessage(label: string, wards: Ward[], channelId?: string): Partial<Activity> {
  const text = `${label} covers more than one ward. Which one do you mean?`;
  const actions = wards.map((w, i) => ({
    type: 'Action.Submit',
    title: `${i + 1}. ${w.name}`,
    data: { action: 'volunteer.ward', wardId: w.id },
  }));
  const fallback = [text, ...wards.map((w, i) => `${i + 1}. ${w.name}`), 'Type the number or the name.'].join(
    '\n\n',
  );
  return cardMessage(adaptiveCard([{ type: 'TextBlock', text, wrap: true }], actions, fallback), channelId);
}

export function rolesMessage(roles: VolunteerRole[], ward: Ward, channelId?: string): Partial<Activity> {
  const intro = `Here is how you can help in ${ward.name} and across Kingston. Which would you like to hear more about?`;
  const body: Record<string, unknown>[] = [{ type: 'TextBlock', text: intro, wrap: true }];
  const lines = [intro];
  roles.forEach((role, i) => {
    const { facts, askAbout } = roleFacts(role, ward);
    const ask = askAbout.length ? `Our coordinator can tell you ${askAbout.join(' and ')}.` : undefined;
    body.push({
      type: 'Container',
      separator: true,
      items: [
        { type: 'TextBlock', text: `${i + 1}. ${role.name}`, weight: 'Bolder', wrap: true },
        { type: 'TextBlock', text: role.summary, wrap: true, spacing: 'None' },
        { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) },
        ...(ask ? [{ type: 'TextBlock', text: ask, wrap: true, isSubtle: true }] : []),
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.Submit',
              title: `I'm interested in ${i + 1}`,
              data: { action: 'volunteer.role', roleId: role.id },
            },
          ],
        },
      ],
    });
    lines.push(
      [
        `${i + 1}. ${role.name}: ${role.summary}`,
        ...facts.map(([t, v]) => `${t}: ${v}`),
        ...(ask ? [ask] : []),
      ].join('\n'),
    );
  });
  lines.push('Type the number of the one you are interested in.');
  return cardMessage(adaptiveCard(body, undefined, lines.join('\n\n')), channelId);
}
