/**
 * `goals history ID`: the snapshots of a goal's metric and segment over time
 * — as a terminal chart with the target line, the expected path and the
 * trend with its 80 % interval to the deadline, or as JSON (with the forecast,
 * its interval and the chance) or CSV (formula-safe) for a spreadsheet.
 */
import type { ChalkInstance } from 'chalk';
import { GOAL_TYPES } from '../../core/compare.js';
import { addDays, daysBetween, toDayNumber } from '../../core/dates.js';
import type { IsoDate } from '../../core/dates.js';
import type { GoalEvaluation } from '../../core/evaluate-goal.js';
import { expectedProgressAt } from '../../core/expected-progress.js';
import { formatMetricValue } from '../../core/format-value.js';
import { formatSegment, segmentKey } from '../../core/snapshot.js';
import type { Point, Segment } from '../../core/snapshot.js';
import { sanitizeLine } from '../../core/text.js';
import { plural } from '../findings.js';
import { displayWidth } from '../text-width.js';
import { formatSample } from '../goals-report/report-text.js';
import { formatChance, formatInterval, formatTarget, statusText } from './goal-text.js';
import { escapeUnsafeJson, roundTo } from './json.js';
import { formatLineChart } from './line-chart.js';
import type { ChartLayer } from './line-chart.js';
import { statusPaint } from './table.js';

export interface HistoryInput {
  config: string;
  title: string;
  segment: Segment;
  evaluation: GoalEvaluation;
  /** Every snapshot of the goal's metric and segment, sorted by date. */
  points: Point[];
}

const CHART_HEIGHT = 12;
const MAX_CHART_WIDTH = 100;

/** Snapshots up to as of: history never shows the future of an --as-of date. */
function shownPoints(input: HistoryInput): Point[] {
  return input.points.filter((p) => p.date <= input.evaluation.asOf);
}

/** The expected value on a date, on the path from baseline to target; null outside the goal. */
export function expectedValueAt(e: GoalEvaluation, date: IsoDate): number | null {
  if (e.path.length === 0 || !e.baseline || e.target === null) return null;
  if (date < e.start || date > e.deadline) return null;
  const progress = expectedProgressAt(e.path, date).value;
  return e.baseline.value + progress * (e.target - e.baseline.value);
}

export function formatHistoryChart(
  input: HistoryInput,
  options: { chalk: ChalkInstance; width: number },
): string {
  const { chalk } = options;
  const e = input.evaluation;
  const fmt = (v: number) => formatMetricValue(v, e.unit);
  const all = shownPoints(input);
  // One goal's length of history before its start is context enough.
  const from = addDays(e.start, -daysBetween(e.start, e.deadline));
  const points = all.filter((p) => p.date >= from);
  let out = `${chalk.bold(sanitizeLine(e.id))}  ${sanitizeLine(input.title)}\n`;
  out += chalk.dim(
    `${e.metric} (${sanitizeLine(formatSegment(input.segment))}) · ${plural(all.length, 'snapshot')} up to ${e.asOf}` +
      (points.length < all.length ? ` · charted from ${points[0]?.date ?? from}` : '') +
      '\n',
  );
  if (points.length === 0) {
    out += `\n${chalk.yellow('No snapshots to chart')} for this metric and segment on or before ${e.asOf}.\n`;
    return out;
  }

  const firstDate = points[0]!.date < e.start ? points[0]!.date : e.start;
  const lastPoint = points[points.length - 1]!.date;
  const lastDate = lastPoint > e.deadline ? lastPoint : e.deadline;
  const ys = points.map((p) => p.value);
  if (e.target !== null) ys.push(e.target);
  if (e.baseline) ys.push(e.baseline.value);
  if (e.forecast !== null) ys.push(e.forecast);
  for (const k of e.forecastBand) ys.push(k.low, k.high);
  let [yMin, yMax] = [Math.min(...ys), Math.max(...ys)];
  if (yMin === yMax) [yMin, yMax] = [yMin - 1, yMax + 1];

  const layers: ChartLayer[] = [];
  const expected = e.path.map((k) => ({
    x: toDayNumber(k.date),
    y:
      e.baseline && e.target !== null
        ? e.baseline.value + k.progress * (e.target - e.baseline.value)
        : NaN,
  }));
  if (expected.length > 0 && expected.every((p) => Number.isFinite(p.y))) {
    layers.push({ kind: 'path', points: expected, mark: '·', paint: chalk.dim });
  }
  if (e.target !== null) {
    layers.push({ kind: 'level', points: [{ x: 0, y: e.target }], mark: '─', paint: chalk.green });
  }
  // The 80 % interval, widening from the newest snapshot to the deadline.
  for (const end of ['low', 'high'] as const) {
    if (e.forecastBand.length < 2) break;
    layers.push({
      kind: 'path',
      points: e.forecastBand.map((k) => ({ x: toDayNumber(k.date), y: k[end] })),
      mark: '┈',
      paint: chalk.cyan.dim,
    });
  }
  const isTrendDrawn = e.forecast !== null && e.current !== null && e.current.date < e.deadline;
  if (isTrendDrawn && e.forecast !== null && e.current) {
    layers.push({
      kind: 'path',
      points: [
        { x: toDayNumber(e.current.date), y: e.current.value },
        { x: toDayNumber(e.deadline), y: e.forecast },
      ],
      mark: '╌',
      paint: chalk.cyan.dim,
    });
  }
  // A records snapshot of a period the export does not wholly cover is hollow.
  const partial = points.filter((p) => p.partial);
  layers.push({
    kind: 'points',
    points: points.filter((p) => !p.partial).map((p) => ({ x: toDayNumber(p.date), y: p.value })),
    mark: '●',
    paint: chalk.cyan,
  });
  if (partial.length > 0) {
    layers.push({
      kind: 'points',
      points: partial.map((p) => ({ x: toDayNumber(p.date), y: p.value })),
      mark: '○',
      paint: chalk.cyan,
    });
  }

  const yLabels = [
    ...(e.target !== null ? [{ y: e.target, text: fmt(e.target) }] : []),
    { y: yMax, text: fmt(yMax) },
    { y: yMin, text: fmt(yMin) },
    ...(e.baseline ? [{ y: e.baseline.value, text: fmt(e.baseline.value) }] : []),
  ];
  const gutter = Math.max(...yLabels.map((l) => l.text.length));
  const width = Math.max(20, Math.min(MAX_CHART_WIDTH, options.width - gutter - 3));
  const xLabels = [
    { x: toDayNumber(firstDate), text: firstDate },
    { x: toDayNumber(lastDate), text: lastDate },
    ...(e.deadline !== lastDate
      ? [{ x: toDayNumber(e.deadline), text: `${e.deadline} deadline` }]
      : []),
    ...(e.start !== firstDate ? [{ x: toDayNumber(e.start), text: `${e.start} start` }] : []),
  ];
  out += '\n';
  out += formatLineChart({
    width,
    height: CHART_HEIGHT,
    xRange: [toDayNumber(firstDate), toDayNumber(lastDate)],
    yRange: [yMin, yMax],
    layers,
    yLabels,
    xLabels,
  });

  const legend = [
    `${chalk.cyan('●')} snapshot`,
    ...(partial.length > 0 ? [`${chalk.cyan('○')} partial period`] : []),
    ...(e.target !== null ? [`${chalk.green('─')} target ${formatTarget(e)}`] : []),
    ...(layers.some((l) => l.mark === '·') ? [`${chalk.dim('·')} expected path`] : []),
    ...(isTrendDrawn ? [`${chalk.cyan.dim('╌')} trend to the deadline ${e.deadline}`] : []),
    ...(e.forecastBand.length >= 2 ? [`${chalk.cyan.dim('┈')} its 80 % interval`] : []),
  ];
  out += `\n${joinWrapped(legend, '   ', options.width)}\n`;
  const type = GOAL_TYPES[e.type].isStay ? `${e.type} ` : '';
  const facts = [
    `now ${e.current ? `${fmt(e.current.value)} on ${e.current.date}${formatSample(e.current) ? ` (${formatSample(e.current)})` : ''}` : 'no data'}`,
    ...(e.forecast !== null
      ? [
          `forecast ${fmt(e.forecast)} at ${e.deadline}${e.forecastInterval ? ` (80 %: ${formatInterval(e)})` : ''}`,
        ]
      : []),
    ...(e.chance !== null ? [`chance ${formatChance(e.chance)}`] : []),
    `${type}target ${formatTarget(e)}`,
    statusPaint(chalk, e.status)(statusText(e.status)) + (e.stale ? chalk.yellow(' ⚠ stale') : ''),
  ];
  out += `${joinWrapped(facts, ' · ', options.width)}\n`;
  return out;
}

/** Parts joined by `separator`, starting a new line before a part that would pass `width`. */
function joinWrapped(parts: string[], separator: string, width: number): string {
  let out = '';
  let line = '';
  for (const part of parts) {
    if (line && displayWidth(line + separator + part) >= width) {
      out += `${line}\n`;
      line = part;
    } else line = line ? line + separator + part : part;
  }
  return out + line;
}

export function formatHistoryJson(input: HistoryInput): string {
  const e = input.evaluation;
  const body = {
    version: 1,
    asOf: e.asOf,
    config: input.config,
    goal: e.id,
    metric: e.metric,
    unit: e.unit,
    segment: input.segment,
    type: e.type,
    start: e.start,
    deadline: e.deadline,
    baseline: roundTo(e.baseline?.value ?? null, 2),
    target: roundTo(e.target, 2),
    forecast: roundTo(e.forecast, 2),
    forecastInterval: e.forecastInterval ? e.forecastInterval.map((v) => roundTo(v, 2)) : null,
    chance: roundTo(e.chance, 3),
    snapshots: shownPoints(input).map((p) => ({
      date: p.date,
      value: roundTo(p.value, 4),
      expected: roundTo(expectedValueAt(e, p.date), 4),
      // Records sources (DESIGN §11): the rows behind the value, null for a KPI file's.
      n: p.n ?? null,
      partial: p.partial === true,
    })),
  };
  return `${escapeUnsafeJson(JSON.stringify(body, null, 2))}\n`;
}

/**
 * A CSV text cell: quoted when it must be, and never starting with = + - @
 * (or a tab or carriage return), which spreadsheets would run as a formula.
 */
export function csvText(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function csvNumber(value: number | null): string {
  return value === null ? '' : String(roundTo(value, 4));
}

export function formatHistoryCsv(input: HistoryInput): string {
  const e = input.evaluation;
  let out = 'date,goal,metric,segment,value,expected,target,n,partial\n';
  const segment = segmentKey(input.segment);
  for (const p of shownPoints(input)) {
    out += [
      p.date,
      csvText(e.id),
      csvText(e.metric),
      csvText(segment),
      csvNumber(p.value),
      csvNumber(expectedValueAt(e, p.date)),
      csvNumber(e.target),
      // Records sources: the rows behind the value; both empty for a KPI file's.
      p.n === undefined ? '' : String(p.n),
      p.n === undefined && !p.partial ? '' : String(p.partial === true),
    ].join(',');
    out += '\n';
  }
  return out;
}
