/**
 * `goals explain ID`: one goal and every number behind its status — the
 * goal as resolved, the rules of DESIGN §6 tried in order, each figure with
 * its formula and inputs, and the snapshots used.
 */
import type { ChalkInstance } from 'chalk';
import { GOAL_TYPES } from '../../core/compare.js';
import { daysBetween } from '../../core/dates.js';
import { formatDuration } from '../../core/duration.js';
import type { Figure, FigureKind, GoalEvaluation } from '../../core/evaluate-goal.js';
import { formatNumber, formatRate, formatRatio } from '../../core/format-value.js';
import type { MetricDefinition, MetricUnit } from '../../core/metrics.js';
import { formatSegment } from '../../core/snapshot.js';
import type { Point, Segment } from '../../core/snapshot.js';
import { statusLabel } from '../../core/status.js';
import { sanitizeLine } from '../../core/text.js';
import { plural } from '../findings.js';
import { formatSample } from '../goals-report/report-text.js';
import { displayWidth, padEnd, wrapText } from '../text-width.js';
import { formatChance, formatTarget, statusText } from './goal-text.js';
import { escapeUnsafeJson, goalJson, roundTo } from './json.js';
import { statusPaint } from './table.js';

export interface ExplainInput {
  config: string;
  title: string;
  owner: string | undefined;
  objective: { id: string; title: string | undefined } | undefined;
  metric: MetricDefinition;
  segment: Segment;
  /** `closed` goals are explained as of the date asked, like the others. */
  lifecycle: 'active' | 'closed';
  milestones: Array<{ date: string; value: number }>;
  evaluation: GoalEvaluation;
}

const FIGURE_LABEL: Readonly<Record<Figure['name'], string>> = {
  current: 'current',
  baseline: 'baseline',
  target: 'target',
  held: 'held',
  progress: 'progress',
  expectedProgress: 'expected progress',
  forecast: 'forecast',
  forecastProgress: 'forecast progress',
  forecastInterval: '80 % interval',
  chance: 'chance',
  'pace.perWeek': 'pace (recent)',
  'pace.neededPerWeek': 'pace (needed)',
  daysLeft: 'days left',
  sample: 'sample (rows)',
  stale: 'stale',
};

/** A value as explain shows it: more precise than the table, durations also in seconds. */
export function formatExplainValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(value, 2)} %`;
    case 'duration':
      return `${formatDuration(value)} (${formatNumber(value, 0)} s)`;
    default:
      return formatNumber(value, 2);
  }
}

function formatFigureValue(
  value: number | string | boolean | null,
  kind: FigureKind,
  unit: MetricUnit,
): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'string') return sanitizeLine(value);
  switch (kind) {
    case 'value':
      return formatExplainValue(value, unit);
    case 'ratio':
      return formatRatio(value);
    case 'rate':
      return formatRate(value, unit, true);
    case 'days':
      return plural(Number(formatNumber(value, 2)), 'day');
    default:
      return formatNumber(value, 2);
  }
}

export function formatExplainText(
  input: ExplainInput,
  options: { chalk: ChalkInstance; width: number },
): string {
  const { chalk } = options;
  const width = Math.max(60, options.width);
  const e = input.evaluation;
  const unit = e.unit;
  const fmt = (v: number) => formatExplainValue(v, unit);
  const row = (label: string, text: string) =>
    `  ${chalk.dim(padEnd(label, 10))} ${wrapText(text, width - 13, 13)}\n`;

  let out = `${chalk.bold(sanitizeLine(e.id))}  ${sanitizeLine(input.title)}\n`;
  if (input.objective) {
    const title = input.objective.title ? ` — ${sanitizeLine(input.objective.title)}` : '';
    out += row('objective', `${sanitizeLine(input.objective.id)}${title}`);
  }
  if (input.owner) out += row('owner', sanitizeLine(input.owner));
  const better = { increase: 'higher is better', decrease: 'lower is better', neutral: 'neutral' };
  out += row(
    'metric',
    `${input.metric.id} (${sanitizeLine(input.metric.name)}), ${unit}, ${better[input.metric.direction]}`,
  );
  out += row('segment', sanitizeLine(formatSegment(input.segment)));
  const typeText = GOAL_TYPES[e.type].isStay
    ? `${e.type}: keep every snapshot ${formatTarget(e)} from start to deadline`
    : `${e.type}: reach ${GOAL_TYPES[e.type].operator} ${e.target === null ? '—' : fmt(e.target)} by the deadline`;
  out += row('type', typeText);
  const length = daysBetween(e.start, e.deadline) + 1;
  const milestones =
    input.milestones.length > 0
      ? `; milestones ${input.milestones.map((m) => `${m.date} ${fmt(m.value)}`).join(', ')}`
      : '';
  out += row('period', `${e.start} → ${e.deadline} (${plural(length, 'day')})${milestones}`);
  const left =
    e.daysLeft > 0
      ? `${plural(e.daysLeft, 'day')} left`
      : e.daysLeft === 0
        ? 'the deadline is today'
        : `the deadline passed ${plural(-e.daysLeft, 'day')} ago: judged on ${e.judgedAt}`;
  out += row('as of', `${e.asOf}, ${left}`);
  if (input.lifecycle === 'closed') out += row('lifecycle', 'closed: not checked by goals check');

  out += `\n${chalk.bold('Status')}  ${statusPaint(chalk, e.status)(statusText(e.status))}${e.stale ? chalk.yellow('  ⚠ stale') : ''}\n`;
  out += chalk.dim('  the status rules in order; the first that holds decides\n');
  e.checks.forEach((c, i) => {
    const mark = c.holds ? chalk.bold('yes') : chalk.dim('no ');
    const label = padEnd(`${i + 1} ${c.status}`, 14);
    out += `  ${c.holds ? statusPaint(chalk, c.status)(label) : label} ${mark}  ${wrapText(sanitizeLine(c.reason), width - 22, 22)}\n`;
  });

  out += `\n${chalk.bold('Figures')}\n`;
  const labelWidth = Math.max(...e.figures.map((f) => displayWidth(FIGURE_LABEL[f.name])));
  const indent = 6;
  const under = (text: string) =>
    `${' '.repeat(indent)}${wrapText(text, width - indent, indent)}\n`;
  for (const f of e.figures) {
    // A chance is never shown as a certain 0 % or 100 % that it is not.
    const value =
      f.name === 'chance' && typeof f.value === 'number'
        ? formatChance(f.value, 1)
        : formatFigureValue(f.value, f.kind, unit);
    out += `  ${padEnd(FIGURE_LABEL[f.name], labelWidth)}  ${chalk.bold(value)}\n`;
    out += under(`= ${f.formula}`);
    const inputs = f.inputs
      .map((i) => `${i.name} ${formatFigureValue(i.value, i.kind, unit)}`)
      .join(' · ');
    if (inputs) out += chalk.dim(under(inputs));
    if (f.note) out += chalk.yellow(under(f.note));
  }

  const used = snapshotsUsed(e);
  out += `\n${chalk.bold(`Snapshots used (${used.length})`)}`;
  out += used.length === 0 ? chalk.dim('  none\n') : '\n';
  const valueCol = Math.max(...used.map((u) => displayWidth(fmt(u.point.value))), 5);
  const rolesAt = 2 + 10 + 2 + valueCol + 2;
  for (const u of used) {
    // a records snapshot shows the rows behind it: `n = 9 · current, sample (rows)`
    const sample = formatSample(u.point);
    const text = `${sample ? `${sample} · ` : ''}${u.roles.join(', ')}`;
    const roles = wrapText(text, width - rolesAt, rolesAt);
    out += `  ${u.point.date}  ${padEnd(fmt(u.point.value), valueCol)}  ${chalk.dim(roles)}\n`;
  }
  return out;
}

/** Every snapshot some figure used, by date, with the figures that used it. */
function snapshotsUsed(e: GoalEvaluation): Array<{ point: Point; roles: string[] }> {
  const byDate = new Map<string, { point: Point; roles: string[] }>();
  for (const f of e.figures) {
    for (const p of f.snapshots) {
      const entry = byDate.get(p.date) ?? { point: p, roles: [] };
      const role = FIGURE_LABEL[f.name];
      if (!entry.roles.includes(role)) entry.roles.push(role);
      byDate.set(p.date, entry);
    }
  }
  return [...byDate.values()].sort((a, b) => (a.point.date < b.point.date ? -1 : 1));
}

const DIGITS: Partial<Record<FigureKind, number>> = { value: 2, ratio: 3, rate: 2, days: 2 };

/** `goals explain --format json`: the goal as in check's JSON, the rules, the figures, the snapshots. */
export function formatExplainJson(input: ExplainInput): string {
  const e = input.evaluation;
  const round = (value: number | string | boolean | null, kind: FigureKind) =>
    typeof value === 'number' ? roundTo(value, DIGITS[kind] ?? 2) : value;
  const body = {
    version: 1,
    asOf: e.asOf,
    config: input.config,
    goal: goalJson({
      evaluation: e,
      title: input.title,
      objective: input.objective?.id,
      owner: input.owner,
      segment: input.segment,
      line: 0,
      column: 0,
      failures: [],
    }),
    status: { status: e.status, label: statusLabel(e.status), checks: e.checks },
    figures: e.figures.map((f) => ({
      name: f.name,
      value: round(f.value, f.kind),
      kind: f.kind,
      formula: f.formula,
      inputs: f.inputs.map((i) => ({ name: i.name, value: round(i.value, i.kind), kind: i.kind })),
      snapshots: f.snapshots.map((p) => p.date),
      note: f.note ?? null,
    })),
    snapshots: snapshotsUsed(e).map((u) => ({
      date: u.point.date,
      value: roundTo(u.point.value, 4),
      ...(u.point.n === undefined ? {} : { n: u.point.n }),
      ...(u.point.partial ? { partial: true } : {}),
      usedFor: u.roles,
    })),
  };
  return `${escapeUnsafeJson(JSON.stringify(body, null, 2))}\n`;
}
