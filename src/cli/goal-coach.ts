/**
 * The SMART coach behind `goals new` (and the first goal of `goals init`):
 * one letter at a time, every answer checked as it is given, proposals for
 * what can be proposed. Each question has a flag; a flag's value is checked
 * exactly like a typed answer, and a question nobody can answer (--no-input,
 * no terminal, CI) fails naming its flag.
 *
 * Order, the letters' own: Specific (metric, segment, kind) → Measurable
 * (baseline, target) → Achievable (by when, from when, and the pace that
 * demands; back to the target or to a later deadline when it is
 * unrealistic) → Relevant (objective, owner) → Time-bound (checkpoints on
 * the way: milestones) → the goal in words (title, proposed from all of
 * that, and id).
 */
import type { ChalkInstance } from 'chalk';
import type { GoalInput, GoalType, MetricInput, ObjectiveInput } from '../config/schema.js';
import {
  buildCustomMetric,
  buildGoalInput,
  checkBaseline,
  checkDeadline,
  checkGoalId,
  checkMetricId,
  checkMilestones,
  checkName,
  checkNewMetricId,
  checkNewObjectiveId,
  checkRange,
  checkSegment,
  checkStart,
  checkTarget,
  checkTitle,
  defaultStart,
  describeGoalType,
  describeMetric,
  explainPace,
  formatMilestones,
  formatRange,
  formatYamlValue,
  goalTypesFor,
  isPerfectScore,
  metricLabel,
  parseObjectiveFlag,
  proposeDeadlines,
  proposeGoalId,
  proposeMilestones,
  proposeObjectiveId,
  proposeStart,
  proposeTitle,
  QUARTER_DAYS,
  resolveAmbiguous,
  proposeRealisticDeadline,
  checkPercentScale,
  searchMetrics,
} from '../core/build-goal.js';
import type { Checked, MilestoneAnswer, TargetAnswer } from '../core/build-goal.js';
import { GOAL_TYPES } from '../core/compare.js';
import { daysBetween, quarterRange, parseQuarter } from '../core/dates.js';
import type { IsoDate } from '../core/dates.js';
import { GoalsError } from '../core/errors.js';
import { formatMetricValue } from '../core/format-value.js';
import { defaultRange } from '../core/metrics.js';
import type { MetricDefinition, MetricDirection, MetricUnit } from '../core/metrics.js';
import { toId } from '../core/ids.js';
import { judgePace, realisticStep } from '../core/pace.js';
import type { Point, Segment } from '../core/snapshot.js';
import { suggest } from '../core/suggest.js';
import { sanitizeLine } from '../core/text.js';
import type { Choice, Prompter, TextQuestion } from './prompts.js';

/** Answers given as flags (`goals new --metric csat …`); undefined = ask. */
export interface GoalFlags {
  id?: string | undefined;
  title?: string | undefined;
  metric?: string | undefined;
  metricName?: string | undefined;
  metricUnit?: string | undefined;
  metricDirection?: string | undefined;
  metricRange?: string | undefined;
  segment?: string[] | undefined;
  type?: GoalType | undefined;
  baseline?: string | undefined;
  target?: string | undefined;
  start?: string | undefined;
  deadline?: string | undefined;
  milestone?: string[] | undefined;
  objective?: string | undefined;
  owner?: string | undefined;
}

export interface CoachContext {
  prompter: Prompter;
  /** stderr's colours, for the coach's notes. */
  chalk: ChalkInstance;
  catalog: ReadonlyMap<string, MetricDefinition>;
  objectives: readonly ObjectiveInput[];
  goals: readonly GoalInput[];
  fiscalYearStart: number;
  asOf: IsoDate;
  /** Snapshots of a metric and segment, sorted; undefined when there is no store. */
  historyOf(metric: string, segment: Segment): readonly Point[] | undefined;
  /** Whether a source in goals.yaml provides the metric and segment. */
  hasSource(metric: string, segment: Segment): boolean;
  /**
   * Once the metric is chosen: a chance to add a source that gives it (goals
   * new offers a helpdesk export); historyOf and hasSource then see it.
   */
  offerSource?(metric: MetricDefinition): Promise<void>;
}

export interface CoachedGoal {
  goal: GoalInput;
  metric: MetricDefinition;
  /** A custom metric defined along the way, for `metrics:`. */
  newMetric?: MetricInput;
  /** An objective created along the way, for `objectives:`. */
  newObjective?: ObjectiveInput;
}

const NEW = Symbol('new');
const UNIT_CHOICES: MetricUnit[] = ['percent', 'score', 'count', 'duration'];
const DIRECTIONS: MetricDirection[] = ['increase', 'decrease', 'neutral'];

/** Asks (or takes from flags) every answer of a SMART goal and returns the goal. */
export async function coachGoal(context: CoachContext, flags: GoalFlags): Promise<CoachedGoal> {
  const { chalk } = context;
  // A letter's heading is shown with its first question or note, so letters
  // answered entirely by flags stay silent.
  let pending: string | undefined;
  const heading = (letter: string, words: string) => {
    pending = `\n${letter ? `${chalk.bold(letter)} ` : ''}${chalk.dim(words)}`;
  };
  const prompter = withHeadings(context.prompter, () => {
    const text = pending;
    pending = undefined;
    return text;
  });
  const ctx: CoachContext = { ...context, prompter };
  if (prompter.isInteractive) {
    prompter.note(
      chalk.dim(
        'A SMART goal, one letter at a time. Ctrl-C cancels; nothing is written until the end.',
      ),
    );
  }

  // ── Specific ──
  heading('S', 'Specific: what exactly will change, and for whom?');
  const chosen = await askMetric(ctx, flags);
  const metric = chosen.metric;
  await ctx.offerSource?.(metric);
  const segment = await answer(
    ctx,
    flags.segment?.length ? flags.segment.join(', ') : undefined,
    checkSegment,
    {
      flag: '--segment',
      message:
        'Segment (optional): only part of the data, e.g. team=EMEA; empty for the whole team',
      default: '',
    },
  );
  const type = await askType(ctx, metric, flags.type);

  // ── Measurable ──
  heading('M', 'Measurable: where is it now, and where should it be?');
  const history = (ctx.historyOf(metric.id, segment) ?? []).filter((p) => p.date <= ctx.asOf);
  const baseline = await askBaseline(ctx, metric, segment, history, flags.baseline);

  let target: TargetAnswer | undefined;
  let deadline: { written: string; date: IsoDate } | undefined;
  let start: { written: string; date: IsoDate } | undefined;
  /** After "Choose a later deadline": the first quarter by which the target is realistic. */
  let realisticBy: string | undefined;
  for (;;) {
    target ??= await askTarget(ctx, { metric, type, baseline: baseline?.value }, flags.target);
    // ── Achievable: by when, and what that demands ──
    if (realisticBy === undefined && start === undefined)
      heading('A', 'Achievable: by when, and can the team get there at that pace?');
    if (deadline === undefined) {
      deadline = await askDeadline(ctx, flags.deadline, realisticBy);
      start = undefined;
    }
    start ??= await askStart(ctx, deadline.date, flags.start);
    if (GOAL_TYPES[type].isStay || baseline === undefined) break;
    const verdict = await judgeTarget(ctx, {
      metric,
      baseline: baseline.value,
      target: target.value!,
      start: start.date,
      deadline: deadline.date,
      history,
      canRevise: flags.target === undefined,
      canMoveDeadline: flags.deadline === undefined,
    });
    if (verdict === 'keep') break;
    if (verdict === 'retarget') target = undefined;
    else if (typeof verdict === 'object' && 'later' in verdict) {
      realisticBy = verdict.later;
      deadline = undefined;
    } else {
      target = verdict;
      break;
    }
  }

  // ── Relevant ──
  heading('R', 'Relevant: what is it for, and who is accountable?');
  const objective = await askObjective(ctx, flags.objective);
  const owner = await answer(ctx, flags.owner, (t) => checkName(t, 'the person accountable'), {
    flag: '--owner',
    message: 'Owner: who is accountable for this goal?',
    ...prefill(objective.owner ?? ctx.goals.findLast((g) => g.owner)?.owner),
  });

  // ── Time-bound: checkpoints on the way ──
  heading('T', 'Time-bound: checkpoints on the way to the deadline');
  const milestones = await askMilestones(ctx, {
    metric,
    type,
    baseline: baseline?.value,
    target: target.value!,
    start: start.date,
    deadline: deadline.date,
    flags: flags.milestone,
  });

  // ── The title and the id ──
  heading('', 'The goal in words');
  const proposal = proposeTitle({
    metric,
    type,
    segment,
    baseline: baseline?.value,
    target: target.value!,
    deadline: deadline.written,
  });
  const title = await answer(ctx, flags.title, (t) => checkTitle(t, proposal), {
    flag: '--title',
    message: 'Title (edit it if you like; keep the number and the date in it)',
    default: proposal,
    editable: true,
  });
  const ids = new Set(ctx.goals.map((g) => g.id));
  const id = await answer(ctx, flags.id, (t) => checkGoalId(t, ids), {
    flag: '--id',
    message: 'Id (short, for `goals check --goal`)',
    default: proposeGoalId({
      metric,
      segment,
      deadline: deadline.date,
      fiscalYearStart: ctx.fiscalYearStart,
      existing: ids,
    }),
  });

  const goal = buildGoalInput(
    {
      id,
      title,
      owner,
      objective: objective.id,
      metric,
      segment,
      type,
      ...(baseline ? { baseline } : {}),
      target,
      deadline: deadline.written,
      ...(start.date !== defaultStart(deadline.date, ctx.fiscalYearStart)
        ? { start: start.written }
        : {}),
      milestones,
    },
    ctx.fiscalYearStart,
  );
  return {
    goal,
    metric,
    ...(chosen.newMetric ? { newMetric: chosen.newMetric } : {}),
    ...(objective.isNew
      ? {
          newObjective: {
            id: objective.id,
            title: objective.title,
            ...(objective.owner ? { owner: objective.owner } : {}),
          },
        }
      : {}),
  };
}

/** A prompter that first shows the pending heading, when it asks or explains something. */
function withHeadings(prompter: Prompter, take: () => string | undefined): Prompter {
  const flush = () => {
    const text = take();
    if (text !== undefined && prompter.isInteractive) prompter.note(text);
  };
  return {
    isInteractive: prompter.isInteractive,
    text: (q) => (flush(), prompter.text(q)),
    select: (q) => (flush(), prompter.select(q)),
    search: (q) => (flush(), prompter.search(q)),
    confirm: (q) => (flush(), prompter.confirm(q)),
    note: (text) => (flush(), prompter.note(text)),
  };
}

// ─── One answer ──────────────────────────────────────────────────────────────

/**
 * An answer from its flag (checked; a bad value is a usage error naming the
 * flag) or from the prompter (checked at the prompt, which asks again).
 */
async function answer<T>(
  ctx: CoachContext,
  given: string | undefined,
  check: (text: string) => Checked<T>,
  question: TextQuestion,
): Promise<T> {
  if (given !== undefined) return fromFlag(question.flag, given, check);
  const text = await ctx.prompter.text({
    ...question,
    validate: (t) => {
      const result = check(t);
      return result.ok ? true : result.message;
    },
  });
  // A proposal taken without asking is checked too: a bad one names the flag to pass.
  return fromFlag(question.flag, text, check);
}

function fromFlag<T>(flag: string, given: string, check: (text: string) => Checked<T>): T {
  const result = check(given);
  if (result.ok) return result.value;
  throw new GoalsError('USAGE', `${flag} ${quote(given)}: ${result.message}`);
}

function quote(text: string): string {
  return /^[\w.:+%-]+$/.test(text) ? text : JSON.stringify(text);
}

function prefill(value: string | undefined): { prefill?: string } {
  return value ? { prefill: value } : {};
}

// ─── Specific ────────────────────────────────────────────────────────────────

async function askMetric(
  ctx: CoachContext,
  flags: GoalFlags,
): Promise<{ metric: MetricDefinition; newMetric?: MetricInput }> {
  if (flags.metric !== undefined) {
    const known = ctx.catalog.get(flags.metric.trim());
    if (known) return { metric: known };
    if (flags.metricUnit === undefined) {
      const problem = checkMetricId(flags.metric, ctx.catalog);
      throw new GoalsError(
        'USAGE',
        `--metric ${quote(flags.metric)}: ${problem.ok ? '' : problem.message}`,
        {
          hint: 'To define a new metric, add --metric-unit (and --metric-name, --metric-direction, --metric-range).',
        },
      );
    }
    return defineMetric(ctx, flags.metric, flags);
  }
  const picked = await ctx.prompter.search<string | { define: string }>({
    flag: '--metric',
    message: 'Metric: type to search (↑↓ to choose; the definition shows below)',
    source: (term) => metricChoices(term, ctx.catalog),
  });
  if (typeof picked !== 'string') return defineMetric(ctx, undefined, flags, picked.define);
  return { metric: ctx.catalog.get(picked)! };
}

export function metricChoices(
  term: string,
  catalog: ReadonlyMap<string, MetricDefinition>,
): Array<Choice<string | { define: string }>> {
  let found = searchMetrics(term, catalog);
  if (found.length === 0 && term.trim() !== '') {
    // A typo ("csta", "chrun") still finds its metric, by its id or a word of its id or name.
    const words = new Map<string, string>();
    for (const m of catalog.values()) {
      for (const word of [m.id, m.name, ...m.id.split('_'), ...m.name.split(/\s+/)])
        if (!words.has(word.toLowerCase())) words.set(word.toLowerCase(), m.id);
    }
    const close = suggest(term.trim().toLowerCase(), words.keys());
    if (close) found = [catalog.get(words.get(close)!)!];
  }
  const choices: Array<Choice<string | { define: string }>> = found.map((m) => ({
    value: m.id,
    name: `${m.name} (${m.id})`,
    description: describeMetric(m),
    short: m.id,
  }));
  choices.push({
    value: { define: term.trim() },
    name: term.trim() ? `Define a new metric "${term.trim()}"…` : 'Define a new metric…',
    description: 'A metric of your own: id, name, unit, which way is better, valid range.',
    short: 'new metric',
  });
  return choices;
}

async function defineMetric(
  ctx: CoachContext,
  id: string | undefined,
  flags: GoalFlags,
  /** What was typed in the search: the new metric's name, and its id proposed from it. */
  searched = '',
): Promise<{ metric: MetricDefinition; newMetric: MetricInput }> {
  const { prompter } = ctx;
  if (prompter.isInteractive && id === undefined)
    prompter.note(ctx.chalk.dim('A new metric, added under metrics: in goals.yaml.'));
  const proposedId = proposeMetricId(searched, ctx.catalog);
  const metricId = await answer(ctx, id, (t) => checkNewMetricId(t, ctx.catalog), {
    flag: '--metric',
    message: 'Metric id (ASCII letters, digits, - and _), e.g. training_completion',
    ...(proposedId ? { prefill: proposedId } : {}),
  });
  const name = await answer(ctx, flags.metricName, (t) => checkName(t, 'the metric'), {
    flag: '--metric-name',
    message: 'Name, as reports show it',
    default: searched.trim()
      ? searched.trim()[0]!.toUpperCase() + searched.trim().slice(1)
      : metricId,
  });
  const unit =
    flags.metricUnit !== undefined
      ? fromFlag('--metric-unit', flags.metricUnit, (t) => oneOf(t, UNIT_CHOICES))
      : await prompter.select<MetricUnit>({
          flag: '--metric-unit',
          message: 'Unit',
          choices: [
            { value: 'percent', name: 'percent (0–100)' },
            { value: 'score', name: 'score (a number on its own scale)' },
            { value: 'count', name: 'count' },
            { value: 'duration', name: 'duration (2h, 90m)' },
          ],
        });
  const direction =
    flags.metricDirection !== undefined
      ? fromFlag('--metric-direction', flags.metricDirection, (t) => oneOf(t, DIRECTIONS))
      : await prompter.select<MetricDirection>({
          flag: '--metric-direction',
          message: 'Which way is better?',
          choices: [
            { value: 'increase', name: 'higher is better' },
            { value: 'decrease', name: 'lower is better' },
            { value: 'neutral', name: 'neither (a volume)' },
          ],
          default: 'increase',
        });
  const range = await answer(ctx, flags.metricRange, (t) => checkRange(t, unit), {
    flag: '--metric-range',
    message: 'Valid range, min..max (empty side = no bound)',
    default: formatRange(defaultRange(unit)),
  });
  const built = buildCustomMetric({ id: metricId, name, unit, direction, range });
  return { metric: built.definition, newMetric: built.input };
}

/** `help center articles` → `help_center_articles`, when that is a free, valid id. */
function proposeMetricId(
  searched: string,
  catalog: ReadonlyMap<string, MetricDefinition>,
): string | undefined {
  const id = toId(searched, '_');
  return id && checkNewMetricId(id, catalog).ok ? id : undefined;
}

function oneOf<T extends string>(text: string, values: readonly T[]): Checked<T> {
  const trimmed = text.trim() as T;
  return values.includes(trimmed)
    ? { ok: true, value: trimmed }
    : { ok: false, message: `expected one of ${values.join(', ')}.` };
}

async function askType(
  ctx: CoachContext,
  metric: MetricDefinition,
  given: GoalType | undefined,
): Promise<GoalType> {
  if (given !== undefined) return given;
  const types = goalTypesFor(metric);
  return ctx.prompter.select<GoalType>({
    flag: '--type',
    message:
      metric.direction === 'neutral'
        ? `${metric.name} has no better direction: which way should it go?`
        : 'Kind of goal',
    choices: types.map((t) => ({ value: t, name: describeGoalType(t, metric), short: t })),
    // A neutral metric (ticket volume) has no natural default: the user must say.
    ...(metric.direction === 'neutral' ? {} : { default: types[0] }),
  });
}

// ─── Measurable ──────────────────────────────────────────────────────────────

async function askBaseline(
  ctx: CoachContext,
  metric: MetricDefinition,
  segment: Segment,
  history: readonly Point[],
  given: string | undefined,
): Promise<{ value: number; date?: IsoDate } | undefined> {
  const label = metricLabel(metric);
  const latest = history.at(-1);
  if (given !== undefined)
    return { value: fromFlag('--baseline', given, (t) => checkBaseline(t, metric)) };
  // At the prompt, 0.8 for CSAT is refused as a probable ratio (a flag gets validate's warning).
  const check = (t: string) => {
    const scale = checkPercentScale(t, metric);
    return scale.ok ? checkBaseline(t, metric) : scale;
  };
  if (latest) {
    const proposal = String(formatYamlValue(latest.value, metric.unit));
    const value = await answer(ctx, undefined, check, {
      flag: '--baseline',
      message: `Baseline: ${label} now (latest snapshot, ${latest.date}: ${formatMetricValue(latest.value, metric.unit)})`,
      default: proposal,
    });
    return value === latest.value || String(formatYamlValue(value, metric.unit)) === proposal
      ? { value: latest.value, date: latest.date }
      : { value };
  }
  // Without a snapshot, a source that provides the metric will give the baseline later.
  const optional = ctx.hasSource(metric.id, segment);
  const text = await ctx.prompter.text({
    flag: '--baseline',
    message: optional
      ? `Baseline: where is ${label} now? (empty: the first snapshot on or after the start)`
      : `Baseline: where is ${label} now? (e.g. ${exampleValue(metric)})`,
    why: `there is no snapshot of ${label} to take it from (e.g. --baseline ${exampleValue(metric)})`,
    ...(optional ? { default: '' } : {}),
    validate: (t) => {
      if (optional && t.trim() === '') return true;
      const checked = check(t);
      return checked.ok ? true : checked.message;
    },
  });
  if (optional && text.trim() === '') return undefined;
  return { value: fromFlag('--baseline', text, (t) => checkBaseline(t, metric)) };
}

function exampleValue(metric: MetricDefinition): string {
  switch (metric.unit) {
    case 'percent':
      return '78';
    case 'duration':
      return '4h';
    case 'count':
      return '140';
    case 'score':
      return '22';
  }
}

async function askTarget(
  ctx: CoachContext,
  context: { metric: MetricDefinition; type: GoalType; baseline: number | undefined },
  given: string | undefined,
): Promise<TargetAnswer> {
  const { metric, type, baseline } = context;
  const { prompter, chalk } = ctx;
  for (;;) {
    const now = baseline === undefined ? '' : `; now ${formatMetricValue(baseline, metric.unit)}`;
    const forms =
      metric.unit === 'duration'
        ? '"2h", "90m", "-30m", "-15%"'
        : metric.unit === 'percent'
          ? // "+10%" is left out: on a percent metric it can be read two ways.
            '85, "+5pp" (points)'
          : metric.unit === 'count'
            ? '150, "+20", "-15%"'
            : '40, "+5", "+10%"';
    const checked =
      given !== undefined
        ? fromFlag('--target', given, (t) => checkTarget(t, context))
        : await answer(
            ctx,
            undefined,
            (t) => {
              const scale = checkPercentScale(t, metric);
              return scale.ok ? checkTarget(t, context) : scale;
            },
            {
              flag: '--target',
              message: `Target${GOAL_TYPES[type].isStay ? ' level to hold' : ''}: ${forms}${now}`,
            },
          );
    let target: TargetAnswer;
    if ('ambiguous' in checked) {
      const a = checked.ambiguous;
      if (!prompter.isInteractive) {
        throw new GoalsError(
          'USAGE',
          `--target ${a.change}%: on ${metric.name}, a percent metric, that can mean ${formatMetricValue(a.relative, 'percent')} (${a.change} % of ${formatMetricValue(baseline!, 'percent')}) or ${formatMetricValue(a.points, 'percent')} (${a.change} points).`,
          { hint: `Write --target ${a.relative} or --target ${a.change}pp.` },
        );
      }
      const reading = await prompter.select<'relative' | 'points'>({
        flag: '--target',
        message: `"${a.change}%" on a percent metric can be read two ways. Which do you mean?`,
        choices: [
          {
            value: 'points',
            name: `${a.change} points: ${formatMetricValue(baseline!, 'percent')} → ${formatMetricValue(a.points, 'percent')}`,
            short: `${a.change}pp`,
          },
          {
            value: 'relative',
            name: `${a.change} % of the baseline: ${formatMetricValue(baseline!, 'percent')} → ${formatMetricValue(a.relative, 'percent')}`,
            short: String(a.relative),
          },
        ],
      });
      target = resolveAmbiguous(a, reading);
      const problem = checkTargetAnswerValue(target, context);
      if (problem && given !== undefined)
        throw new GoalsError('USAGE', `--target ${given}: ${problem}`);
      if (problem) {
        prompter.note(chalk.yellow(`▲ ${problem}`));
        continue;
      }
    } else {
      target = checked;
    }
    if (target.value !== undefined && isPerfectScore(metric, type, target.value)) {
      prompter.note(
        chalk.yellow(
          `▲ ${formatMetricValue(target.value, metric.unit)} is the best ${metric.name} can ever be: one bad week makes it unreachable. Aim for a level the team can hold.`,
        ),
      );
      if (given !== undefined || !prompter.isInteractive) return target;
      const keep = await prompter.confirm({
        message: `Keep ${formatMetricValue(target.value, metric.unit)} anyway?`,
        default: false,
      });
      if (!keep) continue;
    }
    return target;
  }
}

function checkTargetAnswerValue(
  target: TargetAnswer,
  context: { metric: MetricDefinition; type: GoalType; baseline: number | undefined },
): string | undefined {
  const checked = checkTarget(String(target.value), context);
  return checked.ok ? undefined : checked.message;
}

// ─── Time-bound ──────────────────────────────────────────────────────────────

async function askDeadline(
  ctx: CoachContext,
  given: string | undefined,
  /** A quarter by which the target is realistic: offered first. */
  realisticBy?: string,
): Promise<{ written: string; date: IsoDate }> {
  const check = (t: string) =>
    checkDeadline(t, { asOf: ctx.asOf, fiscalYearStart: ctx.fiscalYearStart });
  if (given !== undefined) return fromFlag('--deadline', given, check);
  const OTHER = '';
  const proposed = proposeDeadlines(ctx.asOf, ctx.fiscalYearStart);
  const quarters =
    realisticBy === undefined
      ? proposed
      : [realisticBy, ...proposed.filter((q) => q > realisticBy)].slice(0, 4);
  const picked = await ctx.prompter.select<string>({
    flag: '--deadline',
    message: 'Deadline',
    choices: [
      ...quarters.map((q) => ({
        value: q,
        name: `${q} (ends ${quarterRange(parseQuarter(q)!, ctx.fiscalYearStart).end})${q === realisticBy ? ' — realistic' : ''}`,
        short: q,
      })),
      { value: OTHER, name: 'Another quarter or a date…', short: 'another quarter or date' },
    ],
    ...(realisticBy !== undefined ? { highlight: realisticBy } : {}),
  });
  if (picked !== OTHER) return fromFlag('--deadline', picked, check);
  return answer(ctx, undefined, check, {
    flag: '--deadline',
    message: 'Deadline: a quarter (2027-Q2, its last day) or a date (2026-12-15)',
  });
}

async function askStart(
  ctx: CoachContext,
  deadline: IsoDate,
  given: string | undefined,
): Promise<{ written: string; date: IsoDate }> {
  const check = (t: string) => checkStart(t, { deadline, fiscalYearStart: ctx.fiscalYearStart });
  if (given !== undefined) return fromFlag('--start', given, check);
  const proposal = proposeStart({ deadline, asOf: ctx.asOf, fiscalYearStart: ctx.fiscalYearStart });
  return answer(ctx, undefined, check, {
    flag: '--start',
    message: `Start: when the work starts (${proposal === ctx.asOf ? 'today' : 'the next quarter'})`,
    default: proposal,
  });
}

// ─── Achievable ──────────────────────────────────────────────────────────────

/**
 * Shows what the target demands per week against the fastest pace in the
 * history (or the rule of thumb without history): the judgement of
 * `achievable/realistic-pace`. When it is unrealistic, offers the realistic
 * target, another target or a later deadline.
 */
async function judgeTarget(
  ctx: CoachContext,
  input: {
    metric: MetricDefinition;
    baseline: number;
    target: number;
    start: IsoDate;
    deadline: IsoDate;
    history: readonly Point[];
    canRevise: boolean;
    canMoveDeadline: boolean;
  },
): Promise<'keep' | 'retarget' | { later: string } | TargetAnswer> {
  const { prompter, chalk } = ctx;
  const { metric, baseline, target, start, deadline, history } = input;
  const judgement = judgePace({ baseline, target, start, deadline, history });
  if (!judgement) return 'keep';
  const lines = explainPace(judgement, { metric, baseline, target, deadline });
  prompter.note(lines[0]!);
  prompter.note(judgement.realistic ? chalk.green(`✔ ${lines[1]}`) : chalk.yellow(`▲ ${lines[1]}`));
  if (judgement.realistic || !input.canRevise || !prompter.isInteractive) return 'keep';
  const sign = target > baseline ? 1 : -1;
  const realistic = realisticStep(judgement, metric.unit, sign);
  const later = input.canMoveDeadline
    ? proposeRealisticDeadline({
        baseline,
        target,
        history,
        after: deadline,
        asOf: ctx.asOf,
        fiscalYearStart: ctx.fiscalYearStart,
      })
    : undefined;
  const shown = (v: number) => formatMetricValue(v, metric.unit);
  const choices: Array<Choice<'realistic' | 'keep' | 'retarget' | 'later'>> = [];
  if (sign * (realistic - baseline) > 0)
    choices.push({ value: 'realistic', name: `Aim for ${shown(realistic)} instead (realistic)` });
  choices.push({ value: 'retarget', name: 'Enter another target' });
  if (later)
    choices.push({
      value: 'later',
      name: `Choose a later deadline (${shown(target)} is realistic by ${later.quarter}, ending ${later.deadline})`,
    });
  choices.push({ value: 'keep', name: `Keep ${shown(target)} anyway` });
  const choice = await prompter.select({
    flag: '--target',
    message: `The target looks unrealistic. What now?${later || !input.canMoveDeadline ? '' : ' (No deadline in the next two years makes it realistic.)'}`,
    choices,
    // Asked even with --yes: the target was the user's own answer.
    highlight: choices[0]!.value,
  });
  if (choice === 'later') return { later: later!.quarter };
  if (choice !== 'realistic') return choice;
  const written = formatYamlValue(realistic, metric.unit);
  return {
    written,
    spec: { kind: 'absolute', value: realistic },
    value: realistic,
  };
}

// ─── Relevant ────────────────────────────────────────────────────────────────

async function askObjective(
  ctx: CoachContext,
  given: string | undefined,
): Promise<{ id: string; title: string; owner?: string | undefined; isNew: boolean }> {
  const existing = new Set(ctx.objectives.map((o) => o.id));
  if (given !== undefined) {
    const parsed = fromFlag('--objective', given, parseObjectiveFlag);
    const known = ctx.objectives.find((o) => o.id === parsed.id);
    if (known) return { ...known, isNew: false };
    if (parsed.title !== undefined) return { id: parsed.id, title: parsed.title, isNew: true };
    const close = suggest(parsed.id, existing);
    throw new GoalsError(
      'USAGE',
      `--objective ${quote(given)}: there is no objective '${parsed.id}'${close ? `; did you mean '${close}'?` : '.'}`,
      {
        hint: `To create it, give it a title: --objective ${parsed.id}="What the team wants to achieve".`,
      },
    );
  }
  if (ctx.objectives.length > 0) {
    const picked = await ctx.prompter.select<string | typeof NEW>({
      flag: '--objective',
      message: 'Objective: what is this goal for?',
      choices: [
        ...ctx.objectives.map((o) => ({
          value: o.id,
          name: `${sanitizeLine(o.title)} (${o.id})`,
          short: o.id,
        })),
        { value: NEW, name: 'A new objective…', short: 'new objective' },
      ],
      // Linking a goal to an objective is the user's call, even when there is only one.
      ...(ctx.objectives.length === 1 ? { highlight: ctx.objectives[0]!.id } : {}),
    });
    if (picked !== NEW) return { ...ctx.objectives.find((o) => o.id === picked)!, isNew: false };
  } else if (ctx.prompter.isInteractive) {
    ctx.prompter.note(ctx.chalk.dim('There are no objectives yet: say what this goal is for.'));
  }
  const title = await answer(ctx, undefined, (t) => checkName(t, 'the objective'), {
    flag: '--objective',
    message: 'Objective: what does the team want to achieve? (e.g. Customers get help fast)',
  });
  const id = await answer(ctx, undefined, (t) => checkNewObjectiveId(t, existing), {
    flag: '--objective',
    message: 'Objective id',
    default: proposeObjectiveId(title, existing),
  });
  return { id, title, isNew: true };
}

// ─── Milestones ──────────────────────────────────────────────────────────────

async function askMilestones(
  ctx: CoachContext,
  input: {
    metric: MetricDefinition;
    type: GoalType;
    baseline: number | undefined;
    target: number;
    start: IsoDate;
    deadline: IsoDate;
    flags: string[] | undefined;
  },
): Promise<MilestoneAnswer[]> {
  const { metric, start, deadline } = input;
  const context = { metric, start, deadline, fiscalYearStart: ctx.fiscalYearStart };
  const check = (t: string) => checkMilestones(t, context);
  if (input.flags !== undefined && input.flags.length > 0)
    return fromFlag('--milestone', input.flags.join(', '), check);
  if (daysBetween(start, deadline) <= QUARTER_DAYS || GOAL_TYPES[input.type].isStay) return [];
  if (input.baseline === undefined) return [];
  const proposals = proposeMilestones({
    start,
    deadline,
    baseline: input.baseline,
    target: input.target,
    unit: metric.unit,
    fiscalYearStart: ctx.fiscalYearStart,
  });
  if (proposals.length === 0) return [];
  const proposal = formatMilestones(proposals, metric.unit);
  const wanted = await ctx.prompter.confirm({
    message: `The goal runs longer than a quarter. Add milestones (${proposal})?`,
    default: true,
  });
  if (!wanted) return [];
  return answer(ctx, undefined, check, {
    flag: '--milestone',
    message: 'Milestones, date=target separated by commas',
    default: proposal,
    editable: true,
  });
}
