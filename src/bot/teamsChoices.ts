// In Teams a card button (Action.Submit) sends its value and shows nothing in the chat, so scrolling
// back or a screen reader cannot tell what was picked. Teams shows a "messageBack" action's
// displayText as the person's own message (and does not send it to the bot), so every button on a
// card the bot sends in Teams carries its own words as displayText and the same value as before.
// Cards with inputs (forms) are left as they are: a form's submit is not a choice, and its inputs
// must reach the bot as they always have.
import type { Activity, Middleware, TurnContext } from 'botbuilder';

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const TEAMS = 'msteams';

type Node = Record<string, unknown>;

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function holdsInputs(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(holdsInputs);
  if (!isNode(node)) return false;
  if (typeof node.type === 'string' && node.type.startsWith('Input.')) return true;
  return Object.values(node).some(holdsInputs);
}

/** The card with each object-valued Action.Submit sent as a messageBack showing its title. */
export function showChoicesInTeams(card: unknown): unknown {
  if (holdsInputs(card)) return card;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!isNode(node)) return node;
    const out: Node = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v)]));
    const { data, title } = node;
    if (node.type === 'Action.Submit' && isNode(data) && !('msteams' in data) && typeof title === 'string') {
      // Teams sends either the data or msteams.value as the activity's value: both are the same.
      out.data = { ...data, msteams: { type: 'messageBack', displayText: title, value: data } };
    }
    return out;
  };
  return visit(card);
}

/**
 * What Teams sends back for such a button, as the dialogs expect it: the button's own data,
 * without the msteams part (whichever of the two forms Teams delivered).
 */
export function choiceValue(value: unknown): unknown {
  if (!isNode(value) || !isNode(value.msteams)) return value;
  const { msteams, ...rest } = value;
  return Object.keys(rest).length === 0 && isNode(msteams.value) ? msteams.value : rest;
}

export class TeamsChoicesMiddleware implements Middleware {
  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    if (context.activity.channelId !== TEAMS) return next();
    if (context.activity.value !== undefined) context.activity.value = choiceValue(context.activity.value);
    context.onSendActivities(async (_ctx, activities: Partial<Activity>[], sendNext) => {
      for (const activity of activities) {
        if (!activity.attachments?.length) continue;
        activity.attachments = activity.attachments.map((a) =>
          a.contentType === ADAPTIVE_CARD ? { ...a, content: showChoicesInTeams(a.content) } : a,
        );
      }
      return sendNext();
    });
    return next();
  }
}
