import type { IsoDate } from '../dates.js';
import type { Point } from '../snapshot.js';
import type { Computed } from './figure.js';

/**
 * current: the newest snapshot on or before the date the goal is judged at
 * (`asOf`, or the deadline once it has passed).
 *
 * @param known the goal's snapshots on or before `judgedAt`, sorted by date
 */
export function computeCurrent(input: {
  known: readonly Point[];
  judgedAt: IsoDate;
  isPastDeadline: boolean;
}): Computed<Point | null> {
  const { known, judgedAt, isPastDeadline } = input;
  const current = known[known.length - 1] ?? null;
  return {
    value: current,
    figure: {
      name: 'current',
      value: current?.value ?? null,
      kind: 'value',
      formula: `the newest snapshot on or before ${judgedAt}${isPastDeadline ? ' (the deadline: it has passed)' : ''}`,
      inputs: current ? [{ name: 'date', value: current.date, kind: 'date' }] : [],
      snapshots: current ? [current] : [],
      ...(current ? {} : { note: `no snapshot on or before ${judgedAt}` }),
    },
  };
}
