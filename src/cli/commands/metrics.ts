/** `goals metrics`: the catalog, built-in and custom, with units, ranges and formulas. */
import { formatMetricsJson, formatMetricsTable } from '../../report/metrics.js';
import type { CommandContext, ExitCode } from '../context.js';
import { terminalWidth } from '../io.js';
import { findConfig } from '../../config/find-config.js';
import { loadGoals } from '../../config/load-goals.js';
import { catalogOf } from '../../config/metric-catalog.js';
import { BUILTIN_METRICS } from '../../core/metrics.js';
import type { MetricDefinition } from '../../core/metrics.js';
import { isGoalsError } from '../../core/errors.js';

export async function metricsCommand(
  ctx: CommandContext,
  options: { format: 'table' | 'json' },
): Promise<ExitCode> {
  const metrics = [...catalogFor(ctx).values()];
  ctx.io.stdout.write(
    options.format === 'json'
      ? formatMetricsJson(metrics)
      : formatMetricsTable(metrics, { chalk: ctx.chalk, width: terminalWidth(ctx.io) }),
  );
  return 0;
}

/**
 * The built-in catalog plus the custom metrics of goals.yaml, when there is
 * one; without a goals file (or with -c missing) the built-ins alone.
 */
function catalogFor(ctx: CommandContext): Map<string, MetricDefinition> {
  let path: string;
  try {
    path = findConfig(ctx.io.cwd, ctx.global.config);
  } catch (error) {
    if (isGoalsError(error) && !ctx.global.config)
      return new Map(BUILTIN_METRICS.map((m) => [m.id, m]));
    throw error;
  }
  return catalogOf(loadGoals(path, ctx.io.cwd).config.metrics);
}
