// Booking references: unguessable (50 random bits) yet easy to read out and type. The alphabet
// leaves out 0/O and 1/I, so nobody has to guess which one they are looking at.
import { createHash, randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const GROUP = 5;

/** HC: a workshop booking; VI: volunteering interest; CB: a call-back request (src/handoff/). */
export type ReferenceKind = 'HC' | 'VI' | 'CB';

/** A new reference like "HC-7KQ4M-2XD9P": a kind prefix and two groups of five characters. */
export function newReference(kind: ReferenceKind): string {
  const bytes = randomBytes(GROUP * 2);
  let chars = '';
  for (const byte of bytes) chars += ALPHABET[byte & 31];
  return `${kind}-${chars.slice(0, GROUP)}-${chars.slice(GROUP)}`;
}

const IN_TEXT = new RegExp(
  `\\b(HC|VI|CB)[\\s-]*([${ALPHABET}]{${GROUP}})[\\s-]*([${ALPHABET}]{${GROUP}})\\b`,
  'i',
);

/** Finds a reference in free text ("it's hc 7kq4m 2xd9p") and writes it the standard way. */
export function findReference(text: string): string | undefined {
  const m = IN_TEXT.exec(text.toUpperCase());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : undefined;
}

/** A submission key as stored: hashed, so stored data never holds the raw value a client sent. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url').slice(0, 32);
}
