/**
 * Runs the SMART rules over every goal and grades each letter. Rules report
 * paths inside a goal; the caller turns them into file positions.
 */
import type { GoalInput } from '../config/schema.js';
import type { RuleLevel } from './finding.js';
import type { MetricDefinition } from './metrics.js';
import { resolveGoal, withHistoryBaseline } from './resolve-goal.js';
import type { ResolvedGoal } from './resolve-goal.js';
import type { Point } from './snapshot.js';
import { RULES } from './rules/index.js';
import type { Rule, SmartLetter } from './rules/rule.js';

export type Grade = 'pass' | 'warn' | 'fail';
export type SmartGrid = Record<SmartLetter, Grade>;

export const LETTERS: readonly SmartLetter[] = ['S', 'M', 'A', 'R', 'T'];

export interface SmartFinding {
  /** Index of the goal in the list given. */
  goalIndex: number;
  goalId: string;
  rule: Rule['meta'];
  severity: 'error' | 'warning';
  message: string;
  hint: string;
  /** Path inside the goal. */
  path: Array<string | number>;
}

export interface SmartInput {
  goals: readonly GoalInput[];
  objectives: ReadonlySet<string>;
  catalog: ReadonlyMap<string, MetricDefinition>;
  fiscalYearStart: number;
  levels: Readonly<Partial<Record<string, RuleLevel>>>;
  /** Snapshots of a goal's metric and segment, sorted; undefined when there is no store. */
  historyOf(goal: ResolvedGoal): readonly Point[] | undefined;
  /** Whether a source in goals.yaml provides the goal's metric and segment. */
  hasSource(goal: ResolvedGoal): boolean;
}

export function levelOf(rule: Rule['meta'], levels: SmartInput['levels']): RuleLevel {
  return levels[rule.id] ?? rule.defaultLevel;
}

export function checkSmart(input: SmartInput): SmartFinding[] {
  const findings: SmartFinding[] = [];
  input.goals.forEach((goalInput, goalIndex) => {
    if (goalInput.status === 'closed') return;
    const resolved = resolveGoal(goalInput, {
      catalog: input.catalog,
      fiscalYearStart: input.fiscalYearStart,
    });
    const history = input.historyOf(resolved);
    // One baseline rule everywhere: the rules see the baseline `goals check` uses.
    const goal = withHistoryBaseline(resolved, history);
    const ctx = {
      goal,
      objectives: input.objectives,
      catalog: input.catalog,
      history,
      hasSource: input.hasSource(goal),
    };
    for (const rule of RULES) {
      const level = levelOf(rule.meta, input.levels);
      if (level === 'off') continue;
      for (const report of rule.check(ctx)) {
        findings.push({
          goalIndex,
          goalId: goal.id,
          rule: rule.meta,
          severity: level === 'error' ? 'error' : 'warning',
          ...report,
        });
      }
    }
  });
  return findings;
}

/** A letter fails on an error, warns on a warning, else passes. */
export function gradeGoal(
  findings: ReadonlyArray<{ letter: SmartLetter; severity: 'error' | 'warning' }>,
): SmartGrid {
  const grid: SmartGrid = { S: 'pass', M: 'pass', A: 'pass', R: 'pass', T: 'pass' };
  for (const f of findings) {
    if (f.severity === 'error') grid[f.letter] = 'fail';
    else if (grid[f.letter] === 'pass') grid[f.letter] = 'warn';
  }
  return grid;
}
