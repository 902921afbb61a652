// Long messages take the same paths as short ones, with patterns bounded so their work grows
// with the length, not its square (bench:messages prints the milliseconds; here, the answers).
import assert from 'node:assert/strict';
import { redactPersonalData } from '../../src/insights/redact.js';
import { stem } from '../../src/text/natural.js';
import { features, MAX_CLASSIFIED_CHARACTERS } from '../../src/understanding/features.js';
import { normalise } from '../../src/understanding/normalise.js';

const local64 = 'a'.repeat(60) + '.bcd';

describe('text: long messages', () => {
  it('still reads email addresses with the longest usual first part, and one longer', () => {
    assert.equal(normalise(`write to ${local64}@example.org today`), 'write to emailaddress today');
    assert.ok(!normalise(`${'x'.repeat(100)}@example.org`).includes('@'));
    assert.equal(redactPersonalData(`write to ${local64}@example.org today`), 'write to [email] today');
    const longer = redactPersonalData(`${'x'.repeat(100)}@example.org`);
    assert.ok(!longer.includes('@') && !longer.includes('example.org') && longer.endsWith('[email]'), longer);
  });

  it('redacts long codes that mix letters and digits, and keeps ones of letters only', () => {
    assert.equal(redactPersonalData('ref HC-7KQ4M-2XD9P ok'), 'ref [reference] ok');
    assert.equal(
      redactPersonalData(`${'AB-'.repeat(3000)}CD`),
      `${'AB-'.repeat(3000)}CD`.slice(0, 300) + '…',
    );
    assert.equal(redactPersonalData(`${'AB-'.repeat(3000)}C9`), '[reference]');
  });

  it('keeps 10,000 letters in a row as one squeezed word, and stems only word-length words', () => {
    assert.equal(normalise('x'.repeat(10_000)), 'xx');
    assert.equal(normalise('ab'.repeat(5_000)), 'ab'.repeat(5_000));
    assert.equal(stem('volunteering'), 'volunt');
    assert.equal(stem('y'.repeat(41)), 'y'.repeat(41));
  });

  it('classifies from the start of a long message only', () => {
    const start = 'i want to volunteer in my area ';
    const long = start + 'and the street is noisy at night '.repeat(300);
    assert.ok(long.length > 5 * MAX_CLASSIFIED_CHARACTERS);
    assert.deepEqual(features(long), features(long.slice(0, MAX_CLASSIFIED_CHARACTERS)));
    assert.ok(features(long).includes('w:volunt'));
  });
});
