import type { GoalType } from '../../config/schema.js';
import { GOAL_TYPES } from '../compare.js';
import type { Point } from '../snapshot.js';
import type { EvaluatedBaseline } from './baseline.js';
import type { Computed } from './figure.js';

/**
 * The way from the baseline to the target, which progress is measured on;
 * unusable when the baseline already meets the target (no way to go).
 */
export interface ProgressScale {
  isUsable: boolean;
  /** (value − baseline) ÷ (target − baseline); null when the scale is unusable. */
  progressOf: (value: number) => number | null;
}

export function progressScale(
  type: GoalType,
  baseline: EvaluatedBaseline | null,
  target: number | null,
): ProgressScale {
  const span = baseline && target !== null ? target - baseline.value : null;
  const isUsable = span !== null && GOAL_TYPES[type].sign * span > 0;
  return {
    isUsable,
    progressOf: (value) => (isUsable ? (value - baseline!.value) / span! : null),
  };
}

/** progress (increase/decrease goals): (current − baseline) ÷ (target − baseline), unclamped. */
export function computeProgress(input: {
  scale: ProgressScale;
  current: Point | null;
  baseline: EvaluatedBaseline | null;
  target: number | null;
}): Computed<number | null> {
  const { scale, current, baseline, target } = input;
  const progress = current ? scale.progressOf(current.value) : null;
  return {
    value: progress,
    figure: {
      name: 'progress',
      value: progress,
      kind: 'ratio',
      formula: '(current − baseline) ÷ (target − baseline)',
      inputs: [
        { name: 'current', value: current?.value ?? null, kind: 'value' },
        { name: 'baseline', value: baseline?.value ?? null, kind: 'value' },
        { name: 'target', value: target, kind: 'value' },
      ],
      snapshots: current ? [current] : [],
      ...(progress === null ? { note: whyNoProgress(current) } : {}),
    },
  };
}

/**
 * Why a progress figure is missing: there is no current value, or the
 * baseline leaves no way to go (a current value implies a baseline, taken
 * from the snapshots if need be, and so a target).
 */
export function whyNoProgress(current: Point | null): string {
  return current
    ? 'the baseline already meets the target: there is no way to go'
    : 'no current value';
}
