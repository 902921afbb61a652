// Where the bot may send replies when it runs without a Microsoft identity (local mode): the local
// Direct Line inside this service, or another service on this machine. Any other serviceUrl would let
// a caller point the bot's replies (and later waiting-list notices) at a server of their choosing.
import { isIP } from 'node:net';

export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  return host === '::1';
}
