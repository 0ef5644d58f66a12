/**
 * What `goals report` shows (DESIGN §12 "Report"): the check of every goal
 * at as of and at the comparison date, and per goal its whole series, the
 * comparison with earlier periods and the breakdowns by segment. Built once
 * by the command, rendered by the Markdown and HTML reporters.
 */
import type { IsoDate } from '../../core/dates.js';
import type { BreakdownRow } from '../../core/breakdown.js';
import type { PeriodComparison } from '../../core/compare-periods.js';
import type { MetricDefinition } from '../../core/metrics.js';
import type { Point } from '../../core/snapshot.js';
import type { CheckResult, CheckedGoal } from '../check/result.js';

export interface ReportBreakdown {
  /** The segment key ranked: `team`, `agent`. */
  key: string;
  /** Best first for the goal's direction. */
  rows: BreakdownRow[];
}

export interface ReportGoal extends CheckedGoal {
  /** The metric's name: `Customer satisfaction`. */
  metricName: string;
  /** The metric's valid range (`[0, 100]` for a percentage); null = unbounded on that side. */
  range: MetricDefinition['range'];
  /** Every snapshot of the goal's metric and segment up to as of, oldest first. */
  points: Point[];
  /** This period against the previous one and a year earlier; undefined without a cadence. */
  periods: PeriodComparison | undefined;
  breakdowns: ReportBreakdown[];
}

export interface ReportResult extends CheckResult {
  /** The comparison date (--since, default a week before as of). */
  since: IsoDate;
  /** The command that makes this report again from the same snapshots: `goals report --as-of … --since …`. */
  command: string;
  goals: ReportGoal[];
}
