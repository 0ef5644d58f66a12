import type { IsoDate } from '../dates.js';
import { buildExpectedPath, expectedProgressAt } from '../expected-progress.js';
import type { ExpectedProgress, PathKnot } from '../expected-progress.js';
import type { Computed, Figure } from './figure.js';
import type { ProgressScale } from './progress.js';

export interface Expected extends Computed<number | null> {
  /** The expected path (progress by date), for charts; empty without one. */
  path: PathKnot[];
}

/**
 * expected progress (increase/decrease goals) at `asOf`: the elapsed share of
 * [start, deadline], or the piecewise-linear path through the milestones —
 * which needs a usable scale, since a milestone's target becomes a share of
 * the way from baseline to target.
 */
export function computeExpectedProgress(input: {
  start: IsoDate;
  deadline: IsoDate;
  asOf: IsoDate;
  milestones: ReadonlyArray<{ date: IsoDate; value: number }>;
  scale: ProgressScale;
  fmt: (value: number) => string;
}): Expected {
  const { start, deadline, asOf, milestones, scale, fmt } = input;
  let path: PathKnot[] = [];
  let expected: ExpectedProgress | null = null;
  if (milestones.length === 0 || scale.isUsable) {
    path = buildExpectedPath(
      start,
      deadline,
      milestones.map((m) => ({ date: m.date, progress: scale.progressOf(m.value)! })),
    );
    expected = expectedProgressAt(path, asOf);
  }
  return {
    value: expected?.value ?? null,
    path,
    figure: expectedFigure(expected, milestones, asOf, fmt),
  };
}

function expectedFigure(
  expected: ExpectedProgress | null,
  milestones: ReadonlyArray<{ date: IsoDate; value: number }>,
  asOf: IsoDate,
  fmt: (v: number) => string,
): Figure {
  if (!expected) {
    return {
      name: 'expectedProgress',
      value: null,
      kind: 'ratio',
      formula: 'the path through the milestones, as a share of the way from baseline to target',
      inputs: [],
      snapshots: [],
      note: 'milestones need a baseline that does not already meet the target',
    };
  }
  const { from, to, position } = expected;
  const milestoneNote = milestones.map((m) => `${m.date}: ${fmt(m.value)}`).join(', ');
  if (milestones.length === 0) {
    return {
      name: 'expectedProgress',
      value: expected.value,
      kind: 'ratio',
      formula:
        'days passed ÷ days of the goal = (as of − start + 1) ÷ (deadline − start + 1), within 0–1',
      inputs: [
        { name: 'days passed', value: position, kind: 'days' },
        { name: 'days of the goal', value: to.position, kind: 'days' },
        { name: 'as of', value: asOf, kind: 'date' },
      ],
      snapshots: [],
    };
  }
  return {
    name: 'expectedProgress',
    value: expected.value,
    kind: 'ratio',
    formula:
      'on the path through the milestones: from + (to − from) × (days since from) ÷ (days from → to), within 0–1',
    inputs: [
      { name: `from (${from.kind} ${from.date})`, value: from.progress, kind: 'ratio' },
      { name: `to (${to.kind} ${to.date})`, value: to.progress, kind: 'ratio' },
      { name: 'days since from', value: Math.max(0, position - from.position), kind: 'days' },
      { name: 'days from → to', value: to.position - from.position, kind: 'days' },
    ],
    snapshots: [],
    note: `milestones: ${milestoneNote}`,
  };
}
