import type { GoalType } from '../../config/schema.js';
import { GOAL_TYPES } from '../compare.js';
import {
  CONFIDENCE_LEVEL,
  MAX_REACH,
  MIN_CONFIDENCE_POINTS,
  estimateConfidence,
  predictAt,
} from '../confidence.js';
import type { Confidence, Spread } from '../confidence.js';
import { addDays, daysBetween } from '../dates.js';
import type { IsoDate } from '../dates.js';
import type { MetricDefinition } from '../metrics.js';
import { studentTQuantile } from '../student-t.js';
import type { Point } from '../snapshot.js';
import type { Trend } from '../theil-sen.js';
import type { Computed, Figure, FigureInput } from './figure.js';

/** Knots of the interval from the newest snapshot to the deadline, for charts. */
const BAND_STEPS = 8;

/** The interval at a date: what charts draw from the newest snapshot to the deadline. */
export interface BandKnot {
  date: IsoDate;
  low: number;
  high: number;
}

/**
 * confidence (DESIGN §12, docs/confidence.md): the 80 % prediction interval
 * of the snapshot at the deadline and the chance that the target is met,
 * from the spread of the snapshots in [start, judgedAt] around their
 * Theil–Sen trend. None once the deadline has passed (the status is final),
 * with fewer than MIN_CONFIDENCE_POINTS dates, or when the deadline lies
 * further past the newest snapshot than the snapshots span.
 */
export function computeConfidence(input: {
  type: GoalType;
  metric: MetricDefinition;
  sinceStart: readonly Point[];
  /** The forecast's trend of sinceStart, reused. */
  trend: Trend | undefined;
  target: number | null;
  start: IsoDate;
  deadline: IsoDate;
  judgedAt: IsoDate;
  isPastDeadline: boolean;
  fmt: (value: number) => string;
  /** Also the interval at dates up to the deadline, for charts. */
  withBand: boolean;
}): {
  interval: Computed<[number, number] | null>;
  chance: Computed<number | null>;
  band: BandKnot[];
} {
  const { type, metric, sinceStart, trend, target, start, deadline, judgedAt, fmt } = input;
  const confidence: Confidence | undefined = input.isPastDeadline
    ? undefined
    : estimateConfidence({
        points: sinceStart,
        deadline,
        type,
        target,
        range: metric.range,
        trend,
      });
  const note = whyNone(confidence, { start, judgedAt });
  const spread = confidence?.available ? confidence.spread : undefined;
  const prediction = confidence?.available ? confidence.prediction : undefined;
  const interval: [number, number] | null = prediction ? [prediction.low, prediction.high] : null;
  const chance = confidence?.chance ?? null;

  const level = `${Math.round(CONFIDENCE_LEVEL * 100)} %`;
  const intervalFigure: Figure = {
    name: 'forecastInterval',
    value: interval ? `${fmt(interval[0])} to ${fmt(interval[1])}` : null,
    kind: 'text',
    formula: `the ${level} prediction interval of the snapshot at the deadline: forecast ± t × scale, t the 90 % quantile of Student's t with 0.3675 × (snapshots − 2) degrees of freedom; scale² = noise² × (1 + π ÷ 2n) + (slope error × days from the snapshots' mean date)² + the drift the trend cannot foresee (below 0 when the snapshots drift apart less than noise would), never below noise² nor narrowing towards the deadline; within the metric's range`,
    inputs: spread && prediction ? spreadInputs(spread, prediction.center, deadline) : [],
    snapshots: spread ? [...sinceStart] : [],
    ...(note ? { note } : {}),
  };
  const chanceFigure: Figure = {
    name: 'chance',
    value: chance,
    kind: 'ratio',
    formula: chanceFormula(type, spread, deadline),
    inputs: [
      { name: GOAL_TYPES[type].isStay ? 'threshold' : 'target', value: target, kind: 'value' },
      ...(prediction
        ? [
            { name: 'forecast', value: prediction.center, kind: 'value' as const },
            { name: 'scale', value: prediction.scale, kind: 'value' as const },
          ]
        : []),
    ],
    snapshots: [],
    ...(chanceNote(confidence, note, target, fmt, type) ?? {}),
  };
  return {
    interval: { value: interval, figure: intervalFigure },
    chance: { value: chance, figure: chanceFigure },
    band: spread && input.withBand ? bandOf(spread, deadline, metric) : [],
  };
}

function spreadInputs(spread: Spread, forecast: number, deadline: IsoDate): FigureInput[] {
  return [
    { name: 'forecast', value: forecast, kind: 'value' },
    { name: 'snapshots', value: spread.points, kind: 'count' },
    { name: 'noise', value: spread.noise, kind: 'value' },
    { name: 'slope error', value: spread.slopeError * 7, kind: 'rate' },
    // Signed: below 0 when the residuals drift apart less than independent noise would.
    {
      name: 'drift over a week',
      value: Math.sign(spread.drift) * Math.sqrt(Math.abs(spread.drift) * 7),
      kind: 'value',
    },
    { name: 'days to the deadline', value: daysBetween(spread.last, deadline), kind: 'days' },
    {
      name: `t (${spread.df.toFixed(1)} degrees of freedom)`,
      value: studentTQuantile(0.5 + CONFIDENCE_LEVEL / 2, spread.df),
      kind: 'count',
    },
  ];
}

function chanceFormula(type: GoalType, spread: Spread | undefined, deadline: IsoDate): string {
  const { operator, isStay } = GOAL_TYPES[type];
  if (!isStay) {
    return `P(the snapshot at the deadline ${operator} target) on the same t distribution around the forecast; a target beyond the metric's range: 0`;
  }
  const due = spread
    ? `, ${cadenceText(spread.cadenceDays)} (${Math.floor(daysBetween(spread.last, deadline) / spread.cadenceDays)} due)`
    : '';
  return `P(no snapshot from the newest to the deadline breaks ${operator} threshold${due}): each snapshot's own noise (the clipped noise level's share that is not drift) plus an error all of them share (the rest of its predicted spread: the trend's error and the drift), integrated over the shared error and the clipped noise level's uncertainty; 0 once a snapshot broke it`;
}

/** "one a day", "one every 7 days", "one every 3.5 days". */
function cadenceText(days: number): string {
  return days === 1 ? 'one a day' : `one every ${days} days`;
}

/** Why there is no interval; undefined when there is one. */
function whyNone(
  confidence: Confidence | undefined,
  at: { start: IsoDate; judgedAt: IsoDate },
): string | undefined {
  if (!confidence) return 'the deadline has passed: the status is final';
  if (confidence.available) return undefined;
  if (at.judgedAt < at.start) return `the goal starts on ${at.start}`;
  if (confidence.reason === 'few-snapshots') {
    return `needs snapshots on at least ${MIN_CONFIDENCE_POINTS} dates from ${at.start} to ${at.judgedAt} (${confidence.points} so far)`;
  }
  if (confidence.reason === 'no-spread') {
    return `all ${confidence.points} snapshots lie exactly on the trend: there is no spread to measure`;
  }
  return `the deadline is ${confidence.daysAhead} days past the newest snapshot, further than the ${confidence.spanDays} days the snapshots span (at most ${MAX_REACH} ×)`;
}

function chanceNote(
  confidence: Confidence | undefined,
  note: string | undefined,
  target: number | null,
  fmt: (value: number) => string,
  type: GoalType,
): { note: string } | undefined {
  if (confidence?.chance === 0 && GOAL_TYPES[type].isStay && target !== null) {
    return {
      note: `a snapshot since the start already broke ${GOAL_TYPES[type].operator} ${fmt(target)}`,
    };
  }
  if (note) return { note };
  if (target === null) return { note: 'no target yet' };
  return undefined;
}

/** The interval at evenly spaced dates from the newest snapshot to the deadline. */
function bandOf(spread: Spread, deadline: IsoDate, metric: MetricDefinition): BandKnot[] {
  const days = daysBetween(spread.last, deadline);
  const dates = [
    ...new Set(
      Array.from({ length: BAND_STEPS + 1 }, (_, k) =>
        addDays(spread.last, Math.round((k * days) / BAND_STEPS)),
      ),
    ),
  ];
  return dates.map((date) => {
    const p = predictAt(spread, date, metric.range);
    return { date, low: p.low, high: p.high };
  });
}
