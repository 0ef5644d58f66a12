/**
 * A goal's chart for the HTML report, as inline SVG: the snapshots, the
 * expected path from the baseline through the milestones to the target, the
 * forecast to the deadline (with its prediction interval when the evaluation
 * has one), the target line and as of. Scales, nice ticks, the time axis and
 * the paths come from d3 (d3-scale, d3-time, d3-time-format, d3-shape); this
 * module only lays them out. Colours are CSS classes of the page, so the
 * chart follows its light, dark and print styles.
 */
import { scaleLinear, scaleUtc } from 'd3-scale';
import { area, line } from 'd3-shape';
import { utcMonth, utcYear } from 'd3-time';
import { utcFormat } from 'd3-time-format';
import { formatMetricValue } from '../../core/format-value.js';
import type { IsoDate } from '../../core/dates.js';
import type { MetricDefinition, MetricUnit } from '../../core/metrics.js';
import type { Point } from '../../core/snapshot.js';
import { escapeHtml } from './escape.js';

export interface ChartInput {
  /** Unique in the page: the ids of the chart's title and description. */
  id: string;
  title: string;
  /** What the chart shows, in words, for screen readers and text-only mail. */
  description: string;
  unit: MetricUnit;
  /** The metric's valid range: the value axis never runs past it (no 120 % CSAT). */
  range: MetricDefinition['range'];
  points: readonly Point[];
  /** The date of the snapshot the goal is judged on, drawn larger. */
  current: IsoDate | null;
  /** The expected path, in values: baseline at the start, milestones, target at the deadline. */
  expected: ReadonlyArray<{ date: IsoDate; value: number; isMilestone: boolean }>;
  target: number | null;
  /** `85 %`, `≥ 90 %`. */
  targetLabel: string;
  forecast: { from: Point; date: IsoDate; value: number } | null;
  /** The 80 % prediction interval at the deadline: a fan from the forecast's start. */
  interval?: readonly [number, number] | null;
  start: IsoDate;
  deadline: IsoDate;
  asOf: IsoDate;
}

const WIDTH = 600;
const HEIGHT = 260;
/** Value labels sit inside the plot (above their grid line), so the margins stay narrow on a phone. */
const MARGIN = { top: 20, right: 8, bottom: 28, left: 8 } as const;
const Y_TICKS = 4;
const Y_PADDING = 0.06;
/** Series longer than this get no dot per snapshot (the file stays small, the line readable). */
const MAX_DOTS = 60;
/** Labels of lines closer than this (user units) are moved apart: a line of the phone's 19-unit text and a little air. */
const LABEL_GAP = 22;
/** A time tick this close to an edge (user units) has its label set inside the chart rather than cut in half. */
const EDGE = 16;

const dateOf = (date: IsoDate): Date => new Date(`${date}T00:00:00Z`);
const round = (n: number): number => Math.round(n * 10) / 10;

/** Year at January, month name at a month's first day, else day and month. */
const formatYear = utcFormat('%Y');
const formatMonth = utcFormat('%b');
const formatDay = utcFormat('%-d %b');
function formatTick(date: Date): string {
  if (utcYear(date) < date) return utcMonth(date) < date ? formatDay(date) : formatMonth(date);
  return formatYear(date);
}

/**
 * Durations are scaled in the unit people read (hours, minutes), so the nice
 * ticks fall on whole hours or minutes; the labels say the unit.
 */
function durationFactor(values: number[]): number {
  const largest = Math.max(...values.map(Math.abs));
  return largest >= 7200 ? 3600 : largest >= 120 ? 60 : 1;
}

export function renderChart(input: ChartInput): string {
  const values = [
    ...input.points.map((p) => p.value),
    ...input.expected.map((k) => k.value),
    ...(input.target === null ? [] : [input.target]),
    ...(input.forecast ? [input.forecast.value] : []),
    ...(input.interval ?? []),
  ];
  const factor = input.unit === 'duration' ? durationFactor(values) : 1;
  const first = input.points[0]?.date;
  const from = first && first < input.start ? first : input.start;
  const to = input.asOf > input.deadline ? input.asOf : input.deadline;
  const x = scaleUtc()
    .domain([dateOf(from), dateOf(to)])
    .range([MARGIN.left, WIDTH - MARGIN.right]);
  const [low, high] = [Math.min(...values) / factor, Math.max(...values) / factor];
  // A little room above and below, so no line runs along the frame.
  const pad = low === high ? 1 : (high - low) * Y_PADDING;
  const y = scaleLinear()
    .domain([low - pad, high + pad])
    .nice(Y_TICKS)
    .range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  // Rounded out, the axis stops at the metric's bounds: a CSAT of 100 % is the top.
  const [niceLow, niceHigh] = y.domain() as [number, number];
  const [min, max] = input.range;
  y.domain([
    min === null ? niceLow : Math.max(niceLow, Math.min(low, min / factor)),
    max === null ? niceHigh : Math.min(niceHigh, Math.max(high, max / factor)),
  ]);
  const px = (date: IsoDate) => round(x(dateOf(date)));
  const py = (value: number) => round(y(value / factor));
  const fmt = (value: number) => formatMetricValue(value, input.unit);
  const parts: string[] = [];

  // Grid and axes.
  const [top, bottom] = [MARGIN.top, HEIGHT - MARGIN.bottom];
  const yTicks = y.ticks(Y_TICKS);
  for (const tick of yTicks) {
    const ty = round(y(tick));
    parts.push(
      `<line class="grid" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}"/>`,
    );
  }
  for (const tick of x.ticks(5)) {
    const tx = round(x(tick));
    const anchor =
      tx - MARGIN.left < EDGE ? 'start' : WIDTH - MARGIN.right - tx < EDGE ? 'end' : 'middle';
    parts.push(
      `<line class="axis" x1="${tx}" x2="${tx}" y1="${bottom}" y2="${bottom + 4}"/>`,
      `<text class="tick" x="${tx}" y="${bottom + 16}" text-anchor="${anchor}">${escapeHtml(formatTick(tick))}</text>`,
    );
  }
  parts.push(
    `<line class="axis" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${bottom}" y2="${bottom}"/>`,
  );

  // The goal's period, shaded. A label on it has a halo of the shade, not of the page.
  const onBand = (at: number) =>
    at >= px(input.start) && at <= px(input.deadline) ? ' on-band' : '';
  parts.push(
    `<rect class="period" x="${px(input.start)}" y="${top}" width="${round(px(input.deadline) - px(input.start))}" height="${bottom - top}"/>`,
  );

  // Lines labelled at the right edge: the target, then the forecast.
  const labels: Array<{ y: number; text: string; className: string }> = [];
  if (input.target !== null) {
    const ty = py(input.target);
    parts.push(
      `<line class="target" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${ty}" y2="${ty}"/>`,
    );
    labels.push({ y: ty, text: `target ${input.targetLabel}`, className: 'label-target' });
  }
  const linePath = line<{ date: IsoDate; value: number }>()
    .x((d) => px(d.date))
    .y((d) => py(d.value));
  if (input.expected.length > 1) {
    parts.push(`<path class="expected" d="${linePath([...input.expected])}"/>`);
    for (const knot of input.expected.filter((k) => k.isMilestone)) {
      const [kx, ky] = [px(knot.date), py(knot.value)];
      parts.push(
        `<path class="milestone" d="M${kx},${round(ky - 5)}L${round(kx + 5)},${ky}L${kx},${round(ky + 5)}L${round(kx - 5)},${ky}Z"/>`,
      );
    }
  }
  if (input.forecast) {
    const { from: start, date, value } = input.forecast;
    if (input.interval) {
      const fan = area<{ date: IsoDate; low: number; high: number }>()
        .x((d) => px(d.date))
        .y0((d) => py(d.low))
        .y1((d) => py(d.high));
      parts.push(
        `<path class="interval" d="${fan([
          { date: start.date, low: start.value, high: start.value },
          { date, low: input.interval[0], high: input.interval[1] },
        ])}"/>`,
      );
    }
    parts.push(
      `<path class="forecast" d="${linePath([start, { date, value }])}"/>`,
      `<circle class="forecast-end" cx="${px(date)}" cy="${py(value)}" r="3.5"/>`,
    );
    labels.push({ y: py(value), text: `forecast ${fmt(value)}`, className: 'label-forecast' });
  }

  // Snapshots: a line, and a dot with its value on hover for each — unless
  // there are too many to tell apart (daily data), then only the one judged
  // and the partial periods get one. The dot judged is larger, a partial one hollow.
  if (input.points.length > 1) {
    parts.push(`<path class="snapshots" d="${linePath([...input.points])}"/>`);
  }
  const dotted =
    input.points.length <= MAX_DOTS
      ? input.points
      : input.points.filter((p) => p.date === input.current || p.partial);
  const dots = dotted.map((p) => {
    const sample = p.n === undefined ? '' : `, n = ${p.n}`;
    const partial = p.partial ? ', partial period' : '';
    const size = p.date === input.current ? ' r="4.5"' : ' r="2.5"';
    return `<circle${p.partial ? ' class="partial"' : ''} cx="${px(p.date)}" cy="${py(p.value)}"${size}><title>${p.date}: ${escapeHtml(fmt(p.value))}${sample}${partial}</title></circle>`;
  });
  if (dots.length > 0) parts.push(`<g class="dots">${dots.join('')}</g>`);

  if (input.points.length === 0) {
    const middle = round((MARGIN.left + WIDTH - MARGIN.right) / 2);
    parts.push(
      `<text class="empty${onBand(middle)}" x="${middle}" y="${round((top + bottom) / 2)}">No snapshots yet</text>`,
    );
  }

  // As of (the legend names the date).
  const ax = px(input.asOf);
  parts.push(`<line class="today" x1="${ax}" x2="${ax}" y1="${top}" y2="${bottom}"/>`);

  // Labels on top of everything: values above their grid lines at the left,
  // the target and the forecast by their lines at the right.
  for (const tick of yTicks) {
    parts.push(
      `<text class="tick value${onBand(MARGIN.left + 2)}" x="${MARGIN.left + 2}" y="${round(y(tick) - 4)}">${escapeHtml(fmt(tick * factor))}</text>`,
    );
  }
  // When the target and the forecast are close, the lower one's label hangs
  // below its line, so neither label sits on the other's line; at the bottom
  // of the plot, the upper one is lifted instead.
  const [upper, lower] = [...labels].sort((a, b) => a.y - b.y);
  let hanging: typeof lower;
  if (upper && lower && lower.y - upper.y < LABEL_GAP) {
    if (lower.y + LABEL_GAP + 4 <= bottom) hanging = lower;
    else upper.y = lower.y - LABEL_GAP;
  }
  for (const label of labels) {
    const at =
      label === hanging
        ? `y="${round(label.y + 4)}" dominant-baseline="hanging"`
        : `y="${round(label.y - 6)}"`;
    parts.push(
      `<text class="${label.className}${onBand(WIDTH - MARGIN.right - 2)}" x="${WIDTH - MARGIN.right - 2}" ${at} text-anchor="end">${escapeHtml(label.text)}</text>`,
    );
  }

  const id = escapeHtml(input.id);
  return (
    `<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${id}-t ${id}-d">` +
    `<title id="${id}-t">${escapeHtml(input.title)}</title><desc id="${id}-d">${escapeHtml(input.description)}</desc>` +
    parts.join('') +
    '</svg>'
  );
}
