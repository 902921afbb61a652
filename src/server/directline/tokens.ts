// Direct Line tokens for the local Direct Line: compact JWTs (HS256) signed with a key that lives only
// in this process. A token is bound to one conversation and one user id, and expires; a refreshed
// token is revoked (its id is remembered until it would have expired anyway).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

const ISSUER = 'safer-kingston-local-directline';

const claimsSchema = z.object({
  iss: z.literal(ISSUER),
  conv: z.string().min(1),
  user: z.string().min(1),
  iat: z.number().int(),
  exp: z.number().int(),
  jti: z.string(),
});

/** What a valid token grants: one conversation, as one user, until `expiresAt` (seconds since epoch). */
export interface TokenGrant {
  conversationId: string;
  userId: string;
  expiresAt: number;
}

export interface IssuedToken extends TokenGrant {
  token: string;
  expiresIn: number;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

export class TokenService {
  private readonly key: Buffer;
  /** Ids of revoked tokens, with when they expire (then they need not be remembered). */
  private readonly revoked = new Map<string, number>();

  constructor(
    private readonly ttlSeconds: number,
    key?: Buffer,
    private readonly nowSeconds: () => number = () => Math.floor(Date.now() / 1000),
  ) {
    this.key = key ?? randomBytes(32);
  }

  issue(conversationId: string, userId: string): IssuedToken {
    const iat = this.nowSeconds();
    const exp = iat + this.ttlSeconds;
    const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url(
      JSON.stringify({ iss: ISSUER, conv: conversationId, user: userId, iat, exp, jti: randomId(9) }),
    );
    const token = `${header}.${payload}.${this.sign(`${header}.${payload}`)}`;
    return { token, conversationId, userId, expiresAt: exp, expiresIn: this.ttlSeconds };
  }

  /** The grant of a well-formed, correctly signed, unexpired, unrevoked token; else undefined. */
  verify(token: string): TokenGrant | undefined {
    const claims = this.claimsOf(token);
    if (!claims || this.revoked.has(claims.jti)) return undefined;
    return { conversationId: claims.conv, userId: claims.user, expiresAt: claims.exp };
  }

  /** Ends a token before its time (the one a refresh replaced). */
  revoke(token: string): void {
    const claims = this.claimsOf(token);
    if (!claims) return;
    const now = this.nowSeconds();
    for (const [jti, exp] of this.revoked) if (exp <= now) this.revoked.delete(jti);
    this.revoked.set(claims.jti, claims.exp);
  }

  private claimsOf(token: string): z.infer<typeof claimsSchema> | undefined {
    const parts = token.split('.');
    if (parts.length !== 3) return undefined;
    const [header, payload, signature] = parts as [string, string, string];
    const expected = Buffer.from(this.sign(`${header}.${payload}`));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    let decoded: unknown;
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      return undefined;
    }
    const claims = claimsSchema.safeParse(decoded);
    if (!claims.success || claims.data.exp <= this.nowSeconds()) return undefined;
    return claims.data;
  }

  private sign(input: string): string {
    return createHmac('sha256', this.key).update(input).digest('base64url');
  }
}

/** A random id that cannot be guessed (128 bits). */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}
