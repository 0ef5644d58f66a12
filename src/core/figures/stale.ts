import { daysBetween } from '../dates.js';
import type { IsoDate } from '../dates.js';
import type { Point } from '../snapshot.js';
import type { GoalStatus } from '../status.js';
import type { Computed } from './figure.js';

/**
 * stale: the data has stopped coming — the newest snapshot up to as of, even
 * one after a passed deadline, is older than stale_after. Never for a goal
 * that has not started or has no data (its status says more).
 */
export function computeStale(input: {
  /** The newest snapshot on or before as of. */
  latest: Point | null;
  asOf: IsoDate;
  status: GoalStatus;
  staleAfterDays: number;
}): Computed<boolean> {
  const { latest, asOf, status, staleAfterDays } = input;
  const age = latest ? daysBetween(latest.date, asOf) : null;
  const stale =
    status !== 'not-started' && status !== 'no-data' && age !== null && age > staleAfterDays;
  return {
    value: stale,
    figure: {
      name: 'stale',
      value: stale,
      kind: 'flag',
      formula: 'as of − date of the newest snapshot > stale_after',
      inputs: [
        { name: 'age', value: age, kind: 'days' },
        { name: 'stale_after', value: staleAfterDays, kind: 'days' },
      ],
      snapshots: latest ? [latest] : [],
      ...(status === 'not-started' || status === 'no-data'
        ? { note: `never stale when ${status}` }
        : {}),
    },
  };
}
