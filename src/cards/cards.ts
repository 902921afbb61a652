// Adaptive Cards for every channel: version 1.5 at most (the highest Microsoft Teams renders), a
// fallbackText inside the card, and a plain-text message for channels that cannot show cards.
import { CardFactory, type Activity, ActivityTypes, AttachmentLayoutTypes } from 'botbuilder';

export const ADAPTIVE_CARD_VERSION = '1.5';

export type CardElement = Record<string, unknown>;

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: string;
  version: typeof ADAPTIVE_CARD_VERSION;
  body: CardElement[];
  actions?: CardElement[];
  fallbackText: string;
}

export function adaptiveCard(
  body: CardElement[],
  actions: CardElement[] | undefined,
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

/**
 * One message with several cards, one under another, introduced by `text`. Channels without cards
 * get the text and each card's fallback text, in order.
 */
export function cardsMessage(
  cards: readonly AdaptiveCard[],
  channelId: string | undefined,
  text?: string,
): Partial<Activity> {
  if (!supportsCards(channelId))
    return {
      type: ActivityTypes.Message,
      text: [text, ...cards.map((c) => c.fallbackText)].filter(Boolean).join('\n\n'),
    };
  return {
    type: ActivityTypes.Message,
    ...(text ? { text } : {}),
    attachmentLayout: AttachmentLayoutTypes.List,
    attachments: cards.map((c) => CardFactory.adaptiveCard(c)),
  };
}

// --- Building blocks (all valid in Adaptive Cards 1.5) -----------------------------------------

export function textBlock(
  text: string,
  style: {
    weight?: 'Bolder';
    size?: 'Small' | 'Medium' | 'Large';
    color?: 'Attention' | 'Good' | 'Accent';
    isSubtle?: boolean;
    heading?: boolean;
  } = {},
): CardElement {
  const { heading, ...rest } = style;
  return { type: 'TextBlock', text, wrap: true, ...rest, ...(heading ? { style: 'heading' } : {}) };
}

export function container(
  items: CardElement[],
  options: { separator?: boolean; style?: 'emphasis' | 'attention' } = {},
): CardElement {
  return { type: 'Container', items, ...options, ...(options.separator ? { spacing: 'Medium' } : {}) };
}

export function factSet(facts: { title: string; value: string }[]): CardElement {
  return { type: 'FactSet', facts };
}

/**
 * Facts as label-over-value pairs. A FactSet puts labels in a narrow column that breaks words in
 * the middle ("Ses/sion") on a 320 px phone; text blocks wrap only at word boundaries.
 */
export function labelledFacts(facts: { title: string; value: string }[]): CardElement[] {
  return facts.flatMap(({ title, value }) => [
    { type: 'TextBlock', text: title, weight: 'Bolder', wrap: true, spacing: 'Small' },
    { type: 'TextBlock', text: value, wrap: true, spacing: 'None' },
  ]);
}

/**
 * A numbered heading ("6. Police Ward Panel member"). Markdown reads "6. " as a list and some
 * renderers then number it "1.": a no-break space after the dot keeps it plain text.
 */
export function numberedHeading(number: number, text: string): string {
  return `${number}.\u00A0${text}`;
}

export function openUrl(title: string, url: string): CardElement {
  return { type: 'Action.OpenUrl', title, url };
}

export function actionSet(actions: CardElement[]): CardElement {
  return { type: 'ActionSet', actions };
}

/** A tel: link: digits only, so every dialler understands it. */
export function telUrl(phone: string): string {
  return `tel:${phone.replace(/[^0-9+]/g, '')}`;
}

/** An sms: link with the message to send filled in where the phone supports it. */
export function smsUrl(number: string, message?: string): string {
  const to = number.replace(/[^0-9+]/g, '');
  return message ? `sms:${to}?body=${encodeURIComponent(message)}` : `sms:${to}`;
}
