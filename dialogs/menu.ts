// The journey buttons, offered at the welcome, after help and when a journey ends.
// In Microsoft Teams the professional journeys lead (conversation.yaml, `teams`).
import { MessageFactory, type Activity } from 'botbuilder';
import type { ConversationText } from '../src/content/conversation.js';

export const TEAMS_CHANNEL = 'msteams';

/** The journeys in the order this channel shows them. */
export function journeysFor(
  conversation: ConversationText,
  channelId?: string,
): ConversationText['journeys'] {
  const order = channelId === TEAMS_CHANNEL ? conversation.teams?.journeyOrder : undefined;
  if (!order) return conversation.journeys;
  const rank = (route: string) => {
    const i = (order as readonly string[]).indexOf(route);
    return i === -1 ? order.length : i;
  };
  return [...conversation.journeys].sort((a, b) => rank(a.route) - rank(b.route));
}

/** The welcome paragraphs for this channel. */
export function welcomeFor(conversation: ConversationText, channelId?: string): readonly string[] {
  return (channelId === TEAMS_CHANNEL && conversation.teams?.welcome) || conversation.welcome;
}

export function menuMessage(
  conversation: ConversationText,
  text = conversation.menuPrompt,
  channelId?: string,
): Partial<Activity> {
  return MessageFactory.suggestedActions(
    journeysFor(conversation, channelId).map((j) => j.label),
    text,
  );
}

export function paragraphs(lines: readonly string[]): string {
  return lines.join('\n\n');
}
