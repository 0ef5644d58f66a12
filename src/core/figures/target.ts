import { resolveTarget } from '../values.js';
import type { TargetSpec } from '../values.js';
import type { EvaluatedBaseline } from './baseline.js';
import type { Computed, Figure } from './figure.js';

/**
 * target: goals.yaml's absolute value, or the change applied to the baseline;
 * null when a change has no baseline yet. For stay goals it is the threshold.
 */
export function computeTarget(
  spec: TargetSpec,
  baseline: EvaluatedBaseline | null,
): Computed<number | null> {
  const target = resolveTarget(spec, baseline?.value) ?? null;
  const base: Omit<Figure, 'formula' | 'inputs'> = {
    name: 'target',
    value: target,
    kind: 'value',
    snapshots: [],
  };
  switch (spec.kind) {
    case 'absolute':
      return { value: target, figure: { ...base, formula: 'written in goals.yaml', inputs: [] } };
    case 'relative':
      return {
        value: target,
        figure: {
          ...base,
          formula: 'baseline + change × |baseline|',
          inputs: [
            { name: 'baseline', value: baseline?.value ?? null, kind: 'value' },
            { name: 'change', value: spec.fraction, kind: 'ratio' },
          ],
          ...(target === null ? { note: 'a change needs a baseline' } : {}),
        },
      };
    case 'delta':
      return {
        value: target,
        figure: {
          ...base,
          formula: 'baseline + change',
          inputs: [
            { name: 'baseline', value: baseline?.value ?? null, kind: 'value' },
            { name: 'change', value: spec.delta, kind: 'value' },
          ],
          ...(target === null ? { note: 'a change needs a baseline' } : {}),
        },
      };
  }
}
