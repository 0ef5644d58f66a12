/**
 * The evaluation step shared by `goals check`, `goals explain` and
 * `goals history`: pick the goals, resolve them, refuse goals that cannot be
 * evaluated (all of them named at once), read each series once from the
 * store and evaluate every goal as of the project's date.
 */
import type { GoalInput } from '../config/schema.js';
import type { IsoDate } from '../core/dates.js';
import { parseDuration } from '../core/duration.js';
import { GoalsError } from '../core/errors.js';
import { evaluateGoal, findEvaluationProblems, pointWindowOf } from '../core/evaluate-goal.js';
import type { EvaluateOptions, GoalEvaluation, PointWindow } from '../core/evaluate-goal.js';
import type { Finding } from '../core/finding.js';
import { breakdownSegments } from '../core/breakdown.js';
import { resolveGoal } from '../core/resolve-goal.js';
import type { ResolvedGoal } from '../core/resolve-goal.js';
import { segmentKey } from '../core/snapshot.js';
import type { Point, Segment } from '../core/snapshot.js';
import { suggest } from '../core/suggest.js';
import { sanitizeLine } from '../core/text.js';
import type { CommandContext } from './context.js';
import type { Project } from './load-project.js';
import { openHistory } from './open-history.js';

export interface EvaluatedGoal {
  input: GoalInput;
  /** Index of the goal in goals.yaml's `goals:` list. */
  fileIndex: number;
  goal: ResolvedGoal;
  /** The snapshots of the goal's metric and segment read for it (see `wholeSeries`), sorted by date. */
  points: Point[];
  evaluation: GoalEvaluation;
  /** With `since`: the goal evaluated as of that earlier date, from the same snapshots. */
  previous?: GoalEvaluation;
  /** With `breakdowns`: the metric in the segments a breakdown ranks (core's breakdownSegments). */
  breakdowns?: SegmentBreakdown[];
}

/** The whole series of each segment of one breakdown. */
export interface SegmentBreakdown {
  key: string;
  series: Array<{ segment: Segment; points: Point[] }>;
}

const SECONDS_PER_DAY = 86_400;

/** The evaluation options of a project: its date and settings. */
export function evaluateOptionsOf(project: Project): EvaluateOptions {
  const written = project.config.settings.stale_after;
  const staleAfter = written === undefined ? undefined : parseDuration(written);
  return {
    asOf: project.asOf,
    atRiskMargin: project.config.settings.at_risk_margin,
    // not set: the core takes it from each series' cadence
    staleAfterDays: staleAfter === undefined ? undefined : staleAfter / SECONDS_PER_DAY,
    minSample: project.config.settings.min_sample,
  };
}

/**
 * Finds a goal by id, or stops with GOAL_NOT_FOUND (exit 2) and the closest
 * id ("did you mean …").
 */
export function findGoalIndex(project: Project, id: string): number {
  const index = project.config.goals.findIndex((g) => g.id === id);
  if (index >= 0) return index;
  const ids = project.config.goals.map((g) => g.id);
  const close = suggest(id, ids);
  throw new GoalsError(
    'GOAL_NOT_FOUND',
    `There is no goal "${sanitizeLine(id)}" in ${project.loaded.displayPath}.`,
    {
      hint: close
        ? `Did you mean "${close}"?`
        : ids.length > 0
          ? `Its goals are: ${ids.join(', ')}.`
          : 'It has no goals yet: add one with `goals new`.',
    },
  );
}

/**
 * Evaluates the goals at the given indexes of `config.goals` (in that order);
 * `hasHistory` is false when there is no snapshot store yet.
 * Throws GOALS_FILE_INVALID, with a finding per problem, when any of them
 * cannot be evaluated (no target, no deadline, …).
 */
export async function evaluateProject(
  ctx: CommandContext,
  project: Project,
  indexes: readonly number[],
  options: {
    sync: boolean;
    /** Read every snapshot of each series (history), not only what evaluation needs. */
    wholeSeries?: boolean;
    /** Also evaluate every goal as of this earlier date (`--since`). */
    since?: IsoDate;
    /** Also read the series of the metric's other segments, for breakdowns (`goals report`). */
    breakdowns?: boolean;
    /** Also compute each goal's interval up to the deadline, for a chart (history). */
    forecastBand?: boolean;
  },
): Promise<{ goals: EvaluatedGoal[]; hasHistory: boolean }> {
  const { config, loaded, catalog } = project;
  const resolved = indexes.map((i) => ({
    index: i,
    input: config.goals[i]!,
    fileIndex: loaded.goalIndexes[i] ?? i,
    goal: resolveGoal(config.goals[i]!, {
      catalog,
      fiscalYearStart: config.settings.fiscal_year_start,
    }),
  }));
  const findings: Finding[] = [];
  for (const r of resolved) {
    for (const problem of findEvaluationProblems(r.goal)) {
      const path = ['goals', r.fileIndex, ...problem.path];
      findings.push({
        severity: 'error',
        rule: 'check/cannot-evaluate',
        goal: r.goal.id,
        message: `${r.goal.id} cannot be evaluated: ${problem.message}.`,
        file: loaded.displayPath,
        ...loaded.positionOf(path),
        path,
      });
    }
  }
  if (findings.length > 0) {
    const goals = new Set(findings.map((f) => f.goal)).size;
    throw new GoalsError(
      'GOALS_FILE_INVALID',
      `${goals === 1 ? 'A goal' : `${goals} goals`} in ${loaded.displayPath} cannot be evaluated; nothing was checked.`,
      {
        hint: 'Fix what is listed above (`goals validate` explains each), or mark a finished goal `status: closed`.',
        findings,
      },
    );
  }
  if (resolved.length === 0) return { goals: [], hasHistory: false };
  const history = await openHistory(ctx, project, { sync: options.sync });
  try {
    const evaluateOptions = {
      ...evaluateOptionsOf(project),
      ...(options.forecastBand ? { forecastBand: true } : {}),
    };
    // Goals that share a metric, segment and window read them once.
    const series = new Map<string, Point[]>();
    const segmentsOf = new Map<string, Segment[]>();
    const readBreakdowns = (goal: ResolvedGoal): SegmentBreakdown[] => {
      if (!history) return [];
      const metric = goal.metric!.id;
      let segments = segmentsOf.get(metric);
      if (!segments) segmentsOf.set(metric, (segments = history.segmentsOf(metric)));
      return breakdownSegments(goal.segment, segments).map((b) => ({
        key: b.key,
        series: b.segments.map((segment) => {
          const key = seriesKey(metric, segment, undefined);
          let points = series.get(key);
          if (!points) series.set(key, (points = history.pointsOf(metric, segment)));
          return { segment, points };
        }),
      }));
    };
    const goals = resolved.map((r) => {
      const metric = r.goal.metric!.id;
      const window = options.wholeSeries
        ? undefined
        : windowOf(r.goal, [project.asOf, ...(options.since ? [options.since] : [])]);
      const key = seriesKey(metric, r.goal.segment, window);
      let points = series.get(key);
      if (!points) {
        points =
          (window && history?.pointsNear
            ? history.pointsNear(metric, r.goal.segment, window)
            : history?.pointsOf(metric, r.goal.segment)) ?? [];
        series.set(key, points);
      }
      return {
        input: r.input,
        fileIndex: r.fileIndex,
        goal: r.goal,
        points,
        evaluation: evaluateGoal(r.goal, points, evaluateOptions),
        ...(options.since
          ? { previous: evaluateGoal(r.goal, points, { ...evaluateOptions, asOf: options.since }) }
          : {}),
        ...(options.breakdowns ? { breakdowns: readBreakdowns(r.goal) } : {}),
      };
    });
    return { goals, hasHistory: history !== undefined };
  } finally {
    history?.close();
  }
}

/** Which series a read was: a metric's segment, whole or in a window. */
function seriesKey(metric: string, segment: Segment, window: PointWindow | undefined): string {
  return [metric, segmentKey(segment), window?.from, window?.to].join('\u0000');
}

/** The snapshots evaluating a goal as of each of `dates` needs: the union of their windows. */
function windowOf(goal: ResolvedGoal, dates: IsoDate[]): PointWindow | undefined {
  const windows = dates.map((d) => pointWindowOf(goal, d));
  if (windows.some((w) => w === undefined)) return undefined;
  return (windows as PointWindow[]).reduce((a, b) => ({
    from: a.from < b.from ? a.from : b.from,
    to: a.to > b.to ? a.to : b.to,
    before: Math.max(a.before, b.before),
  }));
}
