// Fills the placeholders that privacy wording may use: {notice} (a link to the full privacy notice
// the service serves at /privacy) and {retentionDays} (the RETENTION_DAYS setting).
import type { Config } from '../config.js';
import { fillTemplate, template, type Template } from './templates.js';

export const PRIVACY_PLACEHOLDERS = ['notice', 'retentionDays'] as const;
export type PrivacyPlaceholder = (typeof PRIVACY_PLACEHOLDERS)[number];

/** Privacy wording: it may link to the notice and say how long details are kept. */
export const privacyTemplate = (max: number) =>
  template(PRIVACY_PLACEHOLDERS, { optional: PRIVACY_PLACEHOLDERS, max });

export function privacyNoticeLink(config: Config): string {
  return `[our full privacy notice](${config.PUBLIC_URL ?? ''}/privacy)`;
}

export function fillPrivacyText(text: Template<PrivacyPlaceholder>, config: Config): string {
  return fillTemplate(text, { notice: privacyNoticeLink(config), retentionDays: config.RETENTION_DAYS });
}
