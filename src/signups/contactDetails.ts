// Name, email and phone as typed by a person: tidied and checked, with a message that says how to
// fix a problem. Nothing here logs what it is given.
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

export function checkName(input: string): Checked<string> {
  const name = input.trim().replace(/\s+/g, ' ');
  if (name.length < 2) return { ok: false, problem: 'Please type your name, for example "Sam Patel".' };
  if (name.length > 80)
    return { ok: false, problem: 'That name is too long. Please use 80 characters or fewer.' };
  if (!/\p{L}/u.test(name) || /[<>{}[\]\\@]|https?:/i.test(name))
    return { ok: false, problem: 'Please type just your name, using letters, for example "Sam Patel".' };
  return { ok: true, value: name };
}

const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export function checkEmail(input: string): Checked<string> {
  const email = input.trim();
  const problem =
    'That does not look like an email address. Please type it in full, like "name@example.com".';
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
  if (!/^0\d{9,10}$/.test(digits))
    return {
      ok: false,
      problem:
        'That does not look like a UK phone number. Please type it like "07700 900123", or say "skip".',
    };
  const spaced = digits.length === 11 ? `${digits.slice(0, 5)} ${digits.slice(5)}` : digits;
  return { ok: true, value: spaced };
}

/** Words that mean "no phone number, thanks". */
export function isSkip(input: string): boolean {
  return /^\s*(skip|no|none|no thanks|no thank you|n\/a|na|-|nothing|rather not|prefer not( to)?)\s*[.!]?\s*$/i.test(
    input,
  );
}
