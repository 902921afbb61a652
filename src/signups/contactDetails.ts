// Name, email and phone as typed by a person: tidied and checked. A problem is named here and put
// into words from knowledge/signupMessages.yaml (contactDetails), so the message says how to fix
// it in the editors' words. Nothing here logs what it is given.
import type { ContactDetailsMessages } from '../content/signupMessages.js';
import { fillTemplate } from '../content/templates.js';

export type ContactProblem =
  'nameTooShort' | 'nameTooLong' | 'nameNotLetters' | 'nameIsAnAnswer' | 'badEmail' | 'badPhone';

/** Replies to some other question ("yes", "skip"), which must never be kept as someone's name. */
const NOT_NAMES = new Set(
  'yes yeah yep ok okay sure no nope nah skip none na n/a pass next done help cancel stop back menu quit exit anonymous'.split(
    ' ',
  ),
);
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: ContactProblem };

/** The longest name taken, in characters. */
export const NAME_MAX = 80;

/** What to tell the person about a problem. */
export function problemText(problem: ContactProblem, words: ContactDetailsMessages): string {
  return problem === 'nameTooLong' ? fillTemplate(words.nameTooLong, { max: NAME_MAX }) : words[problem];
}

export function checkName(input: string): Checked<string> {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name.length < 2) return { ok: false, problem: 'nameTooShort' };
  if (name.length > NAME_MAX) return { ok: false, problem: 'nameTooLong' };
  if (NOT_NAMES.has(name.toLowerCase().replace(/[.!]+$/, '')))
    return { ok: false, problem: 'nameIsAnAnswer' };
  if (!/\p{L}/u.test(name) || /[<>{}[\]\\@]|https?:/i.test(name))
    return { ok: false, problem: 'nameNotLetters' };
  return { ok: true, value: name };
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function checkEmail(input: string): Checked<string> {
  const email = input.trim();
  const problem = 'badEmail';
  if (email.length > 254 || !EMAIL.test(email)) return { ok: false, problem };
  const [local, domain] = email.split('@');
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return { ok: false, problem };
  if (!/\.[A-Za-z]{2,}$/.test(domain)) return { ok: false, problem };
  return { ok: true, value: `${local}@${domain.toLowerCase()}` };
}

/** Emails are compared without regard to case. */
export function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** A UK phone number, written with spaces for reading; "+44" is kept as "0". */
export function checkPhone(input: string): Checked<string> {
  const digits = input
    .replace(/[\s()-]/g, '')
    .replace(/^\+44/, '0')
    .replace(/^0044/, '0');
  if (!/^0\d{9,10}$/.test(digits)) return { ok: false, problem: 'badPhone' };
  const spaced = digits.length === 11 ? `${digits.slice(0, 5)} ${digits.slice(5)}` : digits;
  return { ok: true, value: spaced };
}

/** Words that mean "no phone number, thanks". */
export function isSkip(input: string): boolean {
  return /^\s*(skip|no|none|no thanks|no thank you|n\/a|na|-|nothing|rather not|prefer not( to)?)\s*[.!]?\s*$/i.test(
    input,
  );
}
