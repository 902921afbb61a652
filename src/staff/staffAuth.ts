// Staff access: a bearer token from the environment (STAFF_TOKEN), or a browser session cookie got by
// giving that token once on the sign-in page. Without STAFF_TOKEN the staff area does not exist.
//
// Sessions are signed with a key derived from STAFF_TOKEN (HKDF), so they survive a restart and work
// on every instance; changing STAFF_TOKEN ends them all. Each session has an id, and signing out
// records that id in the Store, so a copied cookie stops working everywhere at once.
import { createHash, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Request } from 'restify';
import type { RecordStore } from '../store/store.js';

export const SESSION_COOKIE = 'sk_staff';
export const SIGNED_OUT_COLLECTION = 'staff-signed-out';
const SESSION_HOURS = 8;

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Compares in constant time; hashing first makes the lengths equal. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

interface Session {
  id: string;
  who: string;
  expires: number;
}

export class StaffAuth {
  private readonly sessionKey: Buffer;

  constructor(
    private readonly token: string,
    private readonly now: () => Date,
    private readonly records: () => RecordStore | undefined,
  ) {
    this.sessionKey = Buffer.from(
      hkdfSync('sha256', token, 'safer-kingston-staff', 'staff session cookies v1', 32),
    );
  }

  checkToken(given: string): boolean {
    return sameSecret(given, this.token);
  }

  /** A session value: its id, who signed in, until when, and a signature over them. */
  newSession(who: string): { value: string; maxAgeSeconds: number } {
    const expires = this.now().getTime() + SESSION_HOURS * 3_600_000;
    const payload = `${expires}.${randomBytes(16).toString('hex')}.${Buffer.from(who).toString('base64url')}`;
    return { value: `${payload}.${this.sign(payload)}`, maxAgeSeconds: SESSION_HOURS * 3600 };
  }

  /** Who is asking, when they are a signed-in staff member or hold the token; otherwise undefined. */
  async authorise(req: Request): Promise<string | undefined> {
    const bearer = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    if (bearer !== undefined) return this.checkToken(bearer.trim()) ? 'token' : undefined;
    const session = this.sessionOf(req);
    if (!session) return undefined;
    const records = this.records();
    if (!records) return undefined;
    if (await records.get(SIGNED_OUT_COLLECTION, session.id)) return undefined;
    return session.who;
  }

  /** Ends the request's session on every instance (its id is kept until it would have expired). */
  async signOut(req: Request): Promise<void> {
    const session = this.sessionOf(req);
    const records = this.records();
    if (!session || !records) return;
    await records.update<{ expires: number }, void>(SIGNED_OUT_COLLECTION, session.id, () => ({
      value: { expires: session.expires },
      result: undefined,
    }));
    await this.forgetExpired(records);
  }

  private sessionOf(req: Request): Session | undefined {
    const [expires, id, who, signature] = (readCookie(req.headers.cookie, SESSION_COOKIE) ?? '').split('.');
    if (!expires || !id || !who || !signature || !/^[0-9a-f]{32}$/.test(id)) return undefined;
    if (!sameSecret(signature, this.sign(`${expires}.${id}.${who}`))) return undefined;
    if (Number(expires) <= this.now().getTime()) return undefined;
    return { id, who: Buffer.from(who, 'base64url').toString('utf8'), expires: Number(expires) };
  }

  /** Sign-outs of sessions that have expired anyway need not be kept. */
  private async forgetExpired(records: RecordStore): Promise<void> {
    const now = this.now().getTime();
    for (const id of await records.list(SIGNED_OUT_COLLECTION)) {
      const entry = await records.get<{ expires: number }>(SIGNED_OUT_COLLECTION, id);
      if (entry && entry.expires <= now) await records.delete(SIGNED_OUT_COLLECTION, id);
    }
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
