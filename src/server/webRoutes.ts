// The web chat page's routes: the static files in web/, the official Web Chat bundle served from
// node_modules (no CDN), and POST /api/directline/token, which gives the page a short-lived Direct Line
// token. In local mode the token comes from the local Direct Line; with DIRECT_LINE_SECRET set it comes
// from Azure's Direct Line (tokens/generate): the secret stays on the server.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { WEB_PAGE_USER_PREFIX } from '../channels/startLinks.js';
import { projectRoot, webDir as defaultWebDir } from '../paths.js';
import type { LocalDirectLine } from './directline/index.js';
import { handler, sendError, sendJson } from './directline/http.js';
import { noRateLimits, type RateLimits } from './rateLimits.js';

export const AZURE_DIRECT_LINE_ENDPOINT = 'https://directline.botframework.com/v3/directline';
/** Where the page loads the Web Chat bundle from. */
export const WEBCHAT_BUNDLE_PATH = '/vendor/webchat.js';
/** Where the Teams tab loads the Teams JavaScript library from (no CDN). */
export const TEAMS_JS_PATH = '/vendor/teams-js.js';
/** The Teams tab page is shown inside Teams (web, desktop, mobile) and Microsoft 365. */
export const TEAMS_TAB_PAGE = 'teams-tab.html';
export const TEAMS_FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://*.teams.microsoft.us',
  'https://*.skype.com',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.cloud.microsoft',
  'https://outlook.office.com',
];

export type DirectLineMode =
  | { mode: 'local'; directLine: LocalDirectLine }
  | { mode: 'azure'; secret: string; endpoint?: string }
  /** Neither: an app id without a Direct Line secret. The page loads but cannot get a token. */
  | { mode: 'none' };

export interface WebRoutesOptions {
  directLine: DirectLineMode;
  webDir?: string;
  webChatBundle?: string;
  /** Origins allowed to frame the chat page (CSP frame-ancestors). Default: 'self'. */
  frameAncestors?: string[];
  /** Origins allowed to frame the embed widget's page (/chat?embed=1). Default: frameAncestors. */
  embedFrameAncestors?: string[];
  /** Per-client limit on new tokens (each one opens a conversation). Default: none. */
  limits?: RateLimits;
  /** For tests: the fetch used to reach Azure's Direct Line. */
  fetch?: typeof fetch;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
};

const azureTokenSchema = z.object({
  conversationId: z.string().min(1),
  token: z.string().min(1),
  expires_in: z.number().int().positive(),
});

/** Content Security Policy for the pages: everything from this origin; Direct Line's origin to connect. */
export function contentSecurityPolicy(
  connectOrigins: string[] = [],
  frameAncestors: string[] = ["'self'"],
): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // Web Chat styles itself with CSS-in-JS (inserted <style> elements).
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "media-src 'self' blob:",
    ['connect-src', "'self'", ...connectOrigins].join(' '),
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    ['frame-ancestors', ...frameAncestors].join(' '),
  ].join('; ');
}

export function setPageHeaders(res: Response, connectOrigins: string[], frameAncestors?: string[]): void {
  res.header('content-security-policy', contentSecurityPolicy(connectOrigins, frameAncestors));
  res.header('referrer-policy', 'no-referrer');
  res.header('permissions-policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
  res.header('cross-origin-opener-policy', 'same-origin');
  // The page may show a conversation about something private: keep it out of caches and history restores.
  res.setHeader('cache-control', 'no-store');
}

export function registerWebRoutes(server: Server, options: WebRoutesOptions): void {
  const webDir = path.resolve(options.webDir ?? defaultWebDir);
  const bundle =
    options.webChatBundle ??
    path.join(projectRoot, 'node_modules', 'botframework-webchat', 'dist', 'webchat.js');
  const mode = options.directLine;
  const azureEndpoint =
    mode.mode === 'azure' ? (mode.endpoint ?? AZURE_DIRECT_LINE_ENDPOINT).replace(/\/+$/, '') : '';
  const connectOrigins = azureEndpoint ? directLineOrigins(azureEndpoint) : [];
  const doFetch = options.fetch ?? fetch;
  const limits = options.limits ?? noRateLimits;

  server.post(
    '/api/directline/token',
    handler(async (req, res) => {
      // Before any work: in Azure mode each token is a call to Azure with the secret.
      const wait = await limits.take('conversations', req);
      if (wait !== undefined) {
        res.setHeader('retry-after', String(wait));
        return sendError(res, 429, 'TooManyRequests', 'Too many new chats from here. Please wait a moment.');
      }
      if (mode.mode === 'local') {
        const issued = mode.directLine.issueToken(userIdFor(req));
        return sendJson(res, 200, {
          token: issued.token,
          conversationId: issued.conversationId,
          expires_in: issued.expiresIn,
          domain: `${mode.directLine.publicOrigin(req)}/v3/directline`,
        });
      }
      if (mode.mode === 'none') {
        return sendError(
          res,
          503,
          'NotConfigured',
          'The web chat is not set up on this service (it needs DIRECT_LINE_SECRET).',
        );
      }
      let response: globalThis.Response;
      try {
        response = await doFetch(`${azureEndpoint}/tokens/generate`, {
          method: 'POST',
          headers: { authorization: `Bearer ${mode.secret}`, 'content-type': 'application/json' },
          // A user id bound into the token, so a page cannot speak as another user.
          body: JSON.stringify({ user: { id: userIdFor(req) } }),
          signal: AbortSignal.timeout(10000),
        });
      } catch (error) {
        console.error('Direct Line token: Azure did not answer:', (error as Error).name);
        return sendError(res, 502, 'DirectLineUnavailable', 'The chat service is not available right now.');
      }
      const parsed = azureTokenSchema.safeParse(await response.json().catch(() => undefined));
      if (!response.ok || !parsed.success) {
        console.error(`Direct Line token: Azure answered ${response.status}`);
        return sendError(res, 502, 'DirectLineUnavailable', 'The chat service is not available right now.');
      }
      sendJson(res, 200, { ...parsed.data, domain: azureEndpoint });
    }),
  );

  server.get(
    WEBCHAT_BUNDLE_PATH,
    handler((_req, res) => sendFile(res, bundle, 'public, max-age=3600')),
  );

  const teamsJs = path.join(
    projectRoot,
    'node_modules',
    '@microsoft',
    'teams-js',
    'dist',
    'umd',
    'MicrosoftTeams.min.js',
  );
  server.get(
    TEAMS_JS_PATH,
    handler((_req, res) => sendFile(res, teamsJs, 'public, max-age=3600')),
  );

  const serveFromWebDir = handler(async (req, res) => {
    const file = await resolveWebFile(webDir, new URL(req.url ?? '/', 'http://local').pathname);
    if (!file) return notFound(res);
    if (path.basename(file) === TEAMS_TAB_PAGE) setPageHeaders(res, connectOrigins, TEAMS_FRAME_ANCESTORS);
    else if (file.endsWith('.html')) setPageHeaders(res, connectOrigins, options.frameAncestors);
    await sendFile(res, file, file.endsWith('.html') ? 'no-store' : 'no-cache');
  });
  // Links that open a journey: /chat?journey=...&source=... is the chat page itself.
  server.get(
    '/chat',
    handler(async (req, res) => {
      const embedded = new URL(req.url ?? '/', 'http://local').searchParams.get('embed') === '1';
      const ancestors = embedded
        ? (options.embedFrameAncestors ?? options.frameAncestors)
        : options.frameAncestors;
      setPageHeaders(res, connectOrigins, ancestors);
      await sendFile(res, path.join(webDir, 'index.html'), 'no-store');
    }),
  );
  server.get('/', serveFromWebDir);
  server.get('/*', serveFromWebDir);
}

/** The file under webDir for a URL path, or undefined (unknown type, hidden file, outside webDir). */
async function resolveWebFile(webDir: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.endsWith('/')) decoded += 'index.html';
  const segments = decoded.split('/').filter((segment) => segment !== '');
  if (
    segments.some((segment) => segment.startsWith('.') || segment.includes('\\') || segment.includes('\0'))
  ) {
    return undefined;
  }
  const candidate = path.join(webDir, ...segments);
  if (!(path.extname(candidate) in CONTENT_TYPES)) return undefined;
  try {
    const real = await realpath(candidate);
    const root = await realpath(webDir);
    if (!real.startsWith(root + path.sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

async function sendFile(res: Response, file: string, cacheControl: string): Promise<void> {
  const info = await stat(file).catch(() => undefined);
  if (!info?.isFile()) return notFound(res);
  res.setHeader('content-type', CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream');
  res.setHeader('content-length', String(info.size));
  res.setHeader('x-content-type-options', 'nosniff');
  res.setHeader('cache-control', cacheControl);
  res.writeHead(200);
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on('error', reject);
    stream.on('end', resolve);
    stream.pipe(res);
  });
}

function notFound(res: Response): void {
  sendError(res, 404, 'NotFound', 'There is no page here.');
}

/**
 * A fresh user id. The chat page asks with ?join=1: it sends a join event on connecting, and the
 * prefix tells the bot to welcome on that event rather than on conversationUpdate.
 */
function userIdFor(req: Request): string {
  const join = new URL(req.url ?? '/', 'http://local').searchParams.get('join') === '1';
  return `${join ? WEB_PAGE_USER_PREFIX : 'dl_'}${randomBytes(12).toString('base64url')}`;
}

/** The https and wss origins of a Direct Line endpoint, for connect-src. */
function directLineOrigins(endpoint: string): string[] {
  const url = new URL(endpoint);
  const socket = new URL(endpoint);
  socket.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, socket.origin];
}
