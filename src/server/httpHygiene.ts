// What every response of the HTTP edge gets, whatever route answers it:
// - a connection whose request body was not read to the end is closed after the response (a 413, a
//   refusal before reading): otherwise the unread bytes are taken as the next request and it hangs;
// - timeouts, so slow clients cannot hold sockets open for minutes;
// - nosniff on everything, HSTS when the public address is https, and no Server header.
import type { Server as HttpServer } from 'node:http';
import type { Request, Response, Server } from 'restify';
import type { Config } from '../config.js';

export type TimeoutSettings = Pick<
  Config,
  'HTTP_HEADERS_TIMEOUT_SECONDS' | 'HTTP_REQUEST_TIMEOUT_SECONDS' | 'HTTP_IDLE_TIMEOUT_SECONDS'
>;

/** Node checks these limits on a timer: a second, so a slow socket lasts little longer than its limit. */
const CHECK_INTERVAL_MS = 1000;

export function applyTimeouts(httpServer: HttpServer, settings: TimeoutSettings): void {
  const headers = settings.HTTP_HEADERS_TIMEOUT_SECONDS * 1000;
  const request = Math.max(settings.HTTP_REQUEST_TIMEOUT_SECONDS * 1000, headers);
  httpServer.headersTimeout = headers;
  httpServer.requestTimeout = request;
  httpServer.keepAliveTimeout = settings.HTTP_IDLE_TIMEOUT_SECONDS * 1000;
  // A socket that says nothing for this long is closed (WebSocket streams ping every 30 s).
  httpServer.timeout = Math.max(settings.HTTP_IDLE_TIMEOUT_SECONDS * 1000, request);
  // Read when the server starts listening (the checks are set up then).
  (httpServer as HttpServer & { connectionsCheckingInterval: number }).connectionsCheckingInterval =
    CHECK_INTERVAL_MS;
}

export function registerHygiene(server: Server, options: { hsts: boolean }): void {
  server.pre((req: Request, res: Response, next: () => void) => {
    res.setHeader('x-content-type-options', 'nosniff');
    if (options.hsts) res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
    const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => Response;
    (res as { writeHead: (...args: unknown[]) => Response }).writeHead = (...args: unknown[]) => {
      if (!req.complete && !res.headersSent) res.setHeader('connection', 'close');
      return writeHead(...args);
    };
    const socket = req.socket;
    res.once('finish', () => {
      // The client may still be sending the body: stop reading it and close once the answer is out.
      if (!req.complete && !socket.destroyed) socket.end();
    });
    next();
  });
}

/** True for a JSON content type (application/json, with or without parameters). */
export function isJsonContentType(header: string | undefined): boolean {
  return /^application\/json\s*(;|$)/i.test((header ?? '').trim());
}

/** A request that carries a body (a length over 0, or chunked). */
export function hasBody(req: Request): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return Number(length) > 0;
  return req.headers['transfer-encoding'] !== undefined;
}
