// The staff links page (GET /staff/links): pick a journey, its options and a group's source code;
// get the link, the embed snippet for the group's site, and a QR code (PNG and SVG) for posters.
// Server-rendered without scripts (the staff pages allow none): choosing a journey reloads the
// form with that journey's options. Every value is checked by the same allowlist as the bot's.
import type { Request, Response } from 'restify';
import { parseStart, START_PARAMS, startLink, type ParsedStart } from '../channels/startLinks.js';
import type { Content } from '../content/content.js';
import { JOURNEY_ROUTES, type JourneyRoute } from '../content/conversation.js';
import { page } from './dashboardPage.js';
import { escapeHtml } from './html.js';

/** Journeys a link can open (the privacy notice has its own page). */
const LINKABLE = JOURNEY_ROUTES.filter((j) => j !== 'privacy');

export interface LinkRequest {
  parsed: ParsedStart;
  /** Query parameters as given, to refill the form. */
  given: Record<string, string>;
  errors: string[];
}

/** Reads the form's query through the bot's allowlist; any refused value becomes an error message. */
export function readLinkRequest(req: Request, content: Content): LinkRequest {
  const url = new URL(req.url ?? '/', 'http://local');
  const given: Record<string, string> = {};
  for (const [name, value] of url.searchParams) if (value.trim() !== '') given[name] = value.trim();
  const parsed = parseStart(given, content);
  const errors: string[] = [];
  if (given.journey && !parsed.journey) errors.push('Choose a journey from the list.');
  if (parsed.refused.includes('source')) {
    errors.push(
      'The source code can only have letters, numbers and hyphens (up to 32), like KINGSTON-MOSQUE.',
    );
  }
  for (const param of parsed.journey ? START_PARAMS[parsed.journey] : []) {
    if (parsed.refused.includes(param.param))
      errors.push(`Choose the ${param.label.toLowerCase()} from the list.`);
  }
  return { parsed, given, errors };
}

/** The link for a checked request (options back in link form: sessionId -> session). */
export function linkFor(baseUrl: string, request: LinkRequest): string | undefined {
  const { journey, start, source } = request.parsed;
  if (!journey || request.errors.length > 0) return undefined;
  const options: Record<string, string> = {};
  for (const param of START_PARAMS[journey]) {
    const value = start[param.startKey];
    if (value) options[param.param] = value;
  }
  return startLink(baseUrl, journey, options, source);
}

export function embedSnippet(baseUrl: string, link: string): string {
  const url = new URL(link);
  const attributes = [...url.searchParams]
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  return `<script src="${new URL('/embed.js', baseUrl).toString()}"${attributes} defer></script>`;
}

/** The QR code library is loaded on first use: only staff need it, and not at start-up. */
async function qrCodes() {
  return (await import('qrcode')).default;
}

export async function qrSvg(link: string): Promise<string> {
  return (await qrCodes()).toString(link, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
}

export async function qrPng(link: string): Promise<Buffer> {
  return (await qrCodes()).toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 4, width: 1024 });
}

function journeyLabel(content: Content, journey: JourneyRoute): string {
  return content.conversation.journeys.find((j) => j.route === journey)?.label ?? journey;
}

function select(
  name: string,
  label: string,
  choices: { id: string; label: string }[],
  chosen?: string,
): string {
  const options = choices
    .map(
      (c) =>
        `<option value="${escapeHtml(c.id)}"${c.id === chosen ? ' selected' : ''}>${escapeHtml(c.label)}</option>`,
    )
    .join('');
  return `<p><label for="f-${name}">${escapeHtml(label)}</label><br><select id="f-${name}" name="${name}"><option value="">(none)</option>${options}</select></p>`;
}

export function renderLinksPage(content: Content, baseUrl: string, request: LinkRequest): string {
  const { parsed, given, errors } = request;
  const journey = parsed.journey;
  const errorSummary = errors.length
    ? `<div role="alert" class="errors"><h2>There is a problem</h2><ul>${errors.map((e) => `<li>${escapeHtml(e)}</li>`).join('')}</ul></div>`
    : '';
  const journeyChoices = LINKABLE.map((j) => ({ id: j, label: journeyLabel(content, j) }));
  const optionFields = journey
    ? START_PARAMS[journey]
        .map((p) => ({ p, choices: p.choices(content) }))
        .filter(({ choices }) => choices.length > 0)
        .map(({ p, choices }) => select(p.param, `${p.label} (optional)`, choices, given[p.param]))
        .join('')
    : '';
  const form = `
<form method="get" action="/staff/links">
${select('journey', 'Journey to open', journeyChoices, journey)}
${journey ? optionFields : '<p><button type="submit">Next: choose options</button></p>'}
<p><label for="f-source">Source code of the group or poster (optional)</label><br>
<span class="note" id="f-source-hint">Letters, numbers and hyphens, up to 32, like KINGSTON-MOSQUE. It shows in the insights as where people came from. Never use a person's name.</span><br>
<input id="f-source" name="source" maxlength="32" aria-describedby="f-source-hint" value="${escapeHtml(given.source ?? '')}"></p>
${journey ? '<p><button type="submit">Make the link</button></p>' : ''}
</form>`;
  const link = linkFor(baseUrl, request);
  const result = link
    ? `
<h2>Your link</h2>
<p><label for="r-link">Link</label><br><input id="r-link" readonly size="80" value="${escapeHtml(link)}"></p>
<p><a href="${escapeHtml(link)}">Open the link to try it</a></p>
<h2>Embed on a group's website</h2>
<p>Paste this into the group's page, just before <code>&lt;/body&gt;</code>. It adds a chat button in the corner.</p>
<pre><code>${escapeHtml(embedSnippet(baseUrl, link))}</code></pre>
<h2>QR code for posters</h2>
<p><img src="/staff/links/qr.svg${escapeHtml(new URL(link).search)}" width="240" height="240" alt="QR code for ${escapeHtml(link)}"></p>
<ul>
<li><a href="/staff/links/qr.png${escapeHtml(new URL(link).search)}" download="safer-kingston-qr.png">Download the QR code as PNG (for print)</a></li>
<li><a href="/staff/links/qr.svg${escapeHtml(new URL(link).search)}" download="safer-kingston-qr.svg">Download the QR code as SVG (scales to any size)</a></li>
</ul>`
    : '';
  return page(
    'Links, widget and QR codes',
    `<p><a href="/staff">Back to the dashboard</a></p>
<p>Make a link that opens one journey of the helper, for a poster, a newsletter or a group's website.</p>
${errorSummary}${form}${result}`,
  );
}

/** Sends the QR code of the link the query describes, or 400 when a value is not allowed. */
export async function sendQr(
  req: Request,
  res: Response,
  content: Content,
  baseUrl: string,
  kind: 'png' | 'svg',
): Promise<void> {
  const link = linkFor(baseUrl, readLinkRequest(req, content));
  if (!link) {
    res.send(400, { error: 'Choose a journey and options from the links page first.' });
    return;
  }
  const body = kind === 'png' ? await qrPng(link) : Buffer.from(await qrSvg(link));
  res.writeHead(200, {
    'content-type': kind === 'png' ? 'image/png' : 'image/svg+xml',
    'content-length': String(body.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
  });
  res.end(body);
}
