import assert from 'node:assert/strict';
import fc from 'fast-check';
import sinon from 'sinon';
import { memoiseText } from '../../src/text/memo.js';

describe('remembering text answers', () => {
  it('answers exactly as the function does, calling it once per short text', () => {
    const upper = sinon.spy((text: string) => text.toUpperCase());
    const remembered = memoiseText(upper, 10);
    assert.equal(remembered('help'), 'HELP');
    assert.equal(remembered('help'), 'HELP');
    assert.equal(upper.callCount, 1);
  });

  it('remembers answers that are undefined too', () => {
    const nothing = sinon.spy((_text: string) => undefined);
    const remembered = memoiseText(nothing, 10);
    remembered('a');
    remembered('a');
    assert.equal(nothing.callCount, 1);
  });

  it('keeps at most its capacity and never keeps long texts', () => {
    const length = sinon.spy((text: string) => text.length);
    const remembered = memoiseText(length, 2);
    remembered('one');
    remembered('two');
    remembered('three'); // "one" is dropped
    remembered('one');
    assert.equal(length.callCount, 4);
    const long = 'x'.repeat(301);
    remembered(long);
    remembered(long);
    assert.equal(length.callCount, 6);
  });

  it('gives the same answers as the function for any run of texts, whatever it forgets', () => {
    const shout = (text: string) => `${text.trim().toUpperCase()}!`;
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 400 }), { maxLength: 60 }), fc.nat(5), (texts, extra) => {
        const remembered = memoiseText(shout, 1 + extra);
        for (const text of [...texts, ...texts.slice().reverse()])
          assert.equal(remembered(text), shout(text));
      }),
    );
  });
});
