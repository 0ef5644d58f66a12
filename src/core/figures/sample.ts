import type { GoalType } from '../../config/schema.js';
import { GOAL_TYPES, meets } from '../compare.js';
import type { Point } from '../snapshot.js';
import type { Computed } from './figure.js';

/** `settings.min_sample`: fewer rows behind a value make it a small sample (DESIGN §11). */
export const DEFAULT_MIN_SAMPLE = 30;

export interface Sample extends Computed<number | null> {
  /** The snapshots the status would rest on, oldest first. */
  evidence: Point[];
  /**
   * Whether they are enough to call the goal achieved: together at least
   * min_sample rows, or any of them a value that is not a sample (a KPI file's).
   */
  isEnough: boolean;
  minSample: number;
}

/**
 * sample: the rows behind the evidence for `achieved`, since a small sample
 * is never the only evidence for it (DESIGN §11). The evidence of an
 * increase/decrease goal is the current snapshot and, while they have fewer
 * than min_sample rows together, the snapshots since the start just before
 * it that meet the target too (an unbroken run, newest first); of a stay
 * goal, every snapshot it is judged on. Null (and no figure to show) when no
 * snapshot of the evidence comes with its rows: KPI values are not samples.
 */
export function computeSample(input: {
  type: GoalType;
  target: number | null;
  current: Point | null;
  /** The snapshots from the start to the judged date, sorted by date. */
  sinceStart: readonly Point[];
  /** Stay goals: the snapshots they are judged on (`Held.evidence`). */
  held: readonly Point[] | null;
  minSample: number;
}): Sample | null {
  const { type, target, current, sinceStart, held, minSample } = input;
  if (!current || target === null) return null;
  const isStay = GOAL_TYPES[type].isStay;
  const evidence = held ? [...held] : [current];
  if (!isStay && meets(type, current.value, target)) {
    let rows = current.n ?? Infinity;
    for (let i = sinceStart.indexOf(current) - 1; i >= 0 && rows < minSample; i--) {
      const before = sinceStart[i]!;
      if (!meets(type, before.value, target)) break;
      evidence.unshift(before);
      rows += before.n ?? Infinity;
    }
  }
  if (evidence.every((p) => p.n === undefined)) return null;
  const rows = evidence.every((p) => p.n !== undefined)
    ? evidence.reduce((sum, p) => sum + p.n!, 0)
    : null;
  const isEnough = rows === null || rows >= minSample;
  return {
    value: rows,
    evidence,
    isEnough,
    minSample,
    figure: {
      name: 'sample',
      value: rows,
      kind: 'count',
      formula: isStay
        ? 'rows behind the snapshots the goal is judged on'
        : 'rows behind the current snapshot and, while fewer than min_sample, the snapshots just before it that meet the target too',
      inputs: [
        { name: 'snapshots', value: evidence.length, kind: 'count' },
        { name: 'min_sample', value: minSample, kind: 'count' },
      ],
      snapshots: evidence,
      ...(isEnough
        ? {}
        : {
            note: `a small sample: fewer than min_sample ${minSample} rows, never the only evidence for achieved`,
          }),
    },
  };
}
