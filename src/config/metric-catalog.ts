/**
 * The metric catalog of a goals file: the built-ins, overridden and extended
 * by its metrics:, derived metrics (from:, statistic:, within:, hours:)
 * read in the unit of the metric they derive from.
 */
import type { CustomMetricInput, MetricDefinition, Statistic } from '../core/metrics.js';
import { buildCatalog } from '../core/metrics.js';
import { parseValue } from '../core/values.js';
import type { MetricInput } from './schema.js';

/** The metrics: of goals.yaml as the core reads them; a `within:` that does not parse is left out (a finding says why). */
export function customMetrics(metrics: readonly MetricInput[]): CustomMetricInput[] {
  const plain = buildCatalog(metrics.map(({ id, unit }) => ({ id, unit })));
  return metrics.map((m) => {
    const { from, statistic, within, hours, ...rest } = m;
    if (from === undefined) return rest;
    const fromUnit = plain.get(from)?.unit;
    const threshold =
      within === undefined || fromUnit === undefined ? undefined : parseValue(within, fromUnit);
    return {
      ...rest,
      derived: {
        from,
        statistic: statistic as Statistic | undefined,
        within: threshold && 'value' in threshold ? threshold.value : undefined,
        hours,
      },
    };
  });
}

export function catalogOf(metrics: readonly MetricInput[]): Map<string, MetricDefinition> {
  return buildCatalog(customMetrics(metrics));
}
