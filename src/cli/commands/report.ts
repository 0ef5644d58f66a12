/**
 * `goals report` (DESIGN §12 "Report"): what a planning meeting or a manager
 * reads — every goal as of a date and compared with an earlier one, its
 * chart, its history by period and its breakdown by segment — as Markdown or
 * as one self-contained HTML file (the default for `-o *.html`). The HTML
 * reporter, and the chart library behind it, is loaded only when asked for.
 */
import { dirname, join, resolve } from 'node:path';
import { rankBreakdown } from '../../core/breakdown.js';
import { comparePeriods } from '../../core/compare-periods.js';
import { GoalsError } from '../../core/errors.js';
import { shellWord } from '../../core/text.js';
import type { ReportGoal, ReportResult } from '../../report/goals-report/result.js';
import type { CommandContext, ExitCode } from '../context.js';
import { evaluateProject } from '../evaluate-project.js';
import type { EvaluatedGoal } from '../evaluate-project.js';
import { loadProject } from '../load-project.js';
import type { Project } from '../load-project.js';
import { parseSince } from '../since.js';
import { writeFileAtomic } from '../write-file-atomic.js';
import { buildResult, checkedGoalOf, selectGoals } from './check.js';

export type ReportFormat = 'html' | 'markdown';

export interface ReportOptions {
  /** Default: html when -o names an .html file, else markdown. */
  format?: ReportFormat;
  output?: string;
  /** The comparison date: 7d, 2w or YYYY-MM-DD (default 7d). */
  since: string;
  goal: string[];
  objective: string[];
  sync: boolean;
}

export async function reportCommand(
  ctx: CommandContext,
  options: ReportOptions,
): Promise<ExitCode> {
  const format = options.format ?? (/\.html?$/i.test(options.output ?? '') ? 'html' : 'markdown');
  const project = await loadProject(ctx);
  const since = parseSince(options.since, project.asOf);
  const indexes = selectGoals(ctx, project, options);
  const { goals } = await evaluateProject(ctx, project, indexes, {
    sync: options.sync,
    since,
    wholeSeries: true,
    breakdowns: true,
  });
  const checked = goals.map((g) => checkedGoalOf(project, g, []));
  const result: ReportResult = {
    ...buildResult(project, checked, [], since),
    since,
    command: reportCommandLine(ctx, project, options, since),
    goals: goals.map((g, i) => reportGoalOf(project, g, checked[i]!)),
  };
  const text =
    format === 'html'
      ? (await import('../../report/html/report.js')).formatReportHtml(result, {
          generator: `goals ${ctx.version}`,
        })
      : (await import('../../report/goals-report/markdown.js')).formatReportMarkdown(result);
  if (!options.output) {
    ctx.io.stdout.write(text);
    return 0;
  }
  const path = resolve(ctx.io.cwd, options.output);
  try {
    writeFileAtomic(path, text);
  } catch (error) {
    if (error instanceof GoalsError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? `the folder ${dirname(path)} does not exist`
        : code === 'EISDIR'
          ? 'that is a folder; name a file in it, e.g. ' + join(options.output, 'goals.html')
          : code === 'EACCES' || code === 'EPERM'
            ? `goals may not write in ${dirname(path)}`
            : (error as Error).message;
    throw new GoalsError('USAGE', `Cannot write the report to ${options.output}: ${why}.`, {
      hint: 'Write it to a folder that exists and that you may write to.',
      cause: error,
    });
  }
  if (!ctx.global.quiet) {
    const size = Buffer.byteLength(text);
    ctx.io.stderr.write(
      `Wrote ${options.output} (${format === 'html' ? 'HTML' : 'Markdown'}, ${goals.length === 1 ? '1 goal' : `${goals.length} goals`}, ${Math.max(1, Math.round(size / 1024))} KB).\n`,
    );
  }
  return 0;
}

/**
 * `goals report -c goals.example.yaml --as-of 2026-11-16 --since 2026-10-01
 * --objective quality`: what makes the same report again from the same
 * snapshots, with the file, store and selection the user named.
 */
function reportCommandLine(
  ctx: CommandContext,
  project: Project,
  options: ReportOptions,
  since: string,
): string {
  const words = [
    'goals report',
    ...(ctx.global.config ? ['-c', shellWord(project.loaded.displayPath)] : []),
    ...(ctx.global.db ? ['--db', shellWord(ctx.global.db)] : []),
    `--as-of ${project.asOf} --since ${since}`,
    ...options.objective.map((id) => `--objective ${shellWord(id)}`),
    ...options.goal.map((id) => `--goal ${shellWord(id)}`),
  ];
  return words.join(' ');
}

function reportGoalOf(
  project: Project,
  g: EvaluatedGoal,
  checked: ReturnType<typeof checkedGoalOf>,
): ReportGoal {
  const e = g.evaluation;
  const points = g.points.filter((p) => p.date <= project.asOf);
  return {
    ...checked,
    metricName: g.goal.metric!.name,
    range: g.goal.metric!.range,
    points,
    periods: e.current
      ? comparePeriods(points, e.current.date, project.config.settings.fiscal_year_start)
      : undefined,
    breakdowns: (g.breakdowns ?? []).map((b) => ({
      key: b.key,
      rows: rankBreakdown(b, {
        segment: g.goal.segment,
        type: e.type,
        target: e.target,
        judgedAt: e.judgedAt,
        since: g.previous?.judgedAt,
      }),
    })),
  };
}
