/**
 * The comparison semantics of goal types, in one table: which way is better,
 * and what "meets the target" means.
 */
import type { GoalType } from '../config/schema.js';

interface TypeSemantics {
  /** +1 when higher is better, −1 when lower is better. */
  sign: 1 | -1;
  /** Operator shown to people. */
  operator: '≥' | '≤';
  /** A stay goal holds a threshold all along; the others move towards a target. */
  isStay: boolean;
}

export const GOAL_TYPES: Readonly<Record<GoalType, TypeSemantics>> = {
  increase: { sign: 1, operator: '≥', isStay: false },
  decrease: { sign: -1, operator: '≤', isStay: false },
  'stay-above': { sign: 1, operator: '≥', isStay: true },
  'stay-below': { sign: -1, operator: '≤', isStay: true },
};

/** Whether `value` meets `target` for a goal of this type (≥ or ≤, ties meet). */
export function meets(type: GoalType, value: number, target: number): boolean {
  return GOAL_TYPES[type].sign === 1 ? value >= target : value <= target;
}
