// Checks an Adaptive Card the way a client would parse it, without a DOM: the adaptivecards
// package's parser at version 1.5 (what Teams renders), plus the rules every card here follows.
import { createRequire } from 'node:module';
import type { Activity, Attachment } from 'botbuilder';

type AdaptiveCardsModule = typeof import('adaptivecards');
// The package's ESM build has extensionless imports Node cannot load; its UMD bundle works.
const AC = createRequire(import.meta.url)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsModule;

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';
const SAFE_URL = /^(https:\/\/|tel:\+?[0-9]+$|sms:\+?[0-9]+(\?body=.*)?$|mailto:)/;

/** Problems with a card: an empty list means it is valid Adaptive Card 1.5 with a text fallback. */
export function adaptiveCardProblems(card: unknown): string[] {
  const problems: string[] = [];
  if (!card || typeof card !== 'object') return ['the card is not an object'];
  const json = card as Record<string, unknown>;
  if (json.type !== 'AdaptiveCard') problems.push('type must be "AdaptiveCard"');
  const version = AC.Version.parse(String(json.version ?? ''), new AC.SerializationContext());
  if (!version || !version.isValid) problems.push(`version "${String(json.version)}" is not a version`);
  else if (version.major !== 1 || version.minor > 5)
    problems.push(`version ${version.toString()} is above 1.5, which Teams cannot render`);
  if (typeof json.fallbackText !== 'string' || !json.fallbackText.trim())
    problems.push('fallbackText (the plain-text version) is missing');

  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const parsed = new AC.AdaptiveCard();
  parsed.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of parsed.validateProperties().validationEvents)
    problems.push(`validate: ${event.message}`);

  // Every link a resident can tap must be https, tel or sms.
  const visit = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const n = node as Record<string, unknown>;
      if (n.type === 'Action.OpenUrl' && !SAFE_URL.test(String(n.url)))
        problems.push(`link "${String(n.url)}" is not https, tel or sms`);
      Object.values(n).forEach(visit);
    }
  };
  visit(json);
  return problems;
}

export function adaptiveCardsIn(activities: Partial<Activity>[]): Attachment[] {
  return activities.flatMap((a) =>
    (a.attachments ?? []).filter((x) => x.contentType === ADAPTIVE_CARD_CONTENT_TYPE),
  );
}
