import assert from 'node:assert/strict';
import { LruCache } from '../../src/store/lruCache.js';

describe('LRU cache', () => {
  it('keeps at most its capacity, dropping the least recently used', () => {
    const cache = new LruCache<string, number>(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.equal(cache.get('a'), 1); // "a" is now the most recent
    cache.set('c', 3);
    assert.equal(cache.size, 2);
    assert.equal(cache.get('b'), undefined);
    assert.equal(cache.get('a'), 1);
    assert.equal(cache.get('c'), 3);
    cache.delete('a');
    assert.equal(cache.get('a'), undefined);
  });
});
