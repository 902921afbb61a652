// Small helpers for the local Direct Line's HTTP routes (restify 11).
import restify from 'restify';
import type { Next, Request, RequestHandler, Response } from 'restify';

/** Direct Line 3.0 error body: { error: { code, message } }. */
export function sendError(res: Response, status: number, code: string, message: string): void {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(status, { error: { code, message } });
}

export function sendJson(res: Response, status: number, body: unknown): void {
  res.setHeader('cache-control', 'no-store');
  res.setHeader('x-content-type-options', 'nosniff');
  res.send(status, body);
}

/** Wraps an async handler for restify: errors become a 500 with a plain body, never a stack trace. */
export function handler(
  fn: (req: Request, res: Response) => Promise<void> | void,
): (req: Request, res: Response, next: Next) => void {
  return (req, res, next) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .then(
        () => next(),
        (error: unknown) => {
          // The type only: a message can quote what the client sent.
          process.stderr.write(
            `${JSON.stringify({ time: new Date().toISOString(), level: 'error', event: 'request_failed', errorType: (error as Error).name })}\n`,
          );
          if (!res.headersSent) sendError(res, 500, 'ServiceError', 'Something went wrong in the service.');
          next();
        },
      );
  };
}

export function bearerToken(req: Request): string | undefined {
  const header = req.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return match?.[1];
}

export function queryParam(req: Request, name: string): string | undefined {
  const value = new URL(req.url ?? '/', 'http://local').searchParams.get(name);
  return value ?? undefined;
}

/** The body restify parsed, or {} for an empty body. */
export function bodyOf(req: Request): unknown {
  const body: unknown = req.body;
  if (body === undefined || body === null || body === '') return {};
  return body;
}

/**
 * restify's JSON body parser with a size limit (restify 11 reads `maxBodySize`; the v8 types lack it).
 * Malformed JSON gets restify's 400; a body read before (a global parser) is not read again.
 */
export function jsonBodyParser(maxBodySize: number): RequestHandler[] {
  const options = { maxBodySize, mapParams: false } as Parameters<typeof restify.plugins.jsonBodyParser>[0];
  return restify.plugins.jsonBodyParser(options);
}
