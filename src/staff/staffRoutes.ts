// The staff area: sign-in, the insights dashboard and CSV exports. Registered only when STAFF_TOKEN
// is set; without it these addresses do not exist (404), rather than being open.
import type { Request, Response, Server } from 'restify';
import type { BotServices } from '../bot/services.js';
import type { Logger } from '../logger.js';
import { noRateLimits, type RateLimits } from '../server/rateLimits.js';
import { AuditLog } from './auditLog.js';
import { buildDashboardData, type DashboardData, type WorkshopStat } from './dashboardData.js';
import { figuresCsv, rangeLabel } from './dashboardFigures.js';
import { describeDay, page, renderDashboard, STAFF_PAGE_CSP } from './dashboardPage.js';
import { readRange, type RangeRequest } from './dashboardRange.js';
import { staffLabels } from './staffLabels.js';
import { escapeHtml } from './html.js';
import { readLinkRequest, renderLinksPage, sendQr } from './linksPage.js';
import { SESSION_COOKIE, StaffAuth } from './staffAuth.js';

/** What the staff area reads from the journeys' records. */
export interface StaffDataSources {
  workshops(): Promise<WorkshopStat[]>;
  /** The attendee list of one session as CSV, or undefined when there is no such session. */
  attendeesCsv(sessionId: string): Promise<string | undefined>;
  interestsCsv(): Promise<string>;
  /** Call-back requests from the hand-off (src/handoff/callbacks.ts). */
  callbacksCsv(): Promise<string>;
}

const NAME = /^[\p{L} .'-]{2,60}$/u;

function sendHtml(res: Response, status: number, html: string): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': STAFF_PAGE_CSP,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
  });
  res.end(html);
}

function sendCsv(res: Response, filename: string, csv: string): void {
  res.writeHead(200, {
    'content-type': 'text/csv; charset=utf-8',
    'content-disposition': `attachment; filename="${filename}"`,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(csv);
}

function signInPage(message?: string): string {
  return page(
    'Sign in',
    `${message ? `<div role="alert"><p><strong>${escapeHtml(message)}</strong></p></div>` : ''}
<form method="post" action="/staff/login">
<p><label for="who">Your name</label><br><input id="who" name="who" autocomplete="name" required maxlength="60"></p>
<p><label for="token">Staff access token</label><br><input id="token" name="token" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Sign in</button></p>
</form>
<p class="note">Your name is written in the audit log each time you open personal data, such as an attendee list.</p>`,
  );
}

async function readForm(req: Request): Promise<URLSearchParams> {
  // readJsonBody would reject form data; read it as text with the same size limit.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 4096) break;
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

const SIGN_OUT_FORM =
  '<form method="post" action="/staff/logout"><p><button type="submit">Sign out</button></p></form>';

/** The page with a sign-out button at the end of its main content. */
function withSignOut(html: string): string {
  return html.replace('</main>', `${SIGN_OUT_FORM}</main>`);
}

/** The service's public address for links: PUBLIC_URL, or the address this request came to. */
function publicBase(services: BotServices, req: Request): string {
  return (
    services.config.PUBLIC_URL ?? `${req.isSecure() ? 'https' : 'http'}://${req.headers.host ?? 'localhost'}`
  );
}

export function registerStaffRoutes(
  server: Server,
  token: string,
  getServices: () => BotServices | undefined,
  getSources: () => StaffDataSources | undefined,
  secureCookies: boolean,
  logger: Logger,
  limits: RateLimits = noRateLimits,
): void {
  const auth = new StaffAuth(
    token,
    () => getServices()?.now() ?? new Date(),
    () => getServices()?.store.records,
  );

  /** Runs a staff handler when the caller is authorised and the service is ready. */
  const guarded =
    (
      handler: (
        who: string,
        services: BotServices,
        sources: StaffDataSources,
        req: Request,
        res: Response,
      ) => Promise<void>,
    ) =>
    async (req: Request, res: Response) => {
      const who = await auth.authorise(req);
      if (!who) {
        // Only the path: never the header or cookie that was offered.
        logger.warn('staff_access_refused', { path: req.path() });
        sendHtml(res, 401, signInPage('Please sign in to see the staff area.'));
        return;
      }
      const services = getServices();
      const sources = getSources();
      if (!services || !sources) {
        res.send(503, { error: 'The service is still starting. Try again in a moment.' });
        return;
      }
      await handler(who, services, sources, req, res);
    };

  server.get('/staff/login', async (_req: Request, res: Response) => sendHtml(res, 200, signInPage()));

  server.post('/staff/login', async (req: Request, res: Response) => {
    const wait = await limits.take('staffLogin', req);
    if (wait !== undefined) {
      res.setHeader('retry-after', String(wait));
      sendHtml(res, 429, signInPage(`Too many sign-in attempts. Wait ${wait} seconds, then try again.`));
      return;
    }
    const form = await readForm(req);
    const who = (form.get('who') ?? '').trim();
    if (!NAME.test(who)) {
      sendHtml(
        res,
        400,
        signInPage(
          'Enter your name, using letters only, so the audit log can show who looked at personal data.',
        ),
      );
      return;
    }
    if (!auth.checkToken(form.get('token') ?? '')) {
      logger.warn('staff_sign_in_refused');
      sendHtml(res, 401, signInPage('That access token is not right. Check it and try again.'));
      return;
    }
    logger.info('staff_signed_in');
    const session = auth.newSession(who);
    const flags = `HttpOnly; SameSite=Strict; Path=/staff; Max-Age=${session.maxAgeSeconds}${secureCookies ? '; Secure' : ''}`;
    res.writeHead(303, { location: '/staff', 'set-cookie': `${SESSION_COOKIE}=${session.value}; ${flags}` });
    res.end();
  });

  server.post('/staff/logout', async (req: Request, res: Response) => {
    await auth.signOut(req);
    logger.info('staff_signed_out');
    const flags = `HttpOnly; SameSite=Strict; Path=/staff; Max-Age=0${secureCookies ? '; Secure' : ''}`;
    res.writeHead(303, { location: '/staff/login', 'set-cookie': `${SESSION_COOKIE}=; ${flags}` });
    res.end();
  });

  /** The figures for the dates asked for (?from=&to=), or for the last weeks when they are wrong. */
  const figures = async (
    services: BotServices,
    sources: StaffDataSources,
    req: Request,
  ): Promise<{ data: DashboardData; asked: RangeRequest }> => {
    const query = new URL(req.url ?? '/', 'http://staff').searchParams;
    const asked = readRange(
      { from: query.get('from') ?? undefined, to: query.get('to') ?? undefined },
      services.now(),
    );
    const data = await buildDashboardData(
      services.insights,
      () => sources.workshops(),
      staffLabels(services.content),
      asked.range,
      services.now(),
    );
    return { data, asked };
  };

  server.get(
    '/staff',
    guarded(async (_who, services, sources, req, res) => {
      const { data, asked } = await figures(services, sources, req);
      // Wrong dates still show the page (with the figures for the last weeks): 400 says so to tools.
      sendHtml(res, asked.problems.length ? 400 : 200, withSignOut(renderDashboard(data, asked)));
    }),
  );

  // The figures on the dashboard, for the same dates: counts and names only, so no audit entry.
  server.get(
    '/staff/exports/figures.csv',
    guarded(async (_who, services, sources, req, res) => {
      const { data, asked } = await figures(services, sources, req);
      if (asked.problems.length) {
        res.send(400, { error: asked.problems.map((p) => p.message).join(' ') });
        return;
      }
      logger.info('staff_export', { what: 'figures' });
      const name = `safer-kingston-figures-${data.range.firstDay}-to-${data.range.lastDay}.csv`;
      sendCsv(res, name, figuresCsv(data, rangeLabel(data, describeDay)));
    }),
  );

  server.get(
    '/staff/links',
    guarded(async (_who, services, _sources, req, res) => {
      const request = readLinkRequest(req, services.content);
      sendHtml(res, 200, renderLinksPage(services.content, publicBase(services, req), request));
    }),
  );
  for (const kind of ['png', 'svg'] as const) {
    server.get(
      `/staff/links/qr.${kind}`,
      guarded((_who, services, _sources, req, res) =>
        sendQr(req, res, services.content, publicBase(services, req), kind),
      ),
    );
  }

  server.get(
    '/staff/exports/attendees/:file',
    guarded(async (who, services, sources, req, res) => {
      const sessionId = /^([A-Za-z0-9_.-]{1,80})\.csv$/.exec(String(req.params.file))?.[1];
      const csv = sessionId ? await sources.attendeesCsv(sessionId) : undefined;
      if (!sessionId || csv === undefined) {
        res.send(404, { error: 'There is no workshop session with that id.' });
        return;
      }
      await new AuditLog(services.store.records, services.now).write(who, `export:attendees:${sessionId}`);
      logger.info('staff_export', { what: 'attendees' });
      sendCsv(res, `attendees-${sessionId}.csv`, csv);
    }),
  );

  server.get(
    '/staff/exports/interests.csv',
    guarded(async (who, services, sources, _req, res) => {
      await new AuditLog(services.store.records, services.now).write(who, 'export:volunteering-interest');
      logger.info('staff_export', { what: 'volunteering-interest' });
      sendCsv(res, 'volunteering-interest.csv', await sources.interestsCsv());
    }),
  );

  server.get(
    '/staff/exports/callbacks.csv',
    guarded(async (who, services, sources, _req, res) => {
      await new AuditLog(services.store.records, services.now).write(who, 'export:callback-requests');
      logger.info('staff_export', { what: 'callback-requests' });
      sendCsv(res, 'callback-requests.csv', await sources.callbacksCsv());
    }),
  );
}
