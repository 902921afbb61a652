import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { ZodTypeAny } from 'zod';
import {
  counted,
  fillCounted,
  fillTemplate,
  placeholdersIn,
  template,
  type Template,
} from '../../src/content/templates.js';

const NAMES = ['ref', 'position', 'max', 'seats', 'left', 'role'] as const;
type Name = (typeof NAMES)[number];

/** Text around placeholders: anything without curly brackets. */
const literal = fc.string({ maxLength: 12 }).map((s) => s.replace(/[{}]/g, ''));
/** A template as pieces: literal text and placeholder names, in turn. */
const pieces = fc.array(fc.tuple(literal, fc.constantFrom(...NAMES)), { maxLength: 6 });
/** Values as a person or the code might give them, including "$&" and "{ref}". */
const anyValue = fc.oneof(
  fc.string({ maxLength: 10 }),
  fc.integer(),
  fc.constantFrom('$&', '$1', "$'", '{ref}', '{', '}'),
);
const values = fc.record(
  Object.fromEntries(NAMES.map((n) => [n, anyValue])) as Record<Name, typeof anyValue>,
);
const plainValues = fc.record(
  Object.fromEntries(NAMES.map((n) => [n, fc.oneof(literal, fc.nat())])) as Record<
    Name,
    fc.Arbitrary<string | number>
  >,
);

const asTemplate = (parts: [string, Name][], tail: string) =>
  (parts.map(([text, name]) => `${text}{${name}}`).join('') + tail) as Template<Name>;

describe('filling content templates', () => {
  it('puts each value in place of its placeholder, exactly as given', () => {
    fc.assert(
      fc.property(pieces, literal, values, (parts, tail, given) => {
        const expected = parts.map(([text, name]) => text + String(given[name])).join('') + tail;
        assert.equal(fillTemplate(asTemplate(parts, tail), given), expected);
      }),
    );
  });

  it('leaves no placeholder and no curly bracket when the values have none', () => {
    fc.assert(
      fc.property(pieces, literal, plainValues, (parts, tail, given) => {
        const filled = fillTemplate(asTemplate(parts, tail), given);
        assert.doesNotMatch(filled, /[{}]/);
        for (const [, name] of parts) assert.ok(filled.includes(String(given[name])));
      }),
    );
  });

  it('throws when the code gives no value for a placeholder, naming it', () => {
    const text = 'Your reference is {ref}.' as Template<'ref'>;
    assert.throws(() => fillTemplate(text, {} as Record<'ref', string>), /No value for \{ref\}/);
  });

  it('picks the "one" form for exactly 1 and the "other" form for every other number', () => {
    const forms = counted('max').parse({ one: 'Only 1 place.', other: 'Up to {max} places.' });
    fc.assert(
      fc.property(fc.integer({ min: -5, max: 1000 }), (n) => {
        const text = fillCounted(forms, n, { max: n });
        assert.equal(text, n === 1 ? 'Only 1 place.' : `Up to ${n} places.`);
      }),
    );
  });

  it('lists the placeholders a text uses, once each', () => {
    assert.deepEqual(placeholdersIn('{ref} and {max}, then {ref} again; {phone:x} is not one'), [
      'ref',
      'max',
    ]);
  });
});

describe('checking content templates', () => {
  const problemsOf = (schema: ZodTypeAny, text: string): string[] => {
    const parsed = schema.safeParse(text);
    return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
  };

  it('accepts a sentence that uses every placeholder it must, in any order and more than once', () => {
    const waiting = template(['position', 'ref']);
    assert.deepEqual(problemsOf(waiting, 'Ref {ref}. You are number {position}. Keep {ref}.'), []);
  });

  it('refuses a sentence that leaves out a placeholder it must show', () => {
    assert.deepEqual(problemsOf(template(['position', 'ref']), 'You are number {position}.'), [
      'must include {ref}',
    ]);
  });

  it('refuses a placeholder the bot cannot fill in there, saying which ones it can', () => {
    assert.deepEqual(problemsOf(template(['ref']), 'Reference {ref} for {name}.'), [
      'uses {name}, which the bot cannot fill in here (it can use {ref})',
    ]);
    assert.deepEqual(problemsOf(template(), 'Hello {name}.'), [
      'uses {name}, which the bot cannot fill in here (it has no placeholders)',
    ]);
  });

  it('refuses a curly bracket that is not part of a placeholder', () => {
    for (const text of ['Reference {ref', 'Reference ref}', 'Reference { ref }', 'Call {phone:999}'])
      assert.match(
        problemsOf(template(['ref'], { optional: ['ref'] }), text).join(' '),
        /not part of a placeholder/,
        text,
      );
  });

  it('lets the "one" form write the number out, but not the "other" form', () => {
    const forms = counted('left', ['seats']);
    assert.equal(
      forms.safeParse({ one: '1 left, you asked for {seats}.', other: '{left} left, you asked for {seats}.' })
        .success,
      true,
    );
    const noCount = forms.safeParse({ one: '1 left, {seats} asked.', other: 'Some left, {seats} asked.' });
    assert.equal(noCount.success, false);
    assert.deepEqual(
      noCount.error?.issues.map((i) => [i.path.join('.'), i.message]),
      [['other', 'must include {left}']],
    );
  });

  it('accepts every sentence made only of the placeholders it provides, and refuses any other name', () => {
    const provides = ['ref', 'max'] as const;
    fc.assert(
      fc.property(pieces, literal, (parts, tail) => {
        const text = `{ref}{max}${asTemplate(parts, tail)}`;
        const unknown = parts.map(([, n]) => n).filter((n) => !(provides as readonly string[]).includes(n));
        const problems = problemsOf(template(provides), text);
        assert.deepEqual(
          problems,
          [...new Set(unknown)].map(
            (n) => `uses {${n}}, which the bot cannot fill in here (it can use {ref}, {max})`,
          ),
        );
      }),
    );
  });
});
