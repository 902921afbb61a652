import assert from 'node:assert/strict';
import { backoffMs, DEFAULT_RETRY_POLICY, isConflict, isNotFound } from '../../src/store/etagRetry.js';

describe('ETag retry policy', () => {
  it('waits a random time below a ceiling that doubles per attempt up to the maximum', () => {
    const policy = { maxAttempts: 10, baseDelayMs: 5, maxDelayMs: 100 };
    const top = () => 0.999999;
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7].map((attempt) => backoffMs(policy, attempt, top)),
      [4, 9, 19, 39, 79, 99, 99],
    );
    assert.equal(
      backoffMs(policy, 3, () => 0),
      0,
    );
    assert.equal(backoffMs(policy, 1000, top), 99, 'no overflow for many attempts');
  });

  it('treats 412 and 409 as conflicts, 404 as not found, and nothing else as either', () => {
    assert.ok(isConflict({ statusCode: 412 }) && isConflict({ statusCode: 409 }));
    assert.ok(!isConflict({ statusCode: 500 }) && !isConflict(new Error('x')) && !isConflict(undefined));
    assert.ok(isNotFound({ statusCode: 404 }) && !isNotFound({ statusCode: 412 }));
  });

  it('gives up within a bounded time by default', () => {
    let worst = 0;
    for (let a = 1; a < DEFAULT_RETRY_POLICY.maxAttempts; a++)
      worst += backoffMs(DEFAULT_RETRY_POLICY, a, () => 1);
    assert.ok(worst <= 10_000, `worst-case waiting ${worst} ms`);
  });
});
