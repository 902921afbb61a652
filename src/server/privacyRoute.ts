// GET /privacy: the full privacy notice, rendered from knowledge/privacyNotice.yaml.
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/services.js';
import type { PrivacyNotice } from '../content/privacyNotice.js';
import { fillTemplate, type Template } from '../content/templates.js';
import { escapeHtml } from '../staff/html.js';

// Never framed: another site could lay its own page over the notice's links and buttons.
const CSP =
  "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

const STYLE = `
body{font-family:Arial,Helvetica,sans-serif;margin:0;color:#0b0c0c;background:#fff;line-height:1.5;font-size:1.1875rem}
header{background:#1d3a5f;color:#fff;padding:1rem 1.5rem}
main{padding:1rem 1.5rem;max-width:40rem}
h1{font-size:2rem;margin:0}h2{margin-top:2rem}
a{color:#1d70b8}a:focus{outline:3px solid #fd0;background:#fd0;color:#0b0c0c;text-decoration:none}
.skip{position:absolute;left:-999px}.skip:focus{left:1rem;top:1rem}
`;

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
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${fill(notice.title)} – Safer Kingston</title><style>${STYLE}</style></head>
<body><a class="skip" href="#main">Skip to main content</a>
<header><p>Safer Kingston Partnership</p></header>
<main id="main"><h1>${fill(notice.title)}</h1>
${sections}
<p><a href="/">Back to the Safer Kingston helper</a></p>
<p><small>Last checked ${escapeHtml(notice.reviewed)}.</small></p></main></body></html>`;
}

export function registerPrivacyRoute(server: Server, getServices: () => BotServices | undefined): void {
  server.get('/privacy', async (_req: Request, res: Response) => {
    const services = getServices();
    if (!services) {
      res.send(503, { error: 'The service is still starting. Try again in a moment.' });
      return;
    }
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
    });
    res.end(renderPrivacyNotice(services.content.privacyNotice, services.config.RETENTION_DAYS));
  });
}
