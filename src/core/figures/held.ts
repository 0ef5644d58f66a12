import type { GoalType } from '../../config/schema.js';
import { GOAL_TYPES, meets } from '../compare.js';
import type { IsoDate } from '../dates.js';
import type { Point } from '../snapshot.js';
import type { Computed } from './figure.js';

export interface Held extends Computed<{ met: number; total: number }> {
  /** The snapshots a stay goal is judged on: those since the start, else the current one. */
  evidence: Point[];
  /** The evidence that broke the threshold. */
  breaks: Point[];
}

/**
 * held (stay goals): the snapshots in [start, judgedAt] that met the
 * threshold, of all; before any snapshot since the start, the current one
 * (the newest before it) stands in.
 */
export function computeHeld(input: {
  type: GoalType;
  target: number;
  sinceStart: readonly Point[];
  current: Point | null;
  start: IsoDate;
  judgedAt: IsoDate;
  fmt: (value: number) => string;
}): Held {
  const { type, target, sinceStart, current, start, judgedAt, fmt } = input;
  const evidence = sinceStart.length > 0 ? [...sinceStart] : current ? [current] : [];
  const breaks = evidence.filter((p) => !meets(type, p.value, target));
  const held = { met: evidence.length - breaks.length, total: evidence.length };
  return {
    value: held,
    evidence,
    breaks,
    figure: {
      name: 'held',
      value: `${held.met} of ${held.total}`,
      kind: 'text',
      formula: `snapshots from ${start} to ${judgedAt} that are ${GOAL_TYPES[type].operator} ${fmt(target)}`,
      inputs: [
        { name: 'met', value: held.met, kind: 'count' },
        { name: 'snapshots', value: held.total, kind: 'count' },
      ],
      snapshots: evidence,
      ...(sinceStart.length === 0 && current
        ? { note: `no snapshot since the start yet: the newest one before it stands in` }
        : {}),
    },
  };
}
