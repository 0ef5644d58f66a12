/**
 * The words and numbers of `goals report` shared by its Markdown and HTML
 * forms: a goal's figures, its comparison with earlier periods, its ranked
 * breakdowns. Plain text from the user's files is returned unescaped; each
 * reporter escapes for its own format.
 */
import { GOAL_TYPES } from '../../core/compare.js';
import type { PeriodComparison, PeriodValue } from '../../core/compare-periods.js';
import { daysBetween } from '../../core/dates.js';
import { formatChange, formatMetricValue, formatRate } from '../../core/format-value.js';
import type { BreakdownRow } from '../../core/breakdown.js';
import type { Point } from '../../core/snapshot.js';
import { formatSegment } from '../../core/snapshot.js';
import { statusLabel } from '../../core/status.js';
import { plural } from '../findings.js';
import {
  DASH,
  chanceOf,
  formatChance,
  formatInterval,
  formatPercent,
  formatProgressChange,
  formatStatusChange,
  formatTarget,
  formatValueChange,
  statusReason,
} from '../check/goal-text.js';
import type { ReportGoal } from './result.js';

export interface FigureText {
  label: string;
  value: string;
  /** Where the value comes from, or what it is measured against. */
  note: string;
}

/** `n = 214`, `n = 12, partial period` for a records snapshot; '' for a KPI one. */
export function formatSample(point: Point | null): string {
  if (!point || point.n === undefined) return point?.partial ? 'partial period' : '';
  return `n = ${point.n.toLocaleString('en-US')}${point.partial ? ', partial period' : ''}`;
}

/**
 * The figures `goals check` shows for a goal, each with its context; a
 * current value from fewer rows than min_sample says so.
 */
export function goalFigures(goal: ReportGoal, minSample: number): FigureText[] {
  const e = goal.evaluation;
  const fmt = (v: number) => formatMetricValue(v, e.unit);
  const isStay = GOAL_TYPES[e.type].isStay;
  // n and partial: the stored snapshot judged on (records sources).
  const judged = goal.points.find((p) => p.date === e.current?.date) ?? null;
  const small =
    judged?.n !== undefined && judged.n < minSample
      ? `fewer than min_sample ${minSample} rows`
      : '';
  const figures: FigureText[] = [
    {
      label: 'Now',
      value: e.current ? fmt(e.current.value) : DASH,
      note: e.current
        ? [`on ${e.current.date}`, formatSample(judged), small].filter(Boolean).join(', ')
        : e.status === 'not-started'
          ? `starts ${e.start}`
          : 'no snapshot yet',
    },
    {
      label: isStay ? 'Threshold' : 'Target',
      value: formatTarget(e),
      note: isStay ? `every snapshot until ${e.deadline}` : `by ${e.deadline}`,
    },
  ];
  if (!isStay) {
    figures.push({
      label: 'Baseline',
      value: e.baseline ? fmt(e.baseline.value) : DASH,
      note: !e.baseline
        ? 'no snapshot yet'
        : e.baseline.from === 'file'
          ? 'from goals.yaml'
          : `snapshot of ${e.baseline.date}`,
    });
  }
  const isStarted = e.status !== 'not-started';
  figures.push(
    isStay
      ? {
          label: 'Held',
          value:
            isStarted && e.held && e.held.total > 0 ? `${e.held.met} of ${e.held.total}` : DASH,
          note: `snapshots since ${e.start}`,
        }
      : {
          label: 'Progress',
          value: isStarted ? formatPercent(e.progress) : DASH,
          note: `expected ${formatPercent(e.expectedProgress)} by ${e.asOf}`,
        },
  );
  figures.push({
    label: 'Forecast',
    value: e.forecast === null ? DASH : fmt(e.forecast),
    note:
      e.forecast === null
        ? 'needs snapshots on 3 dates'
        : `at ${e.deadline}, from the trend${e.forecastInterval ? `; 80 % interval ${formatInterval(e)}` : ''}`,
  });
  // Once the deadline has passed the status is final: no chance to give.
  if (!e.isPastDeadline) {
    figures.push({
      label: 'Chance',
      value: formatChance(e.chance),
      note:
        e.chance !== null
          ? chanceOf(e)
          : (e.figures.find((f) => f.name === 'chance')?.note ?? 'needs more snapshots'),
    });
  }
  figures.push({
    label: 'Pace',
    value: e.pace.perWeek === null ? DASH : formatRate(e.pace.perWeek, e.unit, true),
    note:
      e.pace.neededPerWeek === null
        ? 'recent, per week'
        : e.pace.neededPerWeek === 0
          ? 'target met'
          : `needs ${formatRate(e.pace.neededPerWeek, e.unit, true)}`,
  });
  figures.push({
    label: 'Left',
    value: e.daysLeft > 0 ? plural(e.daysLeft, 'day') : e.daysLeft === 0 ? 'today' : 'ended',
    note: `${e.start} – ${e.deadline}`,
  });
  if (goal.previous) {
    const change = formatStatusChange(goal);
    const moves = [
      formatValueChange(goal),
      formatProgressChange(goal) && `progress ${formatProgressChange(goal)}`,
    ];
    figures.push({
      label: `Since ${goal.previous.evaluation.asOf}`,
      value: change || `${statusLabel(goal.previous.evaluation.status)}, unchanged`,
      note: moves.filter(Boolean).join(', ') || DASH,
    });
  }
  return figures;
}

/** Why the goal has its status, and its stale flag, in a sentence each. */
export function statusNotes(goal: ReportGoal): string[] {
  const e = goal.evaluation;
  const notes = [`${statusLabel(e.status)}: ${statusReason(e)}`];
  if (e.stale && e.latest) {
    notes.push(
      `stale: the newest snapshot (${e.latest.date}) is ${plural(daysBetween(e.latest.date, e.asOf), 'day')} old`,
    );
  }
  return notes;
}

/** The metric, its segment and its owner: `Customer satisfaction (csat) · team EMEA · Maria`. */
export function goalSubtitle(goal: ReportGoal): string {
  const e = goal.evaluation;
  const segment = Object.keys(goal.segment).length === 0 ? 'all' : formatSegment(goal.segment);
  return [`${goal.metricName} (${e.metric})`, segment, goal.owner ? `owner ${goal.owner}` : '']
    .filter(Boolean)
    .join(' · ');
}

export interface PeriodText {
  label: string;
  period: string;
  value: string;
  /** No snapshot in the period: `value` says why in words. */
  isMissing: boolean;
  /** The latest period's value − this one's, in the metric's unit; '' for the latest and for missing values. */
  change: string;
  /** Whether the change is for the better: true, false, or null (none / no change). */
  isBetter: boolean | null;
}

/**
 * The latest period (the one holding the current snapshot), the one before
 * and the same one a year earlier, with the latest period's change against each.
 */
export function periodRows(goal: ReportGoal, periods: PeriodComparison): PeriodText[] {
  const e = goal.evaluation;
  const sign = GOAL_TYPES[e.type].sign;
  const now = periods.current.value;
  const row = (label: string, p: PeriodValue, isCurrent: boolean): PeriodText => {
    const delta = !isCurrent && now !== null && p.value !== null ? now - p.value : null;
    return {
      label,
      period: p.label,
      value:
        p.value === null
          ? p.end < periods.firstDate
            ? `no data (it starts ${periods.firstDate})`
            : 'no snapshot'
          : formatMetricValue(p.value, e.unit) +
            (p.snapshots > 1 ? ` (mean of ${p.snapshots})` : ''),
      isMissing: p.value === null,
      change: delta === null ? '' : formatChange(delta, e.unit),
      isBetter: delta === null || delta === 0 ? null : sign * delta > 0,
    };
  };
  return [
    row(`Latest ${periods.cadence}`, periods.current, true),
    row(`${capitalize(periods.cadence)} before`, periods.previous, false),
    row('A year earlier', periods.yearAgo, false),
  ];
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** Rankings longer than this show their best and worst RANK_EDGE rows. */
const RANK_LIMIT = 25;
const RANK_EDGE = 10;

/** The rows of a ranking as shown: all of them, or the best and worst with the count left out between. */
export function shownRanking(rows: BreakdownRow[]): {
  top: Array<{ rank: number; row: BreakdownRow }>;
  omitted: number;
  bottom: Array<{ rank: number; row: BreakdownRow }>;
} {
  const ranked = rows.map((row, i) => ({ rank: i + 1, row }));
  if (rows.length <= RANK_LIMIT) return { top: ranked, omitted: 0, bottom: [] };
  return {
    top: ranked.slice(0, RANK_EDGE),
    omitted: rows.length - 2 * RANK_EDGE,
    bottom: ranked.slice(-RANK_EDGE),
  };
}

/** A ranked row's figures: value (with its date when older than the goal's), change, target. */
export function breakdownCells(
  goal: ReportGoal,
  row: BreakdownRow,
): { value: string; date: string; change: string; target: string } {
  const e = goal.evaluation;
  return {
    value: row.current ? formatMetricValue(row.current.value, e.unit) : DASH,
    date: row.current?.date ?? '',
    change: row.change === null ? '' : formatChange(row.change, e.unit),
    target: row.meetsTarget === null ? '' : row.meetsTarget ? 'meets' : 'misses',
  };
}
