// Sentences with placeholders, like "Your reference is {ref}.": the bot fills in the values, and
// editors choose the words around them. The content check refuses a sentence that uses a
// placeholder the bot does not fill in there, or that leaves out one it must show. Where a number
// of things decides the words ("1 place" / "3 places"), editors write both forms.
import { z } from 'zod';
import { plainText } from './common.js';

declare const PLACEHOLDERS: unique symbol;

/** A checked sentence whose placeholders are among K (made only by `template` below). */
export type Template<K extends string = never> = string & { readonly [PLACEHOLDERS]: K };

/** The two forms of a sentence about a number of things: exactly one, and any other number. */
export interface Counted<K extends string> {
  one: Template<K>;
  other: Template<K>;
}

const PLACEHOLDER = /\{([A-Za-z][A-Za-z0-9]*)\}/g;

/** The placeholder names a text uses, in order, each once. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]))];
}

const listOf = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');

/** What is wrong with a text whose sentence can fill in `provides` and must show `required`. */
export function templateProblems(
  text: string,
  provides: readonly string[],
  required: readonly string[],
): string[] {
  const problems: string[] = [];
  if (/[{}]/.test(text.replace(PLACEHOLDER, '')))
    problems.push('has a "{" or "}" that is not part of a placeholder: write placeholders like {ref}');
  const can = provides.length ? `it can use ${listOf(provides)}` : 'it has no placeholders';
  for (const name of placeholdersIn(text))
    if (!provides.includes(name)) problems.push(`uses {${name}}, which the bot cannot fill in here (${can})`);
  for (const name of required) if (!text.includes(`{${name}}`)) problems.push(`must include {${name}}`);
  return problems;
}

export interface TemplateOptions<K extends string> {
  /** Placeholders the sentence may leave out (all others must be there). */
  optional?: readonly K[];
  /** Longest text allowed, in characters. */
  max?: number;
}

/** A content sentence that the bot fills in with `provides` (each one required unless optional). */
export function template<const K extends string = never>(
  provides: readonly K[] = [],
  { optional = [], max = 400 }: TemplateOptions<K> = {},
) {
  const required = provides.filter((p) => !optional.includes(p));
  return plainText(max)
    .superRefine((text, ctx) => {
      for (const message of templateProblems(text, provides, required))
        ctx.addIssue({ code: 'custom', message });
    })
    .transform((text) => text as Template<K>);
}

/**
 * Both forms of a sentence about `count` things. The "one" form may write the number out
 * ("1 place") instead of using {count}; the "other" form must use it.
 */
export function counted<const C extends string, const K extends string = never>(
  count: C,
  provides: readonly K[] = [],
  { optional = [], max = 400 }: TemplateOptions<K> = {},
) {
  const names: readonly (C | K)[] = [count, ...provides];
  return z
    .object({
      one: template(names, { optional: [count, ...optional], max }),
      other: template(names, { optional, max }),
    })
    .strict();
}

/**
 * The text with each {name} replaced by its value, as given (a value is never itself read for
 * placeholders). A placeholder without a value is a mistake in the code, so it throws.
 */
export function fillTemplate<K extends string>(
  text: Template<K>,
  values: Readonly<Record<NoInfer<K>, string | number>>,
): string {
  const given = values as Readonly<Record<string, string | number>>;
  return text.replace(PLACEHOLDER, (_whole, name: string) => {
    if (!Object.hasOwn(given, name)) throw new Error(`No value for {${name}} in "${text}"`);
    return String(given[name]);
  });
}

/** The form that fits `count` ("one" for exactly 1), filled in. */
export function fillCounted<K extends string>(
  forms: Counted<K>,
  count: number,
  values: Readonly<Record<NoInfer<K>, string | number>>,
): string {
  return fillTemplate(count === 1 ? forms.one : forms.other, values);
}
