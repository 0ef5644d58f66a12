import { daysBetween } from '../dates.js';
import type { IsoDate } from '../dates.js';
import { formatMetricValue } from '../format-value.js';
import type { MetricDefinition } from '../metrics.js';
import { rangeOf } from '../rules/achievable-in-range.js';
import type { Point } from '../snapshot.js';
import { fitTrend, trendValueAt } from '../theil-sen.js';
import type { Trend } from '../theil-sen.js';
import type { EvaluatedBaseline } from './baseline.js';
import type { Computed } from './figure.js';
import { whyNoProgress } from './progress.js';
import type { ProgressScale } from './progress.js';

/**
 * How far a forecast may reach: the deadline at most this many times the
 * history it was fitted on (newest − oldest snapshot) past its newest
 * snapshot, or it does not decide the status. Backtests on the SF311 monthly
 * series and the example's weekly data (docs/evaluation.md, "How far a
 * forecast reaches") show a forecast judging goals no better than progress
 * against expected progress from about twice its history on, with its error
 * growing fast beyond it.
 */
export const FORECAST_REACH = 2;

export interface Forecast extends Computed<number | null> {
  /** The Theil–Sen trend it was read from; undefined with fewer than 3 dates. */
  trend: Trend | undefined;
  /**
   * Why the forecast does not decide the status, when it does not: it
   * reaches further than FORECAST_REACH × its history.
   */
  distrust: string | undefined;
}

/**
 * forecast: the Theil–Sen trend of the snapshots in [start, judgedAt], at the
 * deadline, within the metric's valid range; only with snapshots on at least
 * 3 distinct dates. It is distrusted when the deadline lies further beyond the
 * newest snapshot than FORECAST_REACH × the span of the snapshots.
 */
export function computeForecast(input: {
  /** The snapshots from the start to the judged date, sorted by date. */
  sinceStart: readonly Point[];
  metric: MetricDefinition;
  start: IsoDate;
  deadline: IsoDate;
  judgedAt: IsoDate;
}): Forecast {
  const { sinceStart, metric, start, deadline, judgedAt } = input;
  const trend = fitTrend(sinceStart);
  const formula =
    "the Theil–Sen trend of the snapshots since the start, at the deadline, within the metric's range: slope = median of the slopes between every two snapshots; forecast = median of (value + slope × days to the deadline)";
  if (!trend) {
    return {
      value: null,
      trend,
      distrust: undefined,
      figure: {
        name: 'forecast',
        value: null,
        kind: 'value',
        formula,
        inputs: [{ name: 'snapshots', value: sinceStart.length, kind: 'count' }],
        snapshots: [...sinceStart],
        note: `needs snapshots on at least 3 dates from ${start} to ${judgedAt}`,
      },
    };
  }
  const fmt = (v: number) => formatMetricValue(v, metric.unit);
  const onTrend = trendValueAt(trend.slopePerDay, sinceStart, deadline);
  const forecast = clampToRange(onTrend, metric);
  const newest = sinceStart[sinceStart.length - 1]!.date;
  const history = daysBetween(sinceStart[0]!.date, newest);
  const reach = Math.max(0, daysBetween(newest, deadline));
  const distrust =
    reach > FORECAST_REACH * history
      ? `the forecast reaches too far (the deadline is ${reach} days beyond the newest snapshot, more than ${FORECAST_REACH} × the ${history} days the snapshots span)`
      : undefined;
  const notes = [
    ...(forecast !== onTrend
      ? [
          `the trend gives ${fmt(onTrend)}, outside the range of ${metric.id} (${rangeOf(metric)}): the forecast stops at ${fmt(forecast)}`,
        ]
      : []),
    ...(distrust ? [`${distrust}: it does not decide the status`] : []),
  ];
  return {
    value: forecast,
    trend,
    distrust,
    figure: {
      name: 'forecast',
      value: forecast,
      kind: 'value',
      formula,
      inputs: [
        { name: 'snapshots', value: trend.points, kind: 'count' },
        { name: 'slope', value: trend.slopePerDay * 7, kind: 'rate' },
        { name: 'deadline', value: deadline, kind: 'date' },
        { name: 'span of the snapshots', value: history, kind: 'days' },
        { name: 'beyond the newest', value: reach, kind: 'days' },
      ],
      snapshots: [...sinceStart],
      ...(notes.length > 0 ? { note: notes.join('; ') } : {}),
    },
  };
}

/** A value moved into the metric's valid range (a CSAT trend stops at 100 %). */
function clampToRange(value: number, metric: MetricDefinition): number {
  const [min, max] = metric.range;
  // Stryker disable next-line EqualityOperator: at the bound, value and bound are the same
  if (min !== null && value < min) return min;
  // Stryker disable next-line EqualityOperator: at the bound, value and bound are the same
  if (max !== null && value > max) return max;
  return value;
}

/** forecast progress (increase/decrease goals): (forecast − baseline) ÷ (target − baseline). */
export function computeForecastProgress(input: {
  scale: ProgressScale;
  forecast: number | null;
  current: Point | null;
  baseline: EvaluatedBaseline | null;
  target: number | null;
}): Computed<number | null> {
  const { scale, forecast, current, baseline, target } = input;
  const forecastProgress = forecast === null ? null : scale.progressOf(forecast);
  return {
    value: forecastProgress,
    figure: {
      name: 'forecastProgress',
      value: forecastProgress,
      kind: 'ratio',
      formula: '(forecast − baseline) ÷ (target − baseline)',
      inputs: [
        { name: 'forecast', value: forecast, kind: 'value' },
        { name: 'baseline', value: baseline?.value ?? null, kind: 'value' },
        { name: 'target', value: target, kind: 'value' },
      ],
      snapshots: [],
      ...(forecastProgress === null
        ? {
            note: forecast === null ? 'no forecast' : whyNoProgress(current),
          }
        : {}),
    },
  };
}
