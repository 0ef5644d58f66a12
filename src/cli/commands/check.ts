/**
 * `goals check`: sync sources, evaluate every active goal as of a date,
 * report where each stands (table, json, markdown, junit, github) and exit 1
 * when a goal's status — or its stale flag — is in `--fail-on` (DESIGN §8),
 * or its chance of meeting the target is below `--fail-below-chance` (§12).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { IsoDate } from '../../core/dates.js';
import { GoalsError } from '../../core/errors.js';
import { STATUS_RULE_ORDER, isGoalStatus, statusLabel } from '../../core/status.js';
import type { GoalStatus } from '../../core/status.js';
import { statusChange } from '../../core/status-change.js';
import { suggest } from '../../core/suggest.js';
import { sanitizeLine } from '../../core/text.js';
import type { CheckResult, CheckedGoal, FailOn } from '../../report/check/result.js';
import { formatCheckTable } from '../../report/check/table.js';
import type { CommandContext, ExitCode } from '../context.js';
import { annotationPathOf } from '../annotation-path.js';
import { evaluateProject, findGoalIndex } from '../evaluate-project.js';
import type { EvaluatedGoal } from '../evaluate-project.js';
import { terminalWidth } from '../io.js';
import { loadProject } from '../load-project.js';
import type { Project } from '../load-project.js';
import { makeChalk } from '../colour.js';
import { parseSince } from '../since.js';

export type CheckFormat = 'table' | 'json' | 'markdown' | 'junit' | 'github';

export interface CheckOptions {
  format: CheckFormat;
  goal: string[];
  objective: string[];
  status?: string;
  failOn: string;
  /** `0.5` or `50%`: goals whose chance of meeting the target is below it fail. */
  failBelowChance?: string;
  /** Exit 0 even when goals fail --fail-on; the reports still show them. */
  exitZero?: boolean;
  /** `7d`, `2w` or a date: also evaluate every goal then and show what changed. */
  since?: string;
  output?: string;
  sync: boolean;
  /** Set by run.ts: whether --format was given (else GitHub Actions gets annotations too). */
  isFormatExplicit?: boolean;
}

export async function checkCommand(ctx: CommandContext, options: CheckOptions): Promise<ExitCode> {
  const failOn = parseStatusList(options.failOn, '--fail-on', true);
  const failBelowChance =
    options.failBelowChance === undefined ? undefined : parseChance(options.failBelowChance);
  const onlyStatuses = options.status
    ? new Set(parseStatusList(options.status, '--status', false))
    : undefined;
  const project = await loadProject(ctx);
  const since = options.since === undefined ? undefined : parseSince(options.since, project.asOf);
  if (failOn.includes('slipped') && !since) {
    throw new GoalsError('USAGE', '--fail-on slipped needs --since: slipped since when?', {
      hint: 'Add --since 7d (a week before as of) or --since YYYY-MM-DD.',
    });
  }
  const indexes = selectGoals(ctx, project, options);
  const { goals, hasHistory } = await evaluateProject(ctx, project, indexes, {
    sync: options.sync,
    ...(since ? { since } : {}),
  });
  if (!hasHistory && goals.length > 0 && !ctx.global.quiet) {
    ctx.io.stderr.write(
      `${ctx.chalkErr.yellow('note')} the store has no snapshots yet, so no goal can be measured: import exports with \`goals import\`, or list them under sources: in ${project.loaded.displayPath}.\n`,
    );
  }
  const shown = goals.filter((g) => !onlyStatuses || onlyStatuses.has(g.evaluation.status));
  const checked = shown.map((g) => checkedGoalOf(project, g, failOn, failBelowChance));
  const result = {
    ...buildResult(project, checked, failOn, since),
    ...(failBelowChance === undefined ? {} : { failBelowChance }),
  };
  await writeReports(ctx, result, options);
  // With --fail-below-chance, --fail-on '' is how one fails on the chance alone.
  if (failOn.length === 0 && failBelowChance === undefined && !ctx.global.quiet) {
    noteHiddenFailures(ctx, checked);
  }
  return checked.some((g) => g.failures.length > 0) && !options.exitZero ? 1 : 0;
}

/** What --fail-on defaults to (run.ts). */
const DEFAULT_FAIL_ON: readonly FailOn[] = ['off-track', 'missed'];

/**
 * `--fail-on ''` (what older CI jobs used to keep a report step green) makes
 * no goal a failure in any report either: say which goals that hides, and
 * that --exit-zero keeps the step green while the report shows them.
 */
function noteHiddenFailures(ctx: CommandContext, checked: CheckedGoal[]): void {
  const hidden = checked.filter((g) => DEFAULT_FAIL_ON.includes(g.evaluation.status));
  if (hidden.length === 0) return;
  ctx.io.stderr.write(
    `${ctx.chalkErr.yellow('note')} --fail-on '' marks no goal as failing, in the reports too: ${hidden.map((g) => `${g.evaluation.id} (${statusLabel(g.evaluation.status)})`).join(', ')} show as passing. To report them as failing and still exit 0, use --exit-zero instead.\n`,
  );
}

/**
 * `--fail-below-chance`: a share from 0 to 1 (`0.5`), or a percentage (`50%`);
 * anything else stops with exit 2.
 */
export function parseChance(text: string): number {
  const trimmed = text.trim();
  const percent = /^(\d+(?:\.\d+)?)\s*%$/.exec(trimmed);
  const value = percent
    ? Number(percent[1]) / 100
    : /^\d*\.?\d+$/.test(trimmed)
      ? Number(trimmed)
      : NaN;
  if (Number.isFinite(value) && value >= 0 && value <= 1) return value;
  const asPercent = Number(trimmed);
  throw new GoalsError(
    'USAGE',
    `--fail-below-chance: "${sanitizeLine(text)}" is not a chance from 0 to 1.`,
    {
      hint:
        Number.isFinite(asPercent) && asPercent > 1 && asPercent <= 100
          ? `For ${asPercent} %, write --fail-below-chance ${asPercent / 100} (or ${asPercent}%).`
          : 'Write a share such as 0.5, or a percentage such as 50%.',
    },
  );
}

/** A goal as the check reporters take it: its evaluation(s), where it is written, what fails. */
export function checkedGoalOf(
  project: Project,
  g: EvaluatedGoal,
  failOn: FailOn[],
  failBelowChance?: number,
): CheckedGoal {
  const e = g.evaluation;
  const failures: FailOn[] = [];
  if (failOn.includes(e.status)) failures.push(e.status);
  if (e.stale && failOn.includes('stale')) failures.push('stale');
  if (failBelowChance !== undefined && e.chance !== null && e.chance < failBelowChance) {
    failures.push('chance');
  }
  const previous = g.previous
    ? { evaluation: g.previous, change: statusChange(g.previous.status, e.status) }
    : undefined;
  if (previous?.change === 'slipped' && failOn.includes('slipped')) failures.push('slipped');
  const position = project.loaded.positionOf(['goals', g.fileIndex]);
  return {
    evaluation: e,
    title: g.input.title,
    objective: g.input.objective,
    owner: g.input.owner,
    segment: g.goal.segment,
    line: position.line,
    column: position.column,
    failures,
    ...(previous ? { previous } : {}),
  };
}

export function buildResult(
  project: Project,
  goals: CheckedGoal[],
  failOn: FailOn[],
  since: IsoDate | undefined,
): CheckResult {
  const summary = { total: goals.length } as CheckResult['summary'];
  for (const status of STATUS_RULE_ORDER) summary[status] = 0;
  for (const g of goals) summary[g.evaluation.status]++;
  return {
    config: project.loaded.displayPath,
    asOf: project.asOf,
    ...(since ? { since } : {}),
    objectives: project.config.objectives.map((o) => ({
      id: o.id,
      title: o.title,
      owner: o.owner,
    })),
    goals,
    summary,
    stale: goals.filter((g) => g.evaluation.stale).length,
    minSample: project.config.settings.min_sample,
    failOn,
  };
}

/** Active goals picked by --goal and --objective, in file order; unknown ids stop with exit 2. */
export function selectGoals(
  ctx: CommandContext,
  project: Project,
  options: Pick<CheckOptions, 'goal' | 'objective'>,
): number[] {
  const { config, loaded } = project;
  for (const id of options.goal) findGoalIndex(project, id);
  const objectives = [
    ...new Set([
      ...config.objectives.map((o) => o.id),
      ...config.goals.map((g) => g.objective).filter((o): o is string => o !== undefined),
    ]),
  ];
  for (const id of options.objective) {
    if (objectives.includes(id)) continue;
    const close = suggest(id, objectives);
    throw new GoalsError(
      'USAGE',
      `There is no objective "${sanitizeLine(id)}" in ${loaded.displayPath}.`,
      {
        hint: close
          ? `Did you mean "${close}"?`
          : `Its objectives are: ${objectives.join(', ') || 'none yet'}.`,
      },
    );
  }
  const indexes: number[] = [];
  config.goals.forEach((g, i) => {
    if (options.goal.length > 0 && !options.goal.includes(g.id)) return;
    if (options.objective.length > 0 && !options.objective.includes(g.objective ?? '')) return;
    if (g.status === 'closed') {
      if (options.goal.includes(g.id) && !ctx.global.quiet) {
        ctx.io.stderr.write(
          `${ctx.chalkErr.yellow('note')} ${g.id} is closed (status: closed), so it is not checked; \`goals explain ${g.id}\` still shows it.\n`,
        );
      }
      return;
    }
    indexes.push(i);
  });
  return indexes;
}

/**
 * `off-track,missed` → statuses (for --fail-on also `stale` and `slipped`);
 * unknown names stop with exit 2 and the valid ones.
 */
export function parseStatusList(text: string, option: string, isFailOn: true): FailOn[];
export function parseStatusList(text: string, option: string, isFailOn: false): GoalStatus[];
export function parseStatusList(text: string, option: string, isFailOn: boolean): FailOn[] {
  const flags = isFailOn ? ['stale', 'slipped'] : [];
  const valid: string[] = [...STATUS_RULE_ORDER, ...flags];
  const names = text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const list: FailOn[] = [];
  for (const name of names) {
    if (isGoalStatus(name) || flags.includes(name)) {
      if (!list.includes(name as FailOn)) list.push(name as FailOn);
      continue;
    }
    const close = suggest(name, valid);
    throw new GoalsError('USAGE', `${option}: "${sanitizeLine(name)}" is not a status.`, {
      hint: `${close ? `Did you mean "${close}"? ` : ''}Valid: ${valid.join(', ')}.`,
    });
  }
  return list;
}

async function render(
  result: CheckResult,
  format: CheckFormat,
  ctx: CommandContext,
  colour: boolean,
): Promise<string> {
  switch (format) {
    case 'table':
      return formatCheckTable(result, {
        chalk: colour ? ctx.chalk : await makeChalk(0),
        width: terminalWidth(ctx.io),
        quiet: ctx.global.quiet ?? false,
      });
    case 'json':
      return (await import('../../report/check/json.js')).formatCheckJson(result);
    case 'markdown':
      return (await import('../../report/check/markdown.js')).formatCheckMarkdown(result);
    case 'junit':
      return (await import('../../report/check/junit.js')).formatCheckJunit(result);
    case 'github':
      return (await import('../../report/check/github.js')).formatCheckGithub(
        result,
        annotationPathOf(ctx.io)(result.config),
      );
  }
}

/**
 * stdout gets the chosen format, or the table when -o sends the report to a
 * file. In GitHub Actions, `--format github` (or no --format at all) adds
 * annotations and appends the Markdown summary to $GITHUB_STEP_SUMMARY.
 */
async function writeReports(
  ctx: CommandContext,
  result: CheckResult,
  options: CheckOptions,
): Promise<void> {
  const { io } = ctx;
  const isGithubAuto = io.env.GITHUB_ACTIONS === 'true' && !options.isFormatExplicit;
  if (options.output) {
    const path = resolve(io.cwd, options.output);
    const report = await render(result, options.format, ctx, false);
    try {
      writeFileSync(path, report);
    } catch (error) {
      throw new GoalsError(
        'USAGE',
        `Cannot write the report to ${options.output}: ${(error as Error).message}`,
        {
          hint: 'Check that the folder exists and that you may write to it.',
          cause: error,
        },
      );
    }
    io.stdout.write(await render(result, 'table', ctx, true));
  } else {
    io.stdout.write(await render(result, options.format, ctx, true));
  }
  if (isGithubAuto) {
    const { formatCheckAnnotations } = await import('../../report/check/github.js');
    io.stdout.write(formatCheckAnnotations(result, annotationPathOf(io)(result.config)));
  }
  const summaryFile = io.env.GITHUB_STEP_SUMMARY;
  if (summaryFile && (options.format === 'github' || isGithubAuto)) {
    const markdown = (await import('../../report/check/markdown.js')).formatCheckMarkdown(result);
    try {
      appendFileSync(resolve(io.cwd, summaryFile), `${markdown}\n`);
    } catch (error) {
      io.stderr.write(
        `${ctx.chalkErr.yellow('warning')} could not append the job summary to ${summaryFile}: ${(error as Error).message}\n`,
      );
    }
  }
}
