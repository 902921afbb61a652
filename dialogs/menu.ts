// The journey buttons, offered at the welcome, after help and when a journey ends.
import { MessageFactory, type Activity } from 'botbuilder';
import type { ConversationText } from '../src/content/conversation.js';

export function menuMessage(
  conversation: ConversationText,
  text = conversation.menuPrompt,
): Partial<Activity> {
  return MessageFactory.suggestedActions(
    conversation.journeys.map((j) => j.label),
    text,
  );
}

export function paragraphs(lines: readonly string[]): string {
  return lines.join('\n\n');
}
