/** "Did you mean …": the closest candidate by edit distance, if close enough. */
export function suggest(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  const limit = Math.max(1, Math.floor(needle.length / 3));
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    // The distance is at least the difference in length: a candidate that far off can never
    // be proposed, and measuring it costs length × length (a 5000-character time zone took
    // seconds against every IANA zone).
    if (Math.abs(candidate.length - needle.length) > limit) continue;
    const d = editDistance(needle, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : undefined;
}

/** Optimal string alignment distance (Levenshtein plus adjacent swaps). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    // the first row and column; the other cells are all written below before they are read
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : i)),
  );
  for (let i = 1; i < rows; i++) {
    // Stryker disable next-line EqualityOperator: a cell past b's end is written, never read
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      // a[-1] and b[-1] are undefined: on the first row and column no swap matches
      if (a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      }
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
