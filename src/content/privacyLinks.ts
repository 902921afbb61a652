// Fills the placeholders that privacy wording may use: {notice} (a link to the full privacy notice
// the service serves at /privacy) and {retentionDays} (the RETENTION_DAYS setting).
import type { Config } from '../config.js';

export function privacyNoticeLink(config: Config): string {
  return `[our full privacy notice](${config.PUBLIC_URL ?? ''}/privacy)`;
}

export function fillPrivacyText(text: string, config: Config): string {
  return text
    .replaceAll('{notice}', privacyNoticeLink(config))
    .replaceAll('{retentionDays}', String(config.RETENTION_DAYS));
}
