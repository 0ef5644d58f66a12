/**
 * Breakdowns of a goal's metric by segment (DESIGN §12 "Report"): where the
 * metric has snapshots for other values of a segment key — every team, every
 * agent — a ranked list of them, so a lead sees who is behind.
 */
import type { GoalType } from '../config/schema.js';
import { GOAL_TYPES, meets } from './compare.js';
import type { IsoDate } from './dates.js';
import { segmentKey } from './snapshot.js';
import type { Point, Segment } from './snapshot.js';

/** The segments of one breakdown: the metric by one key, the goal's other keys held. */
export interface BreakdownSegments {
  /** The key whose values are ranked: `team`, `agent`. */
  key: string;
  segments: Segment[];
}

/**
 * Which breakdowns a goal's metric allows. For each key `k`: the segments
 * whose keys are the goal's keys plus `k` and that agree with the goal on
 * every key but `k`. So a goal on `team: EMEA` ranks every team (its own
 * among them) and, where the data has them, EMEA's agents; a goal on the
 * whole team ranks each single-key segment (every team, every channel). A
 * breakdown needs at least two segments to rank.
 */
export function breakdownSegments(
  goalSegment: Segment,
  segments: readonly Segment[],
): BreakdownSegments[] {
  const goalKeys = Object.keys(goalSegment);
  const byKey = new Map<string, Segment[]>();
  for (const segment of segments) {
    const keys = Object.keys(segment);
    const extra = keys.filter((k) => !(k in goalSegment));
    if (extra.length > 1 || goalKeys.some((k) => !(k in segment))) continue;
    const differ = goalKeys.filter((k) => segment[k] !== goalSegment[k]);
    if (extra.length === 1) {
      if (differ.length === 0) push(byKey, extra[0]!, segment);
    } else if (differ.length === 1) {
      push(byKey, differ[0]!, segment);
    } else if (differ.length === 0) {
      // The goal's own segment: one of the values of each of its keys.
      for (const k of goalKeys) push(byKey, k, segment);
    }
  }
  return [...byKey.entries()]
    .filter(([, list]) => list.length >= 2)
    .map(([key, list]) => ({ key, segments: list }));
}

function push(map: Map<string, Segment[]>, key: string, segment: Segment): void {
  const list = map.get(key);
  if (list) list.push(segment);
  else map.set(key, [segment]);
}

/** One value of a breakdown: its current value, and its change since the comparison date. */
export interface BreakdownRow {
  segment: Segment;
  /** The value of the breakdown's key: `EMEA`, `ana`. */
  name: string;
  /** Whether this is the goal's own segment. */
  isGoal: boolean;
  /** The newest snapshot on or before the judged date. */
  current: Point | null;
  /** With a comparison date: current − the newest snapshot on or before it. */
  change: number | null;
  /** Whether the current value meets the goal's target (its threshold for stay goals). */
  meetsTarget: boolean | null;
}

/**
 * The segments of a breakdown ranked best first for the goal's direction
 * (highest first when higher is better), those without a value last; ties
 * by name.
 */
export function rankBreakdown(
  breakdown: { key: string; series: ReadonlyArray<{ segment: Segment; points: readonly Point[] }> },
  goal: {
    segment: Segment;
    type: GoalType;
    target: number | null;
    judgedAt: IsoDate;
    since?: IsoDate | undefined;
  },
): BreakdownRow[] {
  const newest = (points: readonly Point[], date: IsoDate) =>
    points.filter((p) => p.date <= date && Number.isFinite(p.value)).at(-1) ?? null;
  const rows = breakdown.series.map(({ segment, points }): BreakdownRow => {
    const current = newest(points, goal.judgedAt);
    const then = goal.since ? newest(points, goal.since) : null;
    return {
      segment,
      // every segment of a breakdown has its key
      name: segment[breakdown.key]!,
      isGoal: segmentKey(segment) === segmentKey(goal.segment),
      current,
      change: current && then ? current.value - then.value : null,
      meetsTarget:
        current && goal.target !== null ? meets(goal.type, current.value, goal.target) : null,
    };
  });
  const sign = GOAL_TYPES[goal.type].sign;
  return rows.sort((a, b) => {
    if (a.current && b.current && a.current.value !== b.current.value) {
      // Stryker disable next-line ArithmeticOperator: sort reads only the sign, and sign ÷ d has the sign of sign × d
      return sign * (b.current.value - a.current.value);
    }
    if (!a.current !== !b.current) return a.current ? -1 : 1;
    // Stryker disable next-line EqualityOperator,ConditionalExpression: two segments of a breakdown never share a name, and V8's sort acts only on a result below 0
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}
