/**
 * Percentiles of type 7 (Hyndman & Fan), numpy's and R's default: for
 * sorted values x₀ … xₙ₋₁ and a fraction q, h = (n − 1)·q and the result is
 * x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋), interpolating linearly between the two
 * values around position h. Computed as numpy computes it, to the last bit.
 */

/** The q-quantile (0 ≤ q ≤ 1) of values sorted ascending; undefined for none. */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number | undefined {
  const n = sorted.length;
  // Stryker disable next-line ConditionalExpression: without it, lo ≥ n − 1 returns sorted[−1], undefined too
  if (n === 0) return undefined;
  const h = (n - 1) * q;
  const lo = Math.floor(h);
  const below = sorted[lo]!;
  if (lo >= n - 1) return sorted[n - 1]!;
  const above = sorted[lo + 1]!;
  const fraction = h - lo;
  // numpy's lerp: from the nearer end, so q = 1 − ε stays ≤ the largest value.
  return fraction < 0.5
    ? below + (above - below) * fraction
    : above - (above - below) * (1 - fraction);
}

/** The q-quantile (0 ≤ q ≤ 1) of values in any order (they are sorted in place). */
export function quantile(values: Float64Array, q: number): number | undefined {
  return quantileSorted(values.sort(), q);
}

/** The median: the 0.5-quantile, so the mean of the middle two for an even count. */
export function median(values: Float64Array): number | undefined {
  return quantile(values, 0.5);
}

/**
 * The fraction of a `statistic:` name: `median` → 0.5, `p90` → 0.9,
 * `p99.9` → 0.999; undefined for `mean` and for anything else
 * (`p101`, `p-5`, `q90`).
 */
export function quantileOfStatistic(statistic: string): number | undefined {
  if (statistic === 'median') return 0.5;
  const m = /^p(\d{1,3}(?:\.\d+)?)$/.exec(statistic);
  if (!m) return undefined;
  const percent = Number(m[1]);
  return percent <= 100 ? percent / 100 : undefined;
}
