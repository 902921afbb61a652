// GET /privacy: the full privacy notice, rendered from knowledge/privacyNotice.yaml in the shared
// information page frame (with the quick exit: the chat links here as safety advice).
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/services.js';
import type { PrivacyNotice } from '../content/privacyNotice.js';
import { fillTemplate, type Template } from '../content/templates.js';
import { escapeHtml } from '../staff/html.js';
import { renderInfoPage, sendInfoPage } from './infoPage.js';

/** A heading's anchor, e.g. "Staying safe online" -> "staying-safe-online" (linked from the chat page). */
export function anchorFor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function renderPrivacyNotice(notice: PrivacyNotice, retentionDays: number): string {
  const fill = (text: Template<'retentionDays'>) => escapeHtml(fillTemplate(text, { retentionDays }));
  const list = (items: readonly Template<'retentionDays'>[] | undefined, tag: 'p' | 'li') =>
    (items ?? []).map((t) => `<${tag}>${fill(t)}</${tag}>`).join('');
  const sections = notice.sections
    .map(
      (s) =>
        `<h2 id="${escapeHtml(anchorFor(s.heading))}">${fill(s.heading)}</h2>${list(s.paragraphs, 'p')}${s.bullets ? `<ul>${list(s.bullets, 'li')}</ul>` : ''}${list(s.after, 'p')}`,
    )
    .join('\n');
  return renderInfoPage(
    fillTemplate(notice.title, { retentionDays }),
    `${sections}\n<p><small>Last checked ${escapeHtml(notice.reviewed)}.</small></p>`,
  );
}

export function registerPrivacyRoute(server: Server, getServices: () => BotServices | undefined): void {
  server.get('/privacy', async (_req: Request, res: Response) => {
    const services = getServices();
    if (!services) {
      res.send(503, { error: 'The service is still starting. Try again in a moment.' });
      return;
    }
    sendInfoPage(res, renderPrivacyNotice(services.content.privacyNotice, services.config.RETENTION_DAYS));
  });
}
