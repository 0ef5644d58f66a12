import { daysBetween } from '../dates.js';
import type { IsoDate } from '../dates.js';
import type { Point } from '../snapshot.js';
import type { GoalStatus } from '../status.js';
import { median } from '../theil-sen.js';
import type { Computed } from './figure.js';

/** Without `settings.stale_after`: at least this many days … */
export const MIN_STALE_AFTER_DAYS = 14;
/** … or this many times the usual gap between the series' snapshots … */
export const STALE_GAPS = 2;
/** … measured over the gaps between its newest snapshots (11 gaps). */
export const CADENCE_POINTS = 12;

export interface Stale extends Computed<boolean> {
  /** The limit applied, in days: stale_after, or the one of the series' cadence. */
  afterDays: number;
}

/**
 * stale: the data has stopped coming — the newest snapshot up to as of, even
 * one after a passed deadline, is older than stale_after. Without
 * stale_after, the limit follows the series' cadence: twice the usual
 * (median) gap between its newest snapshots, at least 14 days — so a monthly
 * export is not stale half of every month. Never for a goal that has not
 * started or has no data (its status says more).
 */
export function computeStale(input: {
  /** The series' snapshots on or before as of, sorted by date, one per date. */
  upToAsOf: readonly Point[];
  asOf: IsoDate;
  status: GoalStatus;
  /** `settings.stale_after` in days; undefined = by the series' cadence. */
  staleAfterDays: number | undefined;
}): Stale {
  const { upToAsOf, asOf, status, staleAfterDays } = input;
  const latest = upToAsOf[upToAsOf.length - 1] ?? null;
  const age = latest ? daysBetween(latest.date, asOf) : null;
  const newest = upToAsOf.slice(-CADENCE_POINTS);
  const gaps = newest.slice(1).map((p, i) => daysBetween(newest[i]!.date, p.date));
  const usualGap = gaps.length > 0 ? median(gaps) : null;
  const afterDays = staleAfterDays ?? Math.max(MIN_STALE_AFTER_DAYS, STALE_GAPS * (usualGap ?? 0));
  // a goal with no data has no age
  const stale = status !== 'not-started' && age !== null && age > afterDays;
  return {
    value: stale,
    afterDays,
    figure: {
      name: 'stale',
      value: stale,
      kind: 'flag',
      formula:
        staleAfterDays === undefined
          ? `as of − date of the newest snapshot > stale_after; not set: ${STALE_GAPS} × the usual gap between snapshots (the median of the last ${CADENCE_POINTS - 1}), at least ${MIN_STALE_AFTER_DAYS} days`
          : 'as of − date of the newest snapshot > stale_after',
      inputs: [
        { name: 'age', value: age, kind: 'days' },
        ...(staleAfterDays === undefined
          ? [{ name: 'usual gap', value: usualGap, kind: 'days' as const }]
          : []),
        { name: 'stale_after', value: afterDays, kind: 'days' },
      ],
      snapshots: latest ? [latest] : [],
      ...(status === 'not-started' || status === 'no-data'
        ? { note: `never stale when ${status}` }
        : {}),
    },
  };
}
