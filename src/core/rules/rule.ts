import type { RuleLevel } from '../finding.js';
import type { MetricDefinition } from '../metrics.js';
import type { ResolvedGoal } from '../resolve-goal.js';
import type { Point } from '../snapshot.js';

export type SmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';

export interface RuleMeta {
  /** `letter/name`, as in DESIGN §7. */
  id: string;
  letter: SmartLetter;
  /** What the rule checks, for `goals validate --help` and the docs. */
  description: string;
  defaultLevel: RuleLevel;
  /**
   * The key whose absence the rule reports. When that key is written but
   * invalid, the schema finding says so and this rule keeps quiet.
   */
  absentKey?: string;
}

export interface RuleContext {
  goal: ResolvedGoal;
  objectives: ReadonlySet<string>;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /**
   * Snapshots of the goal's metric and segment from the store, sorted by
   * date; undefined when there is no store to ask.
   */
  history: readonly Point[] | undefined;
  /** Whether a source in goals.yaml provides the goal's metric and segment. */
  hasSource: boolean;
}

/** A problem a rule found, at a path inside the goal (`['target']`, `[]` = the goal). */
export interface RuleReport {
  message: string;
  hint: string;
  path: Array<string | number>;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): RuleReport[];
}

/** `goal 'csat-q3'`: how messages name a goal. */
export function goalName(ctx: RuleContext): string {
  return `Goal '${ctx.goal.id}'`;
}

/**
 * Where a baseline not written in goals.yaml came from, for messages:
 * ` (the first snapshot on or after the start, 2026-07-06)`; `''` for a written one.
 */
export function baselineOrigin(goal: ResolvedGoal): string {
  const b = goal.baseline;
  if (!b || 'problem' in b || b.from === 'file') return '';
  return b.from === 'snapshot'
    ? ` (the first snapshot on or after the start, ${b.date})`
    : ` (no snapshot since the start yet: the newest before it, ${b.date})`;
}
