// Strips personal data from a question before it is kept for the staff insights: email addresses,
// UK phone numbers, full postcodes, street addresses with a house number, and a name someone gives.
// What is left says what people wanted to know, not who asked.

const EMAIL = /[A-Z0-9._%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)+/gi;
/** UK numbers: 0 or +44 then 9 or 10 more digits, with spaces, dashes, dots or brackets between. */
const PHONE = /(?:\+\s?4\s?4\s?(?:\(0\))?|\(?\b0)(?:[\s.()-]*\d){9,10}\b/g;
/** A full UK postcode (outward and inward code), with or without the space. */
const POSTCODE = /\b(?:GIR\s?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2})\b/gi;
const STREET_TYPES =
  'road|rd|street|st|avenue|ave|lane|ln|close|way|drive|dr|gardens|crescent|place|grove|terrace|court|hill|rise|walk|park|mews|square|parade';
const ADDRESS = new RegExp(`\\b\\d{1,4}[a-z]?,?\\s+(?:[a-z']+\\s+){1,3}(?:${STREET_TYPES})\\b`, 'gi');
const NAME =
  /\b(my name is|my name's|i am called|i'm called|call me|this is)\s+[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+)?/g;

export const MAX_KEPT_CHARS = 300;

export function redactPersonalData(text: string): string {
  return text
    .replace(EMAIL, '[email]')
    .replace(PHONE, '[phone]')
    .replace(POSTCODE, '[postcode]')
    .replace(ADDRESS, '[address]')
    .replace(NAME, '$1 [name]')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, MAX_KEPT_CHARS);
}
