// Adaptive Card submissions are user input and can be forged: each is parsed here with zod, then
// checked against the content (does the session exist, is it open, is the seat count allowed).
// A refused submission writes nothing and gets a message that says what to do instead, in the
// words of knowledge/signupMessages.yaml (forms).
import { z } from 'zod';
import type { Content } from '../content/content.js';
import type { WorkshopSession } from '../content/workshops.js';
import { fillCounted } from '../content/templates.js';
import { checkEmail, checkName, checkPhone, problemText, type Checked } from './contactDetails.js';

const toggle = z.union([z.boolean(), z.enum(['true', 'false'])]).transform((v) => v === true || v === 'true');
const id = z.string().trim().min(1).max(80);
const submissionKey = z.string().regex(/^[A-Za-z0-9_-]{8,80}$/, 'is not a valid submission key');
const seats = z
  .union([
    z.number(),
    z
      .string()
      .trim()
      .regex(/^\d{1,3}$/),
  ])
  .transform(Number);
const optionalText = z
  .string()
  .max(200)
  .optional()
  .transform((v) => (v && v.trim() ? v.trim() : undefined));

export const sessionChoiceSchema = z.object({ action: z.literal('workshop.session'), sessionId: id });
export const seatsChoiceSchema = z.object({ action: z.literal('workshop.seats'), seats });
export const consentSchema = z.object({ action: z.literal('signup.consent'), consent: toggle });

export const bookingFormSchema = z.object({
  action: z.literal('workshop.book'),
  sessionId: id,
  seats,
  consent: toggle,
  name: z.string().max(200),
  email: z.string().max(300),
  phone: optionalText,
  submissionKey,
  waitingList: toggle.optional(),
});

export const interestFormSchema = z.object({
  action: z.literal('volunteer.interest'),
  roleId: id,
  wardId: id,
  consent: toggle,
  name: z.string().max(200),
  email: z.string().max(300),
  phone: optionalText,
  submissionKey,
});

export type Refusal = { ok: false; problem: string };

export interface BookingForm {
  session: WorkshopSession;
  seats: number;
  name: string;
  email: string;
  phone?: string;
  submissionKey: string;
  waitingListOk: boolean;
}

/** The action a card submission claims to be, if any (before it is trusted). */
export function submittedAction(value: unknown): string | undefined {
  const parsed = z.object({ action: z.string().max(40) }).safeParse(value);
  return parsed.success ? parsed.data.action : undefined;
}

/** The checked contact details, or what is wrong with them followed by `nothingDone`. */
function contact(
  content: Content,
  form: { name: string; email: string; phone?: string },
  nothingDone: string,
): Refusal | { ok: true; name: string; email: string; phone?: string } {
  const refuse = (checked: Checked<string> & { ok: false }): Refusal => ({
    ok: false,
    problem: `${problemText(checked.problem, content.signupMessages.contactDetails)} ${nothingDone}`,
  });
  const n = checkName(form.name);
  if (!n.ok) return refuse(n);
  const e = checkEmail(form.email);
  if (!e.ok) return refuse(e);
  if (form.phone === undefined) return { ok: true, name: n.value, email: e.value };
  const p = checkPhone(form.phone);
  if (!p.ok) return refuse(p);
  return { ok: true, name: n.value, email: e.value, phone: p.value };
}

export function parseBookingForm(
  value: unknown,
  content: Content,
  now: Date,
): Refusal | ({ ok: true } & BookingForm) {
  const words = content.signupMessages.forms;
  const parsed = bookingFormSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: words.bookingUnreadable };
  const form = parsed.data;
  const session = content.workshops.get(form.sessionId);
  if (!session || session.start.getTime() <= now.getTime())
    return { ok: false, problem: words.sessionNotBookable };
  const max = session.maxSeatsPerBooking;
  if (!Number.isInteger(form.seats) || form.seats < 1 || form.seats > max)
    return { ok: false, problem: fillCounted(words.seatsNotAllowed, max, { max }) };
  if (!form.consent) return { ok: false, problem: words.bookingNoConsent };
  const details = contact(content, form, words.nothingBooked);
  if (!details.ok) return details;
  return {
    ok: true,
    session,
    seats: form.seats,
    name: details.name,
    email: details.email,
    phone: details.phone,
    submissionKey: form.submissionKey,
    waitingListOk: form.waitingList ?? true,
  };
}

export interface InterestForm {
  roleId: string;
  wardId: string;
  name: string;
  email: string;
  phone?: string;
  submissionKey: string;
}

export function parseInterestForm(value: unknown, content: Content): Refusal | ({ ok: true } & InterestForm) {
  const words = content.signupMessages.forms;
  const parsed = interestFormSchema.safeParse(value);
  if (!parsed.success) return { ok: false, problem: words.interestUnreadable };
  const form = parsed.data;
  if (!content.volunteering.get(form.roleId) || !content.wards.get(form.wardId))
    return { ok: false, problem: words.interestUnknown };
  if (!form.consent) return { ok: false, problem: words.interestNoConsent };
  const details = contact(content, form, words.nothingSaved);
  if (!details.ok) return details;
  return {
    ok: true,
    roleId: form.roleId,
    wardId: form.wardId,
    name: details.name,
    email: details.email,
    phone: details.phone,
    submissionKey: form.submissionKey,
  };
}
