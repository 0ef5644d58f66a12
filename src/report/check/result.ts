/**
 * What `goals check` found: the input of every check reporter (table, json,
 * markdown, junit, github). Built once by the command, rendered by pure
 * functions.
 */
import type { IsoDate } from '../../core/dates.js';
import type { GoalEvaluation } from '../../core/evaluate-goal.js';
import type { Segment } from '../../core/snapshot.js';
import type { GoalStatus } from '../../core/status.js';
import type { StatusChange } from '../../core/status-change.js';

/**
 * Why a goal fails the check: a status, the `stale` flag or `slipped` (with
 * --since) — what `--fail-on` takes — or `chance`, below `--fail-below-chance`.
 */
export type FailOn = GoalStatus | 'stale' | 'slipped' | 'chance';

/** With --since: the goal as of the earlier date, and how its status moved since. */
export interface PreviousCheck {
  evaluation: GoalEvaluation;
  change: StatusChange;
}

export interface CheckedGoal {
  evaluation: GoalEvaluation;
  title: string;
  /** Objective id as written (it may name no objective), or undefined. */
  objective: string | undefined;
  owner: string | undefined;
  segment: Segment;
  /** Where the goal is written in goals.yaml (1-based), for annotations. */
  line: number;
  column: number;
  /** What fails the goal: its status, `stale`, `slipped` (--fail-on), `chance`; empty when it passes. */
  failures: FailOn[];
  /** With --since: the goal as of the earlier date. */
  previous?: PreviousCheck;
}

export interface CheckedObjective {
  id: string;
  title: string;
  owner?: string | undefined;
}

export type CheckSummary = { total: number } & Record<GoalStatus, number>;

export interface CheckResult {
  /** goals.yaml as shown to the user. */
  config: string;
  asOf: IsoDate;
  /** With --since: the earlier date every goal was also evaluated at. */
  since?: IsoDate;
  /** The objectives of goals.yaml, in file order. */
  objectives: CheckedObjective[];
  /** The goals checked, in file order. */
  goals: CheckedGoal[];
  summary: CheckSummary;
  /** How many goals are stale. */
  stale: number;
  /** `settings.min_sample`: a current value from fewer rows is marked as a small sample. */
  minSample: number;
  failOn: FailOn[];
  /** --fail-below-chance: goals whose chance is below it fail. */
  failBelowChance?: number;
}
