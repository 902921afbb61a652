// The frame shared by the resident information pages (/privacy, /accessibility, /terms): the chat
// page's header with "Exit this page" kept in view (quick-exit.js, also Shift x3), its styles, and
// links between the pages. Without JavaScript the exit is a plain link to the same neutral site.
import type { Response } from 'restify';
import { escapeHtml } from '../staff/html.js';
import { contentSecurityPolicy } from './webRoutes.js';

/** Where the pages link to each other (the footer) and the chat links to them. */
export const INFO_PAGES = [
  { path: '/privacy', label: 'Privacy' },
  { path: '/accessibility', label: 'Accessibility statement' },
  { path: '/terms', label: 'Terms of use' },
] as const;

const NEUTRAL_SITE = 'https://www.bbc.co.uk/weather';

/** A whole page: `mainHtml` must already be escaped. */
export function renderInfoPage(title: string, mainHtml: string): string {
  const footerLinks = INFO_PAGES.map((p) => `<li><a href="${p.path}">${escapeHtml(p.label)}</a></li>`).join(
    '',
  );
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)} – Safer Kingston</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml"><link rel="stylesheet" href="/chat.css">
<script src="/quick-exit.js"></script></head>
<body><a class="skip-link" href="#main">Skip to main content</a>
<header class="site-header"><div class="container site-header__inner">
<p class="site-header__name">Safer Kingston Partnership<span class="site-header__borough">Royal Borough of Kingston upon Thames</span></p>
<div id="page-tools" class="page-tools"><noscript><a class="quick-exit__button quick-exit__link" href="${NEUTRAL_SITE}" rel="noreferrer">Exit this page</a></noscript></div>
</div></header>
<main id="main" class="container info-page"><h1>${escapeHtml(title)}</h1>
${mainHtml}
<p><a href="/">Back to the Safer Kingston helper</a></p></main>
<footer class="site-footer"><div class="container"><nav aria-label="About this service"><ul class="site-footer__links">${footerLinks}</ul></nav></div></footer>
</body></html>`;
}

/** Sends a rendered information page with the chat page's script and style policy. */
export function sendInfoPage(res: Response, html: string): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    // Never framed: another site could lay its own page over the notice's links and buttons.
    'content-security-policy': contentSecurityPolicy([], ["'none'"]),
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}
