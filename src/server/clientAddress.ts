// Who a request comes from, for per-client limits. Behind a proxy (App Service's front end) every
// connection comes from the proxy, and the client's address is the one the proxy appended to
// X-Forwarded-For. A client can write its own X-Forwarded-For, so the header is read only when the
// service is told how many proxies stand in front of it (TRUST_PROXY), and only the entries those
// proxies added are believed: counted from the right.
import type { IncomingMessage } from 'node:http';

export function clientAddress(req: IncomingMessage, trustedProxies: number): string {
  const direct = req.socket.remoteAddress ?? 'unknown';
  if (trustedProxies <= 0) return direct;
  const header = req.headers['x-forwarded-for'];
  const entries = (Array.isArray(header) ? header.join(',') : (header ?? ''))
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = entries[entries.length - trustedProxies] ?? entries[0];
  return entry ? withoutPort(entry) : direct;
}

/** App Service writes "203.0.113.7:51234"; an IPv6 entry may be "[2001:db8::1]:51234". */
function withoutPort(entry: string): string {
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(entry);
  if (bracketed) return bracketed[1] as string;
  const v4 = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(entry);
  return v4 ? (v4[1] as string) : entry;
}
