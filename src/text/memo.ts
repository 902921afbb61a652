// Remembers a pure text function's recent answers. Each message is normalised and checked for
// crisis words by both the recogniser and the safeguarding middleware, and short messages (button
// labels, "yes", "help") come again and again across conversations. Long texts are not kept, so
// the memory used stays small.
import { LruCache } from '../store/lruCache.js';

const MAX_REMEMBERED_LENGTH = 300;

export function memoiseText<R>(fn: (text: string) => R, capacity = 1_000): (text: string) => R {
  const answers = new LruCache<string, { answer: R }>(capacity);
  return (text: string) => {
    if (text.length > MAX_REMEMBERED_LENGTH) return fn(text);
    const known = answers.get(text);
    if (known) return known.answer;
    const answer = fn(text);
    answers.set(text, { answer });
    return answer;
  };
}
