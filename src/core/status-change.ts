/**
 * How a goal's status moved between two dates (`goals check --since`,
 * DESIGN §12 "Comparison").
 *
 * Statuses that judge a goal are ordered, best first: achieved, on-track,
 * at-risk, off-track, missed. A move up that order is an improvement, a move
 * down a slip (achieved → on-track is a slip: the value fell back below the
 * target; off-track → missed is a slip: the deadline passed without it).
 * `not-started` and `no-data` judge nothing: a goal that had not started or
 * had no data at the earlier date is `new`, neither improved nor slipped.
 */
import type { GoalStatus } from './status.js';

export type StatusChange = 'improved' | 'slipped' | 'unchanged' | 'new';

/** Standing of the statuses that judge a goal: higher is better. */
const STANDING: Readonly<Partial<Record<GoalStatus, number>>> = {
  missed: 0,
  'off-track': 1,
  'at-risk': 2,
  'on-track': 3,
  achieved: 4,
};

/** The change from the status at the earlier date to the status now. */
export function statusChange(before: GoalStatus, now: GoalStatus): StatusChange {
  const was = STANDING[before];
  const is = STANDING[now];
  if (was === undefined) return before === now ? 'unchanged' : 'new';
  // From the same snapshots a judged goal cannot lose its data; should it, it did not improve.
  if (is === undefined) return 'slipped';
  return is > was ? 'improved' : is < was ? 'slipped' : 'unchanged';
}
