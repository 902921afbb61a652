// Content text may say {phone:<service id>} (as in conversation.yaml) so that numbers stay in
// services.yaml alone.
import type { ServiceDirectory } from './services.js';

export const PHONE_PLACEHOLDER = /\{phone:([a-z0-9-]+)\}/g;

/** The service ids a text refers to with {phone:<id>}. */
export function phoneReferences(text: string): string[] {
  return [...text.matchAll(PHONE_PLACEHOLDER)].map((m) => m[1]);
}

/** Puts each referenced service's phone number into the text. Content checks guarantee they exist. */
export function fillPhones(text: string, services: ServiceDirectory): string {
  return text.replace(PHONE_PLACEHOLDER, (_all, id: string) => services.get(id).contact.phone ?? '');
}

/** A copy of a content value with every {phone:<id>} in its strings filled in. */
export function fillPhonesDeep<T>(value: T, services: ServiceDirectory): T {
  if (typeof value === 'string') return fillPhones(value, services) as T;
  if (Array.isArray(value)) return value.map((v) => fillPhonesDeep(v, services)) as T;
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillPhonesDeep(v, services)])) as T;
  return value;
}
