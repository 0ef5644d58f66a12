/**
 * Expected progress (DESIGN §6): where a goal should be by a date — the
 * elapsed share of [start, deadline], or the piecewise-linear path through
 * its milestones.
 *
 * Days are whole calendar days and a day counts once it has ended: the start
 * day begins the goal (position 0), a milestone or the deadline is reached at
 * the end of its day, and "as of" a date means at the end of that day. So a
 * goal from 2026-07-01 to 2026-09-30 lasts 92 days, and as of 2026-08-20, 51
 * of them have passed (51 ÷ 92 = 0.554, the figure of DESIGN §8).
 */
import { daysBetween } from './dates.js';
import type { IsoDate } from './dates.js';

/** A point of the expected path: by the end of `date`, `progress` of the way. */
export interface PathKnot {
  /** `start`, `milestone` or `deadline`. */
  kind: 'start' | 'milestone' | 'deadline';
  date: IsoDate;
  /** Share of the way from baseline to target (0 at the start, 1 at the deadline). */
  progress: number;
  /** Days since the start day began: 0 for the start, (date − start + 1) for the others. */
  position: number;
}

export interface ExpectedProgress {
  /** Expected progress, 0 before the start and 1 from the deadline on. */
  value: number;
  /** Position of the date (days since the start day began, unclamped). */
  position: number;
  /** The piece of the path the date falls on. */
  from: PathKnot;
  to: PathKnot;
}

/** Days since the start day began, at the end of `date`. */
export function positionOf(start: IsoDate, date: IsoDate): number {
  return daysBetween(start, date) + 1;
}

/**
 * The expected path from `start` (progress 0) through the milestones to the
 * deadline (progress 1). Milestones are given as progress (a milestone's
 * target as a share of the way); they must lie after the start and on or
 * before the deadline, in date order (the SMART rules see to that).
 */
export function buildExpectedPath(
  start: IsoDate,
  deadline: IsoDate,
  milestones: ReadonlyArray<{ date: IsoDate; progress: number }> = [],
): PathKnot[] {
  return [
    { kind: 'start', date: start, progress: 0, position: 0 },
    ...milestones.map((m): PathKnot => ({
      kind: 'milestone',
      date: m.date,
      progress: m.progress,
      position: positionOf(start, m.date),
    })),
    { kind: 'deadline', date: deadline, progress: 1, position: positionOf(start, deadline) },
  ];
}

/**
 * Expected progress at the end of `date` on a path: interpolated linearly
 * between the knots around it, 0 before the start and 1 after the deadline.
 */
export function expectedProgressAt(path: readonly PathKnot[], date: IsoDate): ExpectedProgress {
  const first = path[0]!;
  const last = path.at(-1)!;
  const position = positionOf(first.date, date);
  if (position <= first.position) {
    return { value: first.progress, position, from: first, to: path[1] ?? first };
  }
  // Stryker disable next-line EqualityOperator: at the deadline its piece gives from + (1 − from) × 1 = 1, from the same knots
  if (position >= last.position) {
    return { value: last.progress, position, from: path.at(-2) ?? last, to: last };
  }
  // The piece the date falls on ends at the first knot not before it: on a
  // milestone's day, the piece that leads to the milestone.
  const i = path.findIndex((knot) => position <= knot.position);
  const from = path[i - 1]!;
  const to = path[i]!;
  const share = (position - from.position) / (to.position - from.position);
  return { value: from.progress + (to.progress - from.progress) * share, position, from, to };
}
