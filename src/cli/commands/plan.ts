/**
 * `goals plan --quarter 2026-Q4`: the quarterly review. The goals whose
 * deadline fell in the quarter before are shown as they ended (achieved or
 * missed, final value against target, by the same evaluation as
 * `goals check`); for each metric worth keeping, next quarter's goal is
 * proposed from its recent trend, with a stretch version and the pace each
 * demands. The user accepts, edits or drops each; accepted goals are
 * appended to goals.yaml and the finished goals marked `status: closed`
 * (kept in the file for the record; `goals check` and `validate` skip them).
 * Without a terminal, or with --no-input, the proposals are printed as YAML
 * and nothing is written.
 */
import type { ChalkInstance } from 'chalk';
import type { GoalsEdit } from '../../config/edit-goals.js';
import { stringifyYaml } from '../../config/edit-goals.js';
import type { GoalInput, GoalType } from '../../config/schema.js';
import {
  buildGoalInput,
  checkTarget,
  explainPace,
  formatYamlValue,
  proposeGoalId,
  proposeTitle,
} from '../../core/build-goal.js';
import type { TargetAnswer } from '../../core/build-goal.js';
import { GOAL_TYPES } from '../../core/compare.js';
import {
  formatQuarter,
  nextQuarter,
  parseQuarter,
  quarterOf,
  quarterRange,
} from '../../core/dates.js';
import type { IsoDate, Quarter } from '../../core/dates.js';
import { GoalsError } from '../../core/errors.js';
import { formatMetricValue, formatRate } from '../../core/format-value.js';
import type { MetricDefinition } from '../../core/metrics.js';
import { judgePace } from '../../core/pace.js';
import { proposeTargets } from '../../core/propose-targets.js';
import type { TargetOption, TargetProposal } from '../../core/propose-targets.js';
import { resolveGoal } from '../../core/resolve-goal.js';
import { formatSegment, segmentKey } from '../../core/snapshot.js';
import { sanitizeLine } from '../../core/text.js';
import type { CommandContext, ExitCode } from '../context.js';
import { evaluateProject } from '../evaluate-project.js';
import type { EvaluatedGoal } from '../evaluate-project.js';
import { commitEdits, checkEditedText, formatGoalPreview } from '../goals-edit.js';
import { assertWritable } from '../write-file-atomic.js';
import { loadProject } from '../load-project.js';
import type { Project } from '../load-project.js';
import { createPrompter } from '../prompts.js';
import type { Prompter } from '../prompts.js';
import { placeOf } from './new.js';

export interface PlanOptions {
  quarter?: string;
  /** false with --no-input. */
  input?: boolean;
  /** false with --no-sync. */
  sync?: boolean;
}

/** A metric worth keeping: the goal that ended on it and what to aim for next. */
interface PlanItem {
  ended: EvaluatedGoal;
  metric: MetricDefinition;
  proposal: TargetProposal;
  /** The next goal with the trend target, and with the stretch target. */
  main: GoalInput;
  stretch: GoalInput | null;
}

interface Plan {
  quarter: Quarter;
  previous: Quarter;
  range: { start: IsoDate; end: IsoDate };
  asOf: IsoDate;
  /** Goals of the quarter before whose deadline has passed. */
  ended: EvaluatedGoal[];
  /** Goals of the quarter before still running on the planning date (planned mid-quarter). */
  running: EvaluatedGoal[];
  items: PlanItem[];
  /** Goals that gave no proposal, and why. */
  skipped: Array<{ goal: string; reason: string }>;
  /** Why there is no proposal at all, when there is none. */
  note?: string;
}

export async function planCommand(ctx: CommandContext, options: PlanOptions): Promise<ExitCode> {
  const project = await loadProject(ctx);
  const plan = await buildPlan(ctx, project, options);
  const prompter = createPrompter(ctx.io, { noInput: options.input === false });
  if (!prompter.isInteractive) {
    ctx.io.stdout.write(formatPlanYaml(plan));
    if (!ctx.global.quiet) {
      ctx.io.stderr.write(
        'Nothing was written: run `goals plan` in a terminal to accept, edit or drop each proposal.\n',
      );
    }
    return 0;
  }
  // Before any question: decisions that cannot be saved are a waste of a meeting.
  assertWritable(project.loaded.path);
  return reviewPlan(ctx, project, plan, prompter);
}

async function buildPlan(
  ctx: CommandContext,
  project: Project,
  options: PlanOptions,
): Promise<Plan> {
  const { config, catalog } = project;
  const fy = config.settings.fiscal_year_start;
  const quarter =
    options.quarter === undefined
      ? nextQuarter(quarterOf(project.asOf, fy))
      : (parseQuarter(options.quarter) ??
        fail(`--quarter ${options.quarter} is not a quarter: write it as YYYY-Qn, e.g. 2026-Q4.`));
  const previous = nextQuarter(quarter, -1);
  const range = quarterRange(quarter, fy);
  const before = quarterRange(previous, fy);
  const resolved = config.goals.map((g) => resolveGoal(g, { catalog, fiscalYearStart: fy }));
  const endedIndexes = resolved
    .map((g, i) => ({ g, i }))
    .filter(
      ({ g }) =>
        g.input.status === 'active' &&
        g.deadline !== undefined &&
        g.deadline >= before.start &&
        g.deadline <= before.end,
    )
    .map(({ i }) => i);
  // The whole series: the proposals need the snapshots after the deadline too.
  const { goals: reviewed } = await evaluateProject(ctx, project, endedIndexes, {
    sync: options.sync !== false,
    wholeSeries: true,
  });
  const ended = reviewed.filter((e) => e.evaluation.isPastDeadline);
  const running = reviewed.filter((e) => !e.evaluation.isPastDeadline);

  // Metrics already planned for the quarter need no proposal.
  const planned = new Map<string, string>();
  for (const g of resolved) {
    if (
      g.input.status === 'active' &&
      g.metric &&
      g.deadline &&
      g.deadline >= range.start &&
      g.deadline <= range.end
    )
      planned.set(seriesKey(g.metric.id, g.segment), g.id);
  }
  const ids = new Set(config.goals.map((g) => g.id));
  const items: PlanItem[] = [];
  const skipped: Plan['skipped'] = [];
  const seen = new Set<string>();
  // The latest goal on a series speaks for it.
  const byDeadline = [...reviewed].sort((a, b) =>
    a.evaluation.deadline < b.evaluation.deadline ? 1 : -1,
  );
  for (const e of byDeadline) {
    const metric = e.goal.metric!;
    const key = seriesKey(metric.id, e.goal.segment);
    if (seen.has(key)) {
      skipped.push({
        goal: e.goal.id,
        reason: 'a later goal on the same metric and segment speaks for it',
      });
      continue;
    }
    seen.add(key);
    const already = planned.get(key);
    if (already) {
      skipped.push({
        goal: e.goal.id,
        reason: `goal '${already}' already covers ${formatQuarter(quarter)}`,
      });
      continue;
    }
    const proposal = proposeTargets({
      metric,
      type: e.evaluation.type,
      previousTarget: e.evaluation.target,
      points: e.points,
      asOf: project.asOf,
      start: range.start,
      deadline: range.end,
    });
    if ('none' in proposal) {
      skipped.push({ goal: e.goal.id, reason: proposal.none });
      continue;
    }
    const make = (option: TargetOption, type: GoalType) =>
      nextGoal(e, metric, type, proposal, option.target, quarter, range.end, fy, ids);
    const main = make(proposal.main, proposal.type);
    ids.add(main.id);
    // A stretch always moves the metric, so it keeps the ended goal's type (a hold's does not).
    const stretch = proposal.stretch ? make(proposal.stretch, e.evaluation.type) : null;
    items.push({
      ended: e,
      metric,
      proposal,
      main,
      stretch: stretch ? { ...stretch, id: main.id } : null,
    });
  }
  items.reverse();
  const plan: Plan = {
    quarter,
    previous,
    range,
    asOf: project.asOf,
    ended,
    running,
    items,
    skipped,
  };
  const note = noProposalNote(plan, resolved, fy);
  return note ? { ...plan, note } : plan;
}

/**
 * Why a plan proposes nothing: no goal of the quarter before (and which
 * quarters the goals do end in, to plan after one of them), or every goal
 * skipped.
 */
function noProposalNote(
  plan: Plan,
  goals: ReadonlyArray<ReturnType<typeof resolveGoal>>,
  fiscalYearStart: number,
): string | undefined {
  if (plan.items.length > 0) return undefined;
  const before = formatQuarter(plan.previous);
  if (plan.ended.length + plan.running.length > 0)
    return `No proposal for ${formatQuarter(plan.quarter)}: none of the goals of ${before} gives one (skipped says why).`;
  const quarters = [
    ...new Set(
      goals
        .filter((g) => g.input.status === 'active' && g.deadline !== undefined)
        .map((g) => formatQuarter(quarterOf(g.deadline!, fiscalYearStart))),
    ),
  ].sort();
  const why = `No active goal has its deadline in ${before}, the quarter before ${formatQuarter(plan.quarter)}: there is nothing to review, and no metric to propose a goal for.`;
  if (quarters.length === 0)
    return `${why} goals.yaml has no active goals yet: \`goals new\` writes one.`;
  const example = formatQuarter(nextQuarter(parseQuarter(quarters.at(-1)!)!));
  return `${why} The goals end in ${quarters.join(', ')}: \`goals plan --quarter ${example}\` reviews ${quarters.at(-1)} and plans ${example}.`;
}

function seriesKey(metric: string, segment: Readonly<Record<string, string>>): string {
  return `${metric}\u0000${segmentKey(segment)}`;
}

/** The goal for the quarter: the ended goal's owner, objective and segment; today's value as baseline. */
function nextGoal(
  ended: EvaluatedGoal,
  metric: MetricDefinition,
  type: GoalType,
  proposal: TargetProposal,
  target: number,
  quarter: Quarter,
  deadline: IsoDate,
  fiscalYearStart: number,
  ids: ReadonlySet<string>,
): GoalInput {
  const segment = ended.goal.segment;
  const written = formatQuarter(quarter);
  const answer: TargetAnswer = {
    written: target,
    spec: { kind: 'absolute', value: target },
    value: target,
  };
  const goal = buildGoalInput(
    {
      id: proposeGoalId({ metric, segment, deadline, fiscalYearStart, existing: ids }),
      title: proposeTitle({
        metric,
        type,
        segment,
        baseline: proposal.baseline.value,
        target,
        deadline: written,
      }),
      owner: ended.input.owner ?? '',
      objective: ended.input.objective ?? '',
      metric,
      segment,
      type,
      baseline: { value: proposal.baseline.value, date: proposal.baseline.date },
      target: answer,
      deadline: written,
      milestones: [],
    },
    fiscalYearStart,
  );
  // The ended goal may have had no owner or objective: leave them out rather than write them empty.
  if (!goal.owner) delete goal.owner;
  if (!goal.objective) delete goal.objective;
  // A segment value that was a number stays a number.
  if (ended.input.segment) goal.segment = { ...ended.input.segment };
  return goal;
}

function fail(message: string): never {
  throw new GoalsError('USAGE', message);
}

// ─── Output ──────────────────────────────────────────────────────────────────

/** The review and the proposals as YAML (`--no-input`): machine-readable, and ready to paste. */
export function formatPlanYaml(plan: Plan): string {
  const value = (v: number | null, unit: MetricDefinition['unit']) =>
    v === null ? null : formatYamlValue(v, unit);
  const rate = (v: number | null, unit: MetricDefinition['unit']) =>
    v === null ? null : unit === 'duration' ? formatYamlValue(v, unit) : Number(v.toFixed(3));
  const option = (o: TargetOption, unit: MetricDefinition['unit']) => ({
    target: value(o.target, unit),
    needed_per_week: rate(o.neededPerWeek, unit),
    realistic: o.realistic,
    ...(o.realisticTarget !== undefined
      ? { realistic_target: value(o.realisticTarget, unit) }
      : {}),
  });
  const data = {
    quarter: formatQuarter(plan.quarter),
    ...(plan.note ? { note: plan.note } : {}),
    ended: plan.ended.map((e) => ({
      goal: e.goal.id,
      deadline: e.evaluation.deadline,
      status: e.evaluation.status,
      final: value(e.evaluation.current?.value ?? null, e.evaluation.unit),
      final_date: e.evaluation.current?.date ?? null,
      target: value(e.evaluation.target, e.evaluation.unit),
    })),
    ...(plan.running.length > 0
      ? {
          running: plan.running.map((e) => ({
            goal: e.goal.id,
            deadline: e.evaluation.deadline,
            status: e.evaluation.status,
            now: value(e.evaluation.current?.value ?? null, e.evaluation.unit),
            now_date: e.evaluation.current?.date ?? null,
            target: value(e.evaluation.target, e.evaluation.unit),
          })),
        }
      : {}),
    proposals: plan.items.map((item) => {
      const { proposal, metric } = item;
      const unit = metric.unit;
      return {
        follows: item.ended.goal.id,
        metric: metric.id,
        ...(Object.keys(item.ended.goal.segment).length > 0
          ? { segment: item.ended.goal.segment }
          : {}),
        basis: proposal.basis,
        now: { value: value(proposal.baseline.value, unit), date: proposal.baseline.date },
        trend_per_week: rate(proposal.trend?.perWeek ?? null, unit),
        // Signed like the trend: −0.02 is churn falling by 0.02 points a week.
        fastest_per_week: rate(
          proposal.fastestPerWeek === null
            ? null
            : GOAL_TYPES[item.ended.evaluation.type].sign * proposal.fastestPerWeek,
          unit,
        ),
        main: option(proposal.main, unit),
        stretch: proposal.stretch ? option(proposal.stretch, unit) : null,
        ...(proposal.flatTrend ? { note: flatTrendNote(proposal, unit) } : {}),
        goal: withoutActive(item.main),
      };
    }),
    skipped: plan.skipped,
  };
  const still = plan.running.length > 0 ? ` (running: still open on ${plan.asOf})` : '';
  return stringifyYaml(
    data,
    ` goals plan: how the goals of ${formatQuarter(plan.previous)} ended${still}, and proposals for ${formatQuarter(plan.quarter)}.\n` +
      ' main: the recent trend one quarter on (or hold the level); stretch: the best 4-week pace kept up.\n' +
      ' Each `goal` is ready to paste under goals: in goals.yaml.',
  );
}

/** "The trend gives no step that matters: +0.1 pp in a quarter, within ±0.5 pp …". */
function flatTrendNote(proposal: TargetProposal, unit: MetricDefinition['unit']): string {
  const { gain, spread } = proposal.flatTrend!;
  const sign = proposal.type === 'stay-below' ? -1 : 1;
  const change = formatRate(sign * gain, unit, true).replace(/\/week$/, '');
  return `the trend gives no step that matters: ${change} in a quarter, less than the snapshots' week-to-week spread around it (±${formatMetricValue(spread, unit).replace(' %', ' pp')}); so the proposal holds the level, and the stretch is the step to aim for — or choose a target`;
}

function withoutActive(goal: GoalInput): Record<string, unknown> {
  const { status: _status, ...rest } = goal;
  return rest;
}

const STATUS_MARK: Record<string, string> = { achieved: '✔', missed: '✖' };

function formatReview(plan: Plan, chalk: ChalkInstance): string {
  const before = formatQuarter(plan.previous);
  if (plan.ended.length + plan.running.length === 0) return '';
  const width = Math.max(...[...plan.ended, ...plan.running].map((e) => e.goal.id.length));
  let out = '';
  if (plan.ended.length > 0) out += chalk.bold(`How ${before} ended\n`);
  for (const e of plan.ended) out += formatReviewLine(e, width, chalk);
  if (plan.running.length > 0) {
    if (out) out += '\n';
    out += chalk.bold(`Still running in ${before}, as of ${plan.asOf}\n`);
    for (const e of plan.running) out += formatReviewLine(e, width, chalk);
  }
  return out;
}

function formatReviewLine(e: EvaluatedGoal, width: number, chalk: ChalkInstance): string {
  const ev = e.evaluation;
  const unit = ev.unit;
  const mark = STATUS_MARK[ev.status] ?? '·';
  const paint =
    ev.status === 'achieved' ? chalk.green : ev.status === 'missed' ? chalk.red : chalk.yellow;
  const final = ev.current
    ? `${formatMetricValue(ev.current.value, unit)} (${ev.current.date})`
    : 'no snapshot';
  const target =
    ev.target === null
      ? ''
      : `, target ${operatorOf(ev.type)} ${formatMetricValue(ev.target, unit)}`;
  // A stay goal is missed by one breach, however good its last value.
  const held =
    ev.held && ev.held.met < ev.held.total
      ? `; held ${ev.held.met} of ${ev.held.total} snapshots`
      : '';
  const still = ev.isPastDeadline ? '' : chalk.dim(` — until ${ev.deadline}`);
  return `  ${paint(mark)} ${sanitizeLine(e.goal.id).padEnd(width)}  ${paint(ev.status.padEnd(11))} ${final}${target}${held}${still}\n`;
}

function operatorOf(type: GoalType): string {
  return GOAL_TYPES[type].operator;
}

function formatItem(item: PlanItem, plan: Plan, chalk: ChalkInstance): string {
  const { proposal, metric } = item;
  const unit = metric.unit;
  const segment = formatSegment(item.ended.goal.segment);
  const facts = [
    `now ${formatMetricValue(proposal.baseline.value, unit)} (${proposal.baseline.date})`,
  ];
  if (proposal.trend) facts.push(`trend ${formatRate(proposal.trend.perWeek, unit, true)}`);
  if (proposal.fastestPerWeek !== null)
    facts.push(
      `best 4 weeks ${formatRate(GOAL_TYPES[item.ended.evaluation.type].sign * proposal.fastestPerWeek, unit, true)}`,
    );
  let out = `\n${chalk.bold(`${metric.name} (${metric.id}${segment === 'all' ? '' : `, ${segment}`})`)} after '${item.ended.goal.id}': ${facts.join('; ')}\n`;
  const line = (label: string, o: TargetOption) => {
    const pace =
      o.neededPerWeek === null
        ? 'hold it all quarter'
        : `needs ${formatRate(o.neededPerWeek, unit, true)}`;
    const verdict = o.realistic
      ? chalk.green('✔ realistic')
      : chalk.yellow(
          `▲ unrealistic${o.realisticTarget !== undefined ? ` (realistic: ${formatMetricValue(o.realisticTarget, unit)})` : ''}`,
        );
    return `  ${label.padEnd(8)} ${operatorOf(proposal.type)} ${formatMetricValue(o.target, unit).padEnd(9)} by ${plan.range.end}  ${pace}  ${verdict}\n`;
  };
  out += line(
    proposal.basis === 'hold' ? 'hold' : proposal.basis === 'previous' ? 'again' : 'trend',
    proposal.main,
  );
  if (proposal.stretch) out += line('stretch', proposal.stretch);
  if (proposal.flatTrend) out += chalk.dim(`  ${upperFirst(flatTrendNote(proposal, unit))}.\n`);
  return out;
}

function upperFirst(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// ─── The review, asked ───────────────────────────────────────────────────────

async function reviewPlan(
  ctx: CommandContext,
  project: Project,
  plan: Plan,
  prompter: Prompter,
): Promise<ExitCode> {
  const { chalk } = ctx;
  const out = ctx.io.stdout;
  out.write(formatReview(plan, chalk));
  for (const s of plan.skipped)
    out.write(chalk.dim(`  no proposal after '${s.goal}': ${s.reason}\n`));
  if (plan.note) out.write(`${plan.note.replace(' (skipped says why)', '')}\n`);
  const accepted: GoalInput[] = [];
  if (plan.items.length > 0)
    out.write(chalk.bold(`\nProposals for ${formatQuarter(plan.quarter)}\n`));
  for (const item of plan.items) {
    out.write(formatItem(item, plan, chalk));
    const goal = await decide(ctx, item, plan, prompter);
    if (goal) accepted.push(goal);
  }
  const finished = plan.ended.filter((e) => e.evaluation.isPastDeadline);
  let close = false;
  if (finished.length > 0) {
    close = await prompter.confirm({
      message: `Mark the ${finished.length === 1 ? 'goal' : `${finished.length} goals`} that ended in ${formatQuarter(plan.previous)} closed (status: closed; kept for the record)?`,
      default: true,
    });
  }
  const edits: GoalsEdit[] = [
    ...accepted.map((item): GoalsEdit => ({ kind: 'add', list: 'goals', item })),
    ...(close ? finished.map((e): GoalsEdit => ({ kind: 'close', goalId: e.goal.id })) : []),
  ];
  if (edits.length === 0) {
    out.write('Nothing to write.\n');
    return 0;
  }
  const place = placeOf(project);
  const checked = await checkEditedText(ctx, place, project.loaded.text, edits);
  for (const goal of accepted) out.write(formatGoalPreview(goal, checked, chalk));
  const summary = [
    accepted.length > 0
      ? `add ${accepted.length === 1 ? '1 goal' : `${accepted.length} goals`}`
      : '',
    close ? `close ${finished.length === 1 ? '1 goal' : `${finished.length} goals`}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  if (
    !(await prompter.confirm({
      message: `Write to ${project.loaded.displayPath}: ${summary}?`,
      default: true,
    }))
  ) {
    ctx.io.stderr.write('Nothing was written.\n');
    return 0;
  }
  await commitEdits(ctx, place, edits);
  out.write(
    `${chalk.green('✔')} ${project.loaded.displayPath}: ${summary.replace(/^add/, 'added').replace('close', 'closed')}.\n`,
  );
  return 0;
}

/** Accept the trend or the stretch target, type another, or drop the proposal. */
async function decide(
  ctx: CommandContext,
  item: PlanItem,
  plan: Plan,
  prompter: Prompter,
): Promise<GoalInput | undefined> {
  const { proposal, metric } = item;
  const unit = metric.unit;
  const shown = (v: number) => formatMetricValue(v, unit);
  type Choice = 'main' | 'stretch' | 'realistic' | 'edit' | 'drop';
  const choices: Array<{ value: Choice; name: string }> = [
    {
      value: 'main',
      name: `Accept ${shown(proposal.main.target)} (${proposal.basis === 'hold' ? 'hold the level' : proposal.basis === 'previous' ? 'the target again' : 'the trend'})`,
    },
  ];
  if (proposal.stretch)
    choices.push({ value: 'stretch', name: `Accept ${shown(proposal.stretch.target)} (stretch)` });
  if (!proposal.main.realistic && proposal.main.realisticTarget !== undefined)
    choices.push({
      value: 'realistic',
      name: `Accept ${shown(proposal.main.realisticTarget)} (realistic)`,
    });
  choices.push(
    { value: 'edit', name: 'Another target…' },
    { value: 'drop', name: 'Drop it: no goal on this metric' },
  );
  const choice = await prompter.select<Choice>({
    flag: '--no-input',
    message: `${item.main.id}: which target for ${formatQuarter(plan.quarter)}?`,
    choices,
    default: 'main',
  });
  if (choice === 'drop') return undefined;
  if (choice === 'main') return item.main;
  if (choice === 'stretch') return item.stretch!;
  const target =
    choice === 'realistic'
      ? proposal.main.realisticTarget!
      : await askTarget(ctx, item, plan, prompter);
  return retarget(item, plan, target);
}

async function askTarget(
  ctx: CommandContext,
  item: PlanItem,
  plan: Plan,
  prompter: Prompter,
): Promise<number> {
  const { proposal, metric } = item;
  const type = item.ended.evaluation.type;
  const context = { metric, type, baseline: proposal.baseline.value };
  const text = await prompter.text({
    flag: '--no-input',
    message: `Target for ${metric.id} by ${plan.range.end} (now ${formatMetricValue(proposal.baseline.value, metric.unit)})`,
    validate: (t) => {
      const checked = checkTarget(t, context);
      if (!checked.ok) return checked.message;
      return 'ambiguous' in checked.value
        ? `"${t.trim()}" on a percent metric can be read two ways: write ${checked.value.ambiguous.change}pp (points) or ${checked.value.ambiguous.relative} (the value).`
        : true;
    },
  });
  const checked = checkTarget(text, context);
  const value =
    checked.ok && !('ambiguous' in checked.value) ? checked.value.value! : proposal.main.target;
  // A stay goal holds a level: there is no pace to judge.
  if (GOAL_TYPES[type].isStay) return value;
  const judgement = judgePace({
    baseline: proposal.baseline.value,
    target: value,
    start: plan.range.start,
    deadline: plan.range.end,
    history: item.ended.points.filter((p) => p.date <= proposal.baseline.date),
  });
  if (judgement) {
    const [what, verdict] = explainPace(judgement, {
      metric,
      baseline: proposal.baseline.value,
      target: value,
      deadline: plan.range.end,
    });
    prompter.note(what!);
    prompter.note(
      judgement.realistic
        ? ctx.chalkErr.green(`✔ ${verdict}`)
        : ctx.chalkErr.yellow(`▲ ${verdict}`),
    );
  }
  return value;
}

/** The proposed goal with another target: its type back to the ended goal's when it moves, and a fresh title. */
function retarget(item: PlanItem, plan: Plan, target: number): GoalInput {
  const { proposal, metric } = item;
  const endedType = item.ended.evaluation.type;
  const sign = GOAL_TYPES[endedType].sign;
  const moves = sign * (target - proposal.baseline.value) > 0;
  const type: GoalType = moves ? endedType : proposal.type;
  const goal: GoalInput = { ...item.main, target: formatYamlValue(target, metric.unit) };
  if (type !== metric.direction) goal.type = type;
  else delete goal.type;
  goal.title = proposeTitle({
    metric,
    type,
    segment: item.ended.goal.segment,
    baseline: proposal.baseline.value,
    target,
    deadline: formatQuarter(plan.quarter),
  });
  return goal;
}
