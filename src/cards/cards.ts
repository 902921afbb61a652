// Adaptive Cards for every channel: version 1.5 at most (the highest Microsoft Teams renders), a
// fallbackText inside the card, and a plain-text message for channels that cannot show cards.
import { CardFactory, type Activity, ActivityTypes } from 'botbuilder';

export const ADAPTIVE_CARD_VERSION = '1.5';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: Record<string, unknown>[];
  actions?: Record<string, unknown>[];
  fallbackText: string;
}

export function adaptiveCard(
  body: Record<string, unknown>[],
  actions: Record<string, unknown>[] | undefined,
  fallbackText: string,
): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: ADAPTIVE_CARD_VERSION,
    body,
    ...(actions?.length ? { actions } : {}),
    fallbackText,
  };
}

/** Channels known to render Adaptive Cards; anything else gets the card's text fallback. */
const CARD_CHANNELS = new Set(['msteams', 'directline', 'webchat', 'emulator', 'test']);

export function supportsCards(channelId: string | undefined): boolean {
  return CARD_CHANNELS.has(channelId ?? '');
}

/** A message showing the card where cards work, and its fallback text everywhere else. */
export function cardMessage(card: AdaptiveCard, channelId: string | undefined): Partial<Activity> {
  if (!supportsCards(channelId)) return { type: ActivityTypes.Message, text: card.fallbackText };
  return { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(card)] };
}
