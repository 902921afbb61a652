// Turns a bot's activity into lines for the terminal, and numbers its buttons so the user can pick one.
import type { CardAction, ChatActivity } from './directLineClient.js';

export interface Choice {
  title: string;
  /** What picking it sends. */
  activity: Omit<ChatActivity, 'from'>;
}

export interface Rendered {
  lines: string[];
  choices: Choice[];
}

export function renderActivity(activity: ChatActivity): Rendered {
  const lines: string[] = [];
  const choices: Choice[] = [];
  if (activity.type !== 'message') return { lines, choices };
  if (activity.text) lines.push(activity.text);
  for (const attachment of activity.attachments ?? []) {
    renderAttachment(attachment.contentType, attachment.content, lines, choices);
  }
  for (const action of activity.suggestedActions?.actions ?? []) addAction(action, choices, lines);
  return { lines, choices };
}

function renderAttachment(contentType: string, content: unknown, lines: string[], choices: Choice[]): void {
  const card = (content ?? {}) as Record<string, unknown>;
  if (contentType === 'application/vnd.microsoft.card.adaptive') {
    walkAdaptive(card, lines, choices);
    return;
  }
  if (contentType.startsWith('application/vnd.microsoft.card.')) {
    for (const key of ['title', 'subtitle', 'text']) {
      if (typeof card[key] === 'string' && card[key]) lines.push(card[key] as string);
    }
    for (const button of (card.buttons as CardAction[] | undefined) ?? []) addAction(button, choices, lines);
    return;
  }
  lines.push(`[${contentType}]`);
}

function walkAdaptive(node: Record<string, unknown>, lines: string[], choices: Choice[]): void {
  if (node.type === 'TextBlock' && typeof node.text === 'string') lines.push(node.text);
  if (node.type === 'Action.Submit' && typeof node.title === 'string') {
    choices.push({ title: node.title, activity: { type: 'message', value: node.data ?? {} } });
  }
  if (node.type === 'Action.OpenUrl' && typeof node.title === 'string')
    lines.push(`${node.title}: ${String(node.url)}`);
  for (const key of ['body', 'items', 'columns', 'actions']) {
    const children = node[key];
    if (Array.isArray(children)) {
      for (const child of children) {
        if (child && typeof child === 'object')
          walkAdaptive(child as Record<string, unknown>, lines, choices);
      }
    }
  }
}

function addAction(action: CardAction, choices: Choice[], lines: string[]): void {
  const title = action.title ?? String(action.value ?? '');
  switch (action.type) {
    case 'imBack':
      choices.push({ title, activity: { type: 'message', text: String(action.value ?? title) } });
      break;
    case 'postBack':
      choices.push({
        title,
        activity:
          typeof action.value === 'string'
            ? { type: 'message', text: action.value }
            : { type: 'message', value: action.value },
      });
      break;
    case 'messageBack':
      choices.push({ title, activity: { type: 'message', text: action.text, value: action.value } });
      break;
    case 'openUrl':
      lines.push(`${title}: ${String(action.value)}`);
      break;
    default:
      choices.push({ title, activity: { type: 'message', text: title } });
  }
}
