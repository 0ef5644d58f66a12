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
 * The one baseline rule (DESIGN §3, §6), for evaluation and the SMART rules
 * alike: goals.yaml's, else the first snapshot on or after the start, else
 * (nothing since the start yet) the newest snapshot before it.
 *
 * @param points the goal's snapshots, sorted by date (up to the date the goal is judged at)
 */
export function chooseBaseline(
  fileBaseline: { value: number; date: IsoDate | null } | null,
  points: readonly Point[],
  start: IsoDate,
): EvaluatedBaseline | null {
  if (fileBaseline) return { ...fileBaseline, from: 'file' };
  const first = points.find((p) => p.date >= start);
  if (first) return { date: first.date, value: first.value, from: 'snapshot' };
  const newest = points[points.length - 1];
  return newest ? { date: newest.date, value: newest.value, from: 'before-start' } : null;
}

/** baseline: by `chooseBaseline`, from the snapshots up to the judged date. */
export function computeBaseline(input: {
  fileBaseline: { value: number; date: IsoDate | null } | null;
  /** The goal's snapshots on or before the judged date, sorted by date. */
  known: readonly Point[];
  start: IsoDate;
}): Computed<EvaluatedBaseline | null> {
  const { fileBaseline, known, start } = input;
  const baseline = chooseBaseline(fileBaseline, known, start);
  return {
    value: baseline,
    figure: {
      name: 'baseline',
      value: baseline?.value ?? null,
      kind: 'value',
      formula:
        baseline?.from === 'file'
          ? 'written in goals.yaml'
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
