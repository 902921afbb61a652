// Staff access: a bearer token from the environment (STAFF_TOKEN), or a browser session cookie got by
// giving that token once on the sign-in page. Without STAFF_TOKEN the staff area does not exist.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';

export const SESSION_COOKIE = 'sk_staff';
const SESSION_HOURS = 8;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares in constant time; hashing first makes the lengths equal. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export class StaffAuth {
  /** Sessions are signed with a key derived from the token and this process's random salt. */
  private readonly sessionKey: Buffer;

  constructor(
    private readonly token: string,
    private readonly now: () => Date,
  ) {
    this.sessionKey = createHmac('sha256', randomBytes(32)).update(token).digest();
  }

  checkToken(given: string): boolean {
    return sameSecret(given, this.token);
  }

  /** A session value: who signed in, until when, and a signature over both. */
  newSession(who: string): { value: string; maxAgeSeconds: number } {
    const expires = this.now().getTime() + SESSION_HOURS * 3_600_000;
    const payload = `${expires}.${Buffer.from(who).toString('base64url')}`;
    return { value: `${payload}.${this.sign(payload)}`, maxAgeSeconds: SESSION_HOURS * 3600 };
  }

  /** Who is asking, when they are a signed-in staff member or hold the token; otherwise undefined. */
  authorise(req: Request): string | undefined {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) return this.checkToken(bearer.trim()) ? 'token' : undefined;
    const [expires, who, signature] = (readCookie(req.headers.cookie, SESSION_COOKIE) ?? '').split('.');
    if (!expires || !who || !signature) return undefined;
    if (!sameSecret(signature, this.sign(`${expires}.${who}`))) return undefined;
    if (Number(expires) <= this.now().getTime()) return undefined;
    return Buffer.from(who, 'base64url').toString('utf8');
  }

  private sign(value: string): string {
    return createHmac('sha256', this.sessionKey).update(value).digest('base64url');
  }
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}
