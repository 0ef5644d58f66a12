import type { ChalkInstance } from 'chalk';
import Table from 'cli-table3';
import type { MetricDefinition } from '../core/metrics.js';
import { formatMetricValue } from '../core/format-value.js';
import { sanitizeLine } from '../core/text.js';

function rangeText(m: MetricDefinition): string {
  const [min, max] = m.range;
  const f = (v: number) => formatMetricValue(v, m.unit).replace(' %', '');
  if (min !== null && max !== null) return `${f(min)}–${f(max)}`;
  if (min !== null) return `≥ ${f(min)}`;
  if (max !== null) return `≤ ${f(max)}`;
  return 'any';
}

const BETTER = { increase: 'higher', decrease: 'lower', neutral: '—' } as const;

export function formatMetricsTable(
  metrics: readonly MetricDefinition[],
  options: { chalk: ChalkInstance; width: number },
): string {
  const { chalk } = options;
  const wide = options.width >= 110;
  const head = ['id', 'name', 'unit', 'better', 'range', ...(wide ? ['from raw rows'] : [])];
  const table = new Table({
    head: head.map((h) => chalk.bold(h)),
    style: { head: [], border: [], compact: true, 'padding-left': 0, 'padding-right': 0 },
    chars: {
      top: '',
      'top-mid': '',
      'top-left': '',
      'top-right': '',
      bottom: '',
      'bottom-mid': '',
      'bottom-left': '',
      'bottom-right': '',
      left: '',
      'left-mid': '',
      mid: '',
      'mid-mid': '',
      right: '',
      'right-mid': '',
      middle: '  ',
    },
    ...(wide
      ? {
          colWidths: [null, null, null, null, null, Math.max(20, options.width - 75)] as never,
          wordWrap: true,
        }
      : {}),
  });
  for (const m of metrics) {
    table.push([
      m.origin === 'custom' ? `${m.id} ${chalk.cyan('*')}` : m.id,
      sanitizeLine(m.name),
      m.unit,
      BETTER[m.direction],
      rangeText(m),
      ...(wide ? [sanitizeLine(m.formula ?? '')] : []),
    ]);
  }
  // Columns are apart by `middle` alone: no margin before the first, no padding after the last.
  let out = `${table
    .toString()
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')}\n`;
  if (metrics.some((m) => m.origin === 'custom'))
    out += `\n${chalk.cyan('*')} declared in goals.yaml\n`;
  if (!wide)
    out += `\n${chalk.dim('Formulas: goals metrics --format json, or a terminal of 110 columns or more.')}\n`;
  return out;
}

export function formatMetricsJson(metrics: readonly MetricDefinition[]): string {
  return `${JSON.stringify(
    {
      version: 1,
      metrics: metrics.map((m) => ({
        id: m.id,
        name: m.name,
        unit: m.unit,
        direction: m.direction,
        range: m.range,
        formula: m.formula ?? null,
        description: m.description ?? null,
        origin: m.origin,
      })),
    },
    null,
    2,
  )}\n`;
}
