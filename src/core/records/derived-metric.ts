/**
 * Derived metrics (`metrics:` with `from:`, DESIGN §11): a statistic of
 * another metric's per-row values — mean, median or a type-7 percentile
 * pNN — or the share of rows whose value is within a threshold (≤, percent,
 * higher is better). Both read the rows the `from` metric reads, put them in
 * the same periods, and honour `hours: business` for durations.
 */
import type { MetricDerivation } from '../metrics.js';
import { quantileOfStatistic } from './percentile.js';
import type { Hours, RowMetric, RowReader, SourceTraits } from './record-metric.js';

/** How a derived metric turns a period's values into its value. */
export type DerivedSummary =
  { kind: 'mean' } | { kind: 'quantile'; q: number } | { kind: 'within'; threshold: number };

/**
 * What is wrong with a derivation, for a config finding (undefined: nothing).
 * `base` is the built-in records metric named by `from:`, if there is one.
 */
export function derivationProblem(
  derivation: MetricDerivation,
  base: RowMetric | undefined,
  derivable: readonly string[],
): string | undefined {
  if (!base || base.derivable === 'no') {
    return `from: ${derivation.from} has no value per row to derive from; use one of ${derivable.join(', ')}`;
  }
  if (derivation.statistic !== undefined && derivation.within !== undefined) {
    return 'give either statistic: or within:, not both';
  }
  if (derivation.statistic === undefined && derivation.within === undefined) {
    return 'a derived metric needs statistic: (mean, median, p90 …) or within: (a threshold)';
  }
  if (
    derivation.statistic !== undefined &&
    derivation.statistic !== 'mean' &&
    quantileOfStatistic(derivation.statistic) === undefined
  ) {
    return `statistic: ${derivation.statistic} is not a statistic; use mean, median or pNN (p0 … p100, e.g. p90)`;
  }
  if (derivation.hours === 'business' && base.derivable !== 'business') {
    return `hours: business applies to first_response_time and resolution_time, not to ${derivation.from}`;
  }
  return undefined;
}

/** The summary of a valid derivation. */
export function derivedSummary(derivation: MetricDerivation): DerivedSummary {
  if (derivation.within !== undefined) return { kind: 'within', threshold: derivation.within };
  const q =
    derivation.statistic === undefined ? undefined : quantileOfStatistic(derivation.statistic);
  return q === undefined ? { kind: 'mean' } : { kind: 'quantile', q };
}

/** The hours a derivation measures in (calendar unless `hours: business`). */
export function derivedHours(derivation: MetricDerivation): Hours {
  return derivation.hours === 'business' ? 'business' : 'calendar';
}

/**
 * The reader of a derived metric: the base metric's rows and periods; for
 * `within:`, each row counts 1 when its value is ≤ the threshold, else 0.
 */
export function derivedReader(
  base: RowMetric,
  derivation: MetricDerivation,
  source: SourceTraits,
): RowReader {
  const reader = base.reader(source, derivedHours(derivation));
  const threshold = derivation.within;
  if (threshold === undefined) return reader;
  return {
    periodOf: reader.periodOf,
    valueOf: (row) => {
      const value = reader.valueOf(row);
      return value === undefined ? undefined : value <= threshold ? 1 : 0;
    },
  };
}
