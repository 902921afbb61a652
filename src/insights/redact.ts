// Removes personal data from free text before it is kept for staff insights. It errs on the side
// of removing too much: a question that loses a number is still useful; a kept phone number is not.
/**
 * Email addresses. The part before "@" is at most 64 characters (as in addresses): unbounded, a
 * long run of letters was re-read from every position (10,000 took 50 ms).
 */
const EMAIL = /[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

const PATTERNS: [RegExp, string | ((found: string) => string)][] = [
  // Web addresses can carry names and ids.
  [/\bhttps?:\/\/\S+|\bwww\.\S+/gi, '[link]'],
  // UK postcodes, full ("KT1 1EU") or district only after a street-like word is too risky to guess.
  [/\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/gi, '[postcode]'],
  // Phone numbers and any other long run of digits (references, account or card numbers).
  [/(?:\+?\d[\d\s().-]{6,}\d)/g, '[number]'],
  // Booking references and similar codes mixing letters and digits.
  // (The mix is checked on each code found: looking ahead from every hyphen of a long code took
  // a quarter of a second for 10,000 characters.)
  [
    /\b[A-Z0-9]{2,}(?:-[A-Z0-9]{2,})+\b/g,
    (code) => (/\d/.test(code) && /[A-Z]/.test(code) ? '[reference]' : code),
  ],
  // "my name is Jo Bloggs", "I'm called Sam": keep the words, drop the name.
  [
    /\b(my name is|my name's|i am called|i'm called|call me)\s+[A-Za-z'-]+(?:\s+[A-Z][a-z'-]+)?/gi,
    '$1 [name]',
  ],
];

const MAX_KEPT_LENGTH = 300;

export function redactPersonalData(text: string): string {
  // Only a text with "@" can hold an address, and looking for one is the slow part.
  let out = text.includes('@') ? text.replace(EMAIL, '[email]') : text;
  for (const [pattern, replacement] of PATTERNS)
    out =
      typeof replacement === 'string' ? out.replace(pattern, replacement) : out.replace(pattern, replacement);
  out = out.replace(/\s+/g, ' ').trim();
  return out.length > MAX_KEPT_LENGTH ? `${out.slice(0, MAX_KEPT_LENGTH)}…` : out;
}
