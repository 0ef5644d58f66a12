import type { GoalType } from '../../config/schema.js';
import { meets } from '../compare.js';
import { addDays } from '../dates.js';
import type { IsoDate } from '../dates.js';
import type { Point } from '../snapshot.js';
import { fitTrend } from '../theil-sen.js';
import type { Computed } from './figure.js';

/**
 * The recent pace is the Theil–Sen slope of the snapshots of the last six
 * weeks (up to the date the goal is judged at) — long enough to smooth a
 * noisy week, short enough to show a change of course. Series sparser than
 * that (monthly churn) use their last three snapshots instead.
 */
export const RECENT_PACE_DAYS = 42;
export const RECENT_PACE_MIN_POINTS = 3;

/** pace, recent: the change per week of the snapshots of the last RECENT_PACE_DAYS. */
export function computeRecentPace(input: {
  /** The goal's snapshots on or before `judgedAt`, sorted by date. */
  known: readonly Point[];
  judgedAt: IsoDate;
}): Computed<number | null> {
  const { known, judgedAt } = input;
  const recentWindow = recentPaceWindow(known, judgedAt);
  // undefined with fewer than 3 dates
  const recentTrend = fitTrend(recentWindow);
  const perWeek = recentTrend ? recentTrend.slopePerDay * 7 : null;
  return {
    value: perWeek,
    figure: {
      name: 'pace.perWeek',
      value: perWeek,
      kind: 'rate',
      formula: `Theil–Sen slope of the snapshots of the ${RECENT_PACE_DAYS / 7} weeks up to ${judgedAt} (at least the last ${RECENT_PACE_MIN_POINTS}) × 7`,
      inputs: [{ name: 'snapshots', value: recentWindow.length, kind: 'count' }],
      snapshots: recentWindow,
      ...(perWeek === null
        ? { note: `needs snapshots on at least ${RECENT_PACE_MIN_POINTS} dates` }
        : {}),
    },
  };
}

/** The snapshots of the last RECENT_PACE_DAYS up to `until`, or at least the last 3. */
function recentPaceWindow(known: readonly Point[], until: IsoDate): Point[] {
  const from = addDays(until, -RECENT_PACE_DAYS);
  const window = known.filter((p) => p.date >= from);
  // Stryker disable next-line EqualityOperator: a window of 3 is the last 3 snapshots
  return window.length >= RECENT_PACE_MIN_POINTS ? window : known.slice(-RECENT_PACE_MIN_POINTS);
}

/**
 * pace, needed (increase/decrease goals): the change per week still needed
 * to reach the target, (target − current) ÷ (days left ÷ 7); 0 once it is
 * met; none on or after the deadline.
 */
export function computeNeededPace(input: {
  type: GoalType;
  current: Point | null;
  target: number | null;
  daysLeft: number;
}): Computed<number | null> {
  const { type, current, target, daysLeft } = input;
  let neededPerWeek: number | null = null;
  if (current && target !== null && daysLeft > 0) {
    neededPerWeek = meets(type, current.value, target)
      ? 0
      : (target - current.value) / (daysLeft / 7);
  }
  return {
    value: neededPerWeek,
    figure: {
      name: 'pace.neededPerWeek',
      value: neededPerWeek,
      kind: 'rate',
      formula: '(target − current) ÷ (days left ÷ 7); 0 once the target is met',
      inputs: [
        { name: 'target', value: target, kind: 'value' },
        { name: 'current', value: current?.value ?? null, kind: 'value' },
        { name: 'days left', value: daysLeft, kind: 'days' },
      ],
      snapshots: current ? [current] : [],
      ...(neededPerWeek === null
        ? { note: daysLeft <= 0 ? 'the deadline has come' : 'no current value or target' }
        : {}),
    },
  };
}
