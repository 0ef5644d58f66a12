/**
 * `goals import --inspect` of a records export, for people: how the file is
 * read, which column each field comes from (declared, or recognised by the
 * preset) and how its cells are read, which metrics will be computed and
 * why the others will not (the field they lack), and the first snapshots.
 */
import type { ChalkInstance } from 'chalk';
import { formatMetricValue } from '../../core/format-value.js';
import type { MetricDefinition } from '../../core/metrics.js';
import { formatSegment, parseSegmentKey } from '../../core/snapshot.js';
import { sanitizeLine } from '../../core/text.js';
import type { RecordsInspectResult } from '../../import/inspect-records.js';
import type { ResolvedField } from '../../import/resolve-fields.js';
import { displayWidth, truncate } from '../text-width.js';
import { count, labelled, pad, readingLines, tableLines, verdictLines } from './inspect.js';

const BUSINESS_FIELDS = new Set(['first_reply_business', 'resolution_business']);

/** "created: timestamp, YYYY-MM-DD (detected) + time of day from "Time"". */
function describeField(
  f: ResolvedField,
  result: RecordsInspectResult,
  columnName: (index: number) => string,
): string {
  const learned = result.outcome?.dateFormat;
  let how: string;
  switch (f.kind) {
    case 'timestamp':
    case 'timestamp-or-duration':
    case 'yes-no-or-timestamp': {
      const format = f.format ? `${f.format} (declared)` : learned ? `${learned} (detected)` : '';
      how =
        f.kind === 'timestamp'
          ? `timestamp${format ? `, ${format}` : ''}`
          : f.kind === 'timestamp-or-duration'
            ? 'timestamp or duration (the first value decides)'
            : 'yes/no or a timestamp (the first value decides)';
      if (f.time) how += ` + time of day from "${sanitizeLine(columnName(f.time.index))}"`;
      break;
    }
    case 'duration':
      how = f.unit ? `duration in ${f.unit}` : 'duration (values need a unit: 0:04:43, 2h30m)';
      if (BUSINESS_FIELDS.has(f.field)) how += ', business hours';
      break;
    case 'rating':
      how =
        f.scales.length === 1
          ? `rating, scale ${f.scales[0]}`
          : result.outcome?.ratingScale
            ? `rating, scale ${result.outcome.ratingScale} (of ${f.scales.join(' or ')}, from its values)`
            : `rating, scale ${f.scales.join(' or ')} (the first rating decides)`;
      break;
    case 'count':
      how = 'whole number';
      break;
    case 'yes-no':
      how = 'yes/no';
      break;
    default:
      how = 'text';
  }
  const missing = [...f.missing].filter((m) => !result.records?.missing.has(m));
  const extra =
    missing.length > 0 ? `; no value: ${missing.map((m) => JSON.stringify(m)).join(', ')}` : '';
  return `→ ${f.field}: ${how}${extra}${f.origin === 'preset' ? ' (preset)' : ''}`;
}

/**
 * Why a metric is not computed, with what would make it so: the export's
 * business-hours first reply is not a calendar one, but a derived metric
 * reads it.
 */
function whyNot(metric: string, missing: string, fields: readonly ResolvedField[]): string {
  const has = (field: string) => fields.some((f) => f.field === field);
  if (metric === 'first_response_time' && has('first_reply_business') && !has('first_reply')) {
    return `needs ${missing}; the export's first reply is in business hours: declare - { id: first_response_time_bh, from: first_response_time, statistic: mean, hours: business } under metrics:`;
  }
  if (
    metric === 'resolution_time' &&
    has('resolution_business') &&
    !has('solved') &&
    !has('resolution')
  ) {
    return `needs ${missing}; the export's resolution time is in business hours: declare - { id: resolution_time_bh, from: resolution_time, statistic: mean, hours: business } under metrics:`;
  }
  return `needs ${missing}`;
}

export function formatInspectRecords(
  result: RecordsInspectResult,
  options: { chalk: ChalkInstance; catalog: ReadonlyMap<string, MetricDefinition> },
): string {
  const { chalk, catalog } = options;
  const { records, outcome } = result;
  const lines = readingLines(result, chalk);
  const field = (name: string, value: string) => lines.push(labelled(chalk, name, value));
  const preset = records?.isPresetDeclared ? records.preset?.preset : undefined;
  field('Layout', `records${preset ? `, preset ${preset.id} (${preset.name})` : ''}`);
  if (result.recognised) {
    field(
      'Looks like',
      `a ${result.recognised.preset.name}: --preset ${result.recognised.preset.id} (preset: ${result.recognised.preset.id} in goals.yaml) maps ${count(result.recognised.recognised.length, 'column')} by itself`,
    );
  }
  if (records) {
    const zone = { declared: 'declared', header: 'from the header', settings: 'settings.timezone' }[
      records.timeZoneSource
    ];
    field('Time zone', `${records.timeZone} (${zone}) for timestamps without an offset`);
    const context = result.spec.records!.context;
    const span = outcome?.periods ? `: ${outcome.periods.first} … ${outcome.periods.last}` : '';
    field('Periods', `${records.period}, as days in ${context.timeZone}${span}`);
    if (context.calendar) field('Calendar', `${context.calendar.name} (business hours)`);
    if (records.missing.size > 0) {
      field('No value', [...records.missing].map((m) => JSON.stringify(m)).join(', '));
    }
  }
  if (outcome) {
    const ids =
      outcome.ids !== undefined
        ? `, ${count(outcome.ids, 'id')}${outcome.supersededRows > 0 ? ` (an event log: ${count(outcome.supersededRows, 'earlier row')} of an id left out, its last row kept)` : ''}`
        : '';
    field(
      'Rows',
      `${outcome.rows.toLocaleString('en-US')} (${count(outcome.badRows, 'bad row')})${ids}, ${count(outcome.snapshots, 'snapshot')}`,
    );
  }

  const headerAt =
    result.headerLine === 0
      ? 'named by header: in goals.yaml'
      : result.rows.scan
        ? `header on line ${result.headerLine}`
        : 'of the result';
  lines.push('', chalk.bold(`Columns (${headerAt})`));
  const width = Math.min(
    32,
    Math.max(9, ...result.header.map((h) => displayWidth(sanitizeLine(h)))),
  );
  const columnName = (index: number) => result.header[index] ?? '';
  result.header.forEach((name, index) => {
    const shown = name === '' ? chalk.dim('(no name)') : truncate(sanitizeLine(name), width);
    const roles: string[] = [];
    for (const f of records?.fields ?? []) {
      if (f.index === index) roles.push(describeField(f, result, columnName));
      if (f.time?.index === index) roles.push(`time of day of ${f.field}`);
    }
    const segment = records?.segments.find((s) => s.index === index);
    if (segment) roles.push(`segment ${sanitizeLine(segment.key)}`);
    lines.push(
      `  ${String(index + 1).padStart(3)}  ${pad(shown, width)}  ${roles.length > 0 ? roles.join('; ') : chalk.dim('not mapped')}`,
    );
  });

  if (outcome && records) {
    lines.push(
      '',
      chalk.bold(
        `Metrics (per ${records.period}${records.segments.length > 0 ? `, per ${records.segments.map((s) => s.key).join(' and per ')} and in total` : ''})`,
      ),
    );
    const metricWidth = Math.max(...outcome.support.map((s) => s.metric.length));
    for (const s of outcome.support) {
      lines.push(
        s.missing === undefined
          ? `  ${chalk.green('✔')} ${s.metric}`
          : `  ${chalk.dim('·')} ${pad(s.metric, metricWidth)}  ${chalk.dim(whyNot(s.metric, s.missing, records.fields))}`,
      );
    }
    lines.push('', chalk.bold('First snapshots as they would be stored'));
    if (outcome.sample.length === 0) {
      lines.push(chalk.dim('  (none)'));
    } else {
      const rows = outcome.sample.map((s) => {
        const metric = catalog.get(s.metric);
        return [
          s.date,
          s.metric,
          sanitizeLine(formatSegment(parseSegmentKey(s.segment))),
          String(s.n),
          s.partial ? 'partial' : '',
          metric ? formatMetricValue(s.value, metric.unit) : String(s.value),
        ];
      });
      lines.push(...tableLines(['date', 'metric', 'segment', 'n', 'period', 'value'], rows, chalk));
    }
  }
  lines.push(...verdictLines(result.refusal, result.refusalHint, chalk));
  return `${lines.join('\n')}\n`;
}
