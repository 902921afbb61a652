// Edit distance for matching what people type against short known words and names. It gives the
// same numbers as natural's restricted DamerauLevenshteinDistance (tests/text/editDistance.test.ts
// checks) but uses flat number arrays instead of one object per cell, and stops as soon as the
// answer must exceed the limit: natural's version was a quarter of all CPU under a realistic load.

/**
 * Restricted Damerau-Levenshtein distance (optimal string alignment), or max + 1 as soon as it
 * must be more than max.
 */
export function boundedEditDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const m = b.length;
  let before = new Int32Array(m + 1);
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  let previousMin = 0;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const cb = b.charCodeAt(j - 1);
      let d = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb)
        d = Math.min(d, before[j - 2] + 1);
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    // A swap reaches back two rows, so every way to the end passes through one of the last two.
    if (rowMin > max && previousMin > max) return max + 1;
    previousMin = rowMin;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[m], max + 1);
}
