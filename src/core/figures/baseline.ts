import type { IsoDate } from '../dates.js';
import type { Point } from '../snapshot.js';
import type { Computed } from './figure.js';

export interface EvaluatedBaseline {
  value: number;
  date: IsoDate | null;
  /**
   * `file`: goals.yaml; `snapshot`: the first snapshot on or after the start;
   * `before-start`: no snapshot since the start yet, so the newest one before it.
   */
  from: 'file' | 'snapshot' | 'before-start';
}

/**
 * baseline: goals.yaml's, else the first snapshot on or after the start, else
 * (nothing since the start yet) the newest snapshot before it.
 */
export function computeBaseline(input: {
  fileBaseline: { value: number; date: IsoDate | null } | null;
  /** The snapshots from the start to the judged date, sorted by date. */
  sinceStart: readonly Point[];
  current: Point | null;
  start: IsoDate;
}): Computed<EvaluatedBaseline | null> {
  const { fileBaseline, sinceStart, current, start } = input;
  let baseline: EvaluatedBaseline | null = null;
  if (fileBaseline) baseline = { ...fileBaseline, from: 'file' };
  else if (sinceStart[0]) baseline = { ...sinceStart[0], from: 'snapshot' };
  else if (current) baseline = { ...current, from: 'before-start' };
  return {
    value: baseline,
    figure: {
      name: 'baseline',
      value: baseline?.value ?? null,
      kind: 'value',
      formula:
        baseline?.from === 'file'
          ? 'written in goals.yaml'
          : baseline?.from === 'snapshot'
            ? `the first snapshot on or after the start ${start}`
            : baseline?.from === 'before-start'
              ? `no snapshot on or after the start ${start} yet: the newest one before it`
              : `the first snapshot on or after the start ${start}`,
      inputs: baseline?.date ? [{ name: 'date', value: baseline.date, kind: 'date' }] : [],
      snapshots:
        baseline && baseline.from !== 'file' && baseline.date
          ? [{ date: baseline.date, value: baseline.value }]
          : [],
      ...(baseline ? {} : { note: 'no baseline in goals.yaml and no snapshot to take it from' }),
    },
  };
}
