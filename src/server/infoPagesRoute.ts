// GET /accessibility and GET /terms: the accessibility statement and the terms of use, rendered from
// knowledge/accessibilityStatement.yaml and knowledge/terms.yaml in the information page frame.
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/services.js';
import { describeLondonDate } from '../content/londonTime.js';
import type { InfoPageText, InfoSection } from '../content/infoPages.js';
import { fillTemplate, type Template } from '../content/templates.js';
import { escapeHtml } from '../staff/html.js';
import { renderInfoPage, sendInfoPage } from './infoPage.js';
import { anchorFor } from './privacyRoute.js';

/** A link leaving this service opens in a new tab, so the chat in this tab is kept. */
function linkHtml(link: { text: string; href: string }): string {
  const external = !link.href.startsWith('/');
  const target = external ? ' target="_blank" rel="noopener noreferrer"' : '';
  return `<a href="${escapeHtml(link.href)}"${target}>${escapeHtml(link.text)}</a>`;
}

type Dates = { prepared: string; reviewed: string };

export function renderSections(sections: readonly InfoSection[], dates: Dates): string {
  const list = (items: readonly Template<keyof Dates>[] | undefined, tag: 'p' | 'li') =>
    (items ?? []).map((t) => `<${tag}>${escapeHtml(fillTemplate(t, dates))}</${tag}>`).join('');
  return sections
    .map((s) => {
      const bullets = s.bullets ? `<ul>${list(s.bullets, 'li')}</ul>` : '';
      const links = (s.links ?? []).map((l) => `<p>${linkHtml(l)}</p>`).join('');
      return `<h2 id="${escapeHtml(anchorFor(s.heading))}">${escapeHtml(s.heading)}</h2>${list(s.paragraphs, 'p')}${bullets}${list(s.after, 'p')}${links}`;
    })
    .join('\n');
}

export function renderInfoText(text: InfoPageText): string {
  const inWords = (date: string) => describeLondonDate(new Date(`${date}T12:00:00Z`));
  const dates = { prepared: inWords(text.prepared ?? text.reviewed), reviewed: inWords(text.reviewed) };
  return renderInfoPage(
    text.title,
    `${renderSections(text.sections, dates)}\n<p><small>Last checked ${escapeHtml(dates.reviewed)}.</small></p>`,
  );
}

export function registerInfoPagesRoute(server: Server, getServices: () => BotServices | undefined): void {
  const serve = (pick: (services: BotServices) => InfoPageText) => async (_req: Request, res: Response) => {
    const services = getServices();
    if (!services) {
      res.send(503, { error: 'The service is still starting. Try again in a moment.' });
      return;
    }
    sendInfoPage(res, renderInfoText(pick(services)));
  };
  server.get(
    '/accessibility',
    serve((s) => s.content.accessibilityStatement),
  );
  server.get(
    '/terms',
    serve((s) => s.content.terms),
  );
}
