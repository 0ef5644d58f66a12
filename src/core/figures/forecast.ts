import { daysBetween } from '../dates.js';
import type { IsoDate } from '../dates.js';
import type { Point } from '../snapshot.js';
import { fitTrend, median } from '../theil-sen.js';
import type { Trend } from '../theil-sen.js';
import type { EvaluatedBaseline } from './baseline.js';
import type { Computed } from './figure.js';
import { whyNoProgress } from './progress.js';
import type { ProgressScale } from './progress.js';

export interface Forecast extends Computed<number | null> {
  /** The Theil–Sen trend it was read from; undefined with fewer than 3 dates. */
  trend: Trend | undefined;
}

/**
 * forecast: the Theil–Sen trend of the snapshots in [start, judgedAt], at the
 * deadline; only with snapshots on at least 3 distinct dates.
 */
export function computeForecast(input: {
  /** The snapshots from the start to the judged date, sorted by date. */
  sinceStart: readonly Point[];
  start: IsoDate;
  deadline: IsoDate;
  judgedAt: IsoDate;
}): Forecast {
  const { sinceStart, start, deadline, judgedAt } = input;
  const trend = fitTrend(sinceStart);
  const forecast = trend ? valueAt(trend, sinceStart, deadline) : null;
  return {
    value: forecast,
    trend,
    figure: {
      name: 'forecast',
      value: forecast,
      kind: 'value',
      formula:
        'the Theil–Sen trend of the snapshots since the start, at the deadline: slope = median of the slopes between every two snapshots; forecast = median of (value + slope × days to the deadline)',
      inputs: trend
        ? [
            { name: 'snapshots', value: trend.points, kind: 'count' },
            { name: 'slope', value: trend.slopePerDay * 7, kind: 'rate' },
            { name: 'deadline', value: deadline, kind: 'date' },
          ]
        : [{ name: 'snapshots', value: sinceStart.length, kind: 'count' }],
      snapshots: [...sinceStart],
      ...(trend
        ? {}
        : { note: `needs snapshots on at least 3 dates from ${start} to ${judgedAt}` }),
    },
  };
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
            note:
              forecast === null ? 'no forecast' : whyNoProgress(current, baseline, target, scale),
          }
        : {}),
    },
  };
}

/**
 * The trend's value at `date`, computed around the snapshots rather than from
 * the intercept at 1970 (same number, without the cancellation error).
 */
function valueAt(trend: Trend, points: readonly Point[], date: IsoDate): number {
  return median(points.map((p) => p.value + trend.slopePerDay * daysBetween(p.date, date)));
}
