import assert from 'node:assert/strict';
import fc from 'fast-check';
import { redactPersonalData } from '../../src/insights/redact.js';

describe('redacting personal data from kept questions', () => {
  const cases: [string, string, RegExp][] = [
    ['an email', 'email me at jo.bloggs+test@example.co.uk please', /jo\.bloggs|example\.co\.uk/],
    ['a mobile number', 'call me on 07700 900123', /07700|900123/],
    ['an international number', 'ring +44 (0)20 7946 0958 tomorrow', /7946|0958/],
    ['a postcode', 'I live at KT1 1EU near the station', /KT1 1EU/i],
    ['a postcode without a space', 'near kt64qw', /kt64qw/i],
    ['a name given in a sentence', 'Hi my name is Priya Shah and I need help', /Priya|Shah/],
    ['a name in lower case', 'hiya my name is priya', /priya/],
    ['a booking reference', 'cancel booking SK-7Q4-M2P', /7Q4|M2P/],
    ['a link', 'see https://example.org/users/12345', /example\.org/],
  ];
  for (const [what, text, leak] of cases) {
    it(`removes ${what}`, () => {
      const out = redactPersonalData(text);
      assert.doesNotMatch(out, leak, out);
    });
  }

  it('keeps an ordinary question as it is', () => {
    assert.equal(
      redactPersonalData('how do I join a ward panel in Tolworth?'),
      'how do I join a ward panel in Tolworth?',
    );
  });

  it('never lets an email or an 11-digit phone number through, whatever surrounds it', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }),
        fc.stringMatching(/^[a-z]{1,8}@[a-z]{1,8}\.(com|org|uk)$/),
        fc.stringMatching(/^07\d{9}$/),
        fc.string({ maxLength: 40 }),
        (before, email, phone, after) => {
          const out = redactPersonalData(`${before} ${email} ${phone} ${after}`);
          return !out.includes(email) && !out.includes(phone);
        },
      ),
    );
  });
});
