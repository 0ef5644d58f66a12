/**
 * The pure half of `goals new`: each answer checked the moment it is given
 * (so a vague or impossible answer is caught at the prompt, not by a later
 * `goals validate`), proposals for the answers the coach can guess (title,
 * id, start, milestones), and the goal as it will be written to goals.yaml.
 */
import type { GoalInput, GoalType, MetricInput } from '../config/schema.js';
import { GOAL_TYPES, meets } from './compare.js';
import {
  addDays,
  daysBetween,
  formatQuarter,
  isValidTimeZone,
  nextQuarter,
  parseIsoDate,
  parseQuarter,
  quarterOf,
  quarterRange,
  resolveDateOrQuarter,
  suggestTimeZone,
} from './dates.js';
import type { IsoDate } from './dates.js';
import { formatMetricValue, formatNumber, formatRate } from './format-value.js';
import { defaultRange } from './metrics.js';
import type { MetricDefinition, MetricDirection, MetricUnit } from './metrics.js';
import { judgePace, realisticStep } from './pace.js';
import type { PaceJudgement } from './pace.js';
import { isInRange, rangeOf } from './rules/achievable-in-range.js';
import type { Point, Segment } from './snapshot.js';
import { resolveGoal } from './resolve-goal.js';
import { specificVagueTitle } from './rules/specific-vague-title.js';
import { closestId, idProblem, ID_CHARACTERS, toId } from './ids.js';
import { suggest } from './suggest.js';
import { parseTarget, parseValue, resolveTarget, roundTarget, roundValue } from './values.js';
import type { TargetSpec } from './values.js';

/** An answer that was accepted, or why not (shown at the prompt, or for a flag). */
export type Checked<T> = { ok: true; value: T } | { ok: false; message: string };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = <T>(message: string): Checked<T> => ({ ok: false, message });

/** Goals longer than this many days are offered milestones (a quarter is 90–92 days). */
export const QUARTER_DAYS = 92;

// ─── Specific ────────────────────────────────────────────────────────────────

/**
 * A metric named by id: from the catalog, or an error with a did-you-mean
 * (an unknown metric is caught when it is typed, not by `goals validate`).
 */
export function checkMetricId(
  id: string,
  catalog: ReadonlyMap<string, MetricDefinition>,
): Checked<MetricDefinition> {
  const metric = catalog.get(id.trim());
  if (metric) return ok(metric);
  const close = suggest(id.trim(), catalog.keys());
  return fail(
    `There is no metric '${id.trim()}'${close ? `; did you mean '${close}'?` : '.'} \`goals metrics\` lists them all.`,
  );
}

/**
 * The metrics matching a search term, best first: id or name starting with
 * it, then containing it, then a description containing it.
 */
export function searchMetrics(
  term: string,
  catalog: ReadonlyMap<string, MetricDefinition>,
): MetricDefinition[] {
  const needle = term.trim().toLowerCase();
  const metrics = [...catalog.values()];
  if (needle === '') return metrics;
  const score = (m: MetricDefinition): number => {
    const id = m.id.toLowerCase();
    const name = m.name.toLowerCase();
    const words = `${id.replace(/_/g, ' ')} ${name}`;
    if (id.startsWith(needle) || name.startsWith(needle)) return 0;
    if (words.split(/\s+/).some((w) => w.startsWith(needle))) return 1;
    if (id.includes(needle) || name.includes(needle)) return 2;
    if ((m.description ?? '').toLowerCase().includes(needle)) return 3;
    return Infinity;
  };
  return metrics
    .map((m, index) => ({ m, index, score: score(m) }))
    .filter((x) => x.score !== Infinity)
    .sort((a, b) => a.score - b.score || a.index - b.index)
    .map((x) => x.m);
}

/** One line about a metric for the picker: what it measures, its unit, which way is better, its range. */
export function describeMetric(metric: MetricDefinition): string {
  const better =
    metric.direction === 'increase'
      ? 'higher is better'
      : metric.direction === 'decrease'
        ? 'lower is better'
        : 'no better direction';
  const parts = [metric.description, `${metric.unit}, ${better}, ${rangeOf(metric)}`];
  if (metric.formula) parts.push(`= ${metric.formula}`);
  return parts.filter(Boolean).join(' · ');
}

/** An IANA time zone as typed, with the closest one when it is not. */
export function checkTimeZone(text: string): Checked<string> {
  const zone = text.trim();
  if (zone !== '' && isValidTimeZone(zone)) return ok(zone);
  const close = zone === '' ? undefined : suggestTimeZone(zone);
  return fail(
    close
      ? `"${zone}" is not an IANA time zone; did you mean ${close}?`
      : `"${zone}" is not an IANA time zone; write e.g. Europe/Sofia or UTC.`,
  );
}

/** A segment as typed: `team=EMEA, channel=chat`; empty is the whole team. */
export function checkSegment(text: string): Checked<Record<string, string>> {
  const segment: Record<string, string> = {};
  const trimmed = text.trim();
  if (trimmed === '') return ok(segment);
  for (const part of trimmed.split(',')) {
    const eq = part.indexOf('=');
    const key = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    if (eq < 1 || key === '' || value === '') {
      return fail(
        `"${part.trim()}" is not key=value. Write the segment as team=EMEA (several: team=EMEA, channel=chat), or leave it empty for the whole team.`,
      );
    }
    if (key === '__proto__' || Object.hasOwn(segment, key))
      return fail(`The segment names "${key}" twice.`);
    segment[key] = value;
  }
  return ok(segment);
}

/** The goal types that make sense for a metric; the first is the default. */
/**
 * The kinds of goal worth offering for a metric: with a better direction,
 * only moving or holding it that way (nobody means to raise first response
 * time); `--type` still takes any kind.
 */
export function goalTypesFor(metric: MetricDefinition): GoalType[] {
  if (metric.direction === 'increase') return ['increase', 'stay-above'];
  if (metric.direction === 'decrease') return ['decrease', 'stay-below'];
  return ['stay-below', 'stay-above', 'decrease', 'increase'];
}

/** What a goal type means for this metric, in words. */
export function describeGoalType(type: GoalType, metric: MetricDefinition): string {
  const label = metricLabel(metric);
  switch (type) {
    case 'increase':
      return `raise ${label} to a target`;
    case 'decrease':
      return `bring ${label} down to a target`;
    case 'stay-above':
      return `keep ${label} at or above a level the whole time`;
    case 'stay-below':
      return `keep ${label} at or below a level the whole time`;
  }
}

/** A custom metric's id: the id pattern, and not one the catalog already has. */
export function checkNewMetricId(
  id: string,
  catalog: ReadonlyMap<string, MetricDefinition>,
): Checked<string> {
  const trimmed = id.trim();
  const problem = idProblem(trimmed);
  if (problem) return fail(idMessage(trimmed, problem, 'training_completion'));
  if (catalog.has(trimmed)) return fail(`'${trimmed}' already exists; pick it from the list.`);
  return ok(trimmed);
}

/** A range as typed: `0..100`, `0..` (no upper bound), `..` or empty for the unit's default. */
export function checkRange(
  text: string,
  unit: MetricUnit,
): Checked<[number | null, number | null]> {
  const trimmed = text.trim();
  if (trimmed === '') return ok(defaultRange(unit));
  const m = /^(-?\d+(?:\.\d+)?)?\s*(?:\.\.|,)\s*(-?\d+(?:\.\d+)?)?$/.exec(trimmed);
  if (!m) return fail('Write the valid range as min..max, e.g. 0..100, or 0.. for no upper bound.');
  const min = m[1] === undefined ? null : Number(m[1]);
  const max = m[2] === undefined ? null : Number(m[2]);
  if (min !== null && max !== null && min >= max)
    return fail(`The minimum ${min} must be below the maximum ${max}.`);
  return ok([min, max]);
}

/** `0..100`, `0..`: a range as the user types it. */
export function formatRange(range: readonly [number | null, number | null]): string {
  return `${range[0] ?? ''}..${range[1] ?? ''}`;
}

/** A custom metric as written under `metrics:` and as it joins the catalog. */
export function buildCustomMetric(answers: {
  id: string;
  name: string;
  unit: MetricUnit;
  direction: MetricDirection;
  range: [number | null, number | null];
}): { input: MetricInput; definition: MetricDefinition } {
  const input: MetricInput = {
    id: answers.id,
    name: answers.name,
    unit: answers.unit,
    direction: answers.direction,
  };
  // The unit's own range (0–100 for percents, ≥ 0 for counts) goes without saying.
  const [min, max] = defaultRange(answers.unit);
  if (answers.range[0] !== min || answers.range[1] !== max) input.range = answers.range;
  return {
    input,
    definition: { ...answers, origin: 'custom' },
  };
}

// ─── Measurable ──────────────────────────────────────────────────────────────

/** A baseline as typed, in the metric's unit, inside its range. */
export function checkBaseline(text: string, metric: MetricDefinition): Checked<number> {
  const parsed = parseValue(text, metric.unit);
  if ('problem' in parsed) return fail(`${parsed.message} ${parsed.hint}`);
  if (!isInRange(metric, parsed.value)) {
    return fail(
      `${formatMetricValue(parsed.value, metric.unit)} is outside the range of ${metric.name} (${rangeOf(metric)}).`,
    );
  }
  return ok(parsed.value);
}

export interface TargetAnswer {
  /** As written to goals.yaml: a number, or text such as "2h" or "+5pp". */
  written: number | string;
  spec: TargetSpec;
  /** The absolute target, once the baseline is known. */
  value: number | undefined;
}

/** Both readings of a `+10%` on a percent metric, to let the user choose. */
export interface AmbiguousTarget {
  /** Percent of the baseline: 78 × 1.1 = 85.8. */
  relative: number;
  /** Percentage points: 78 + 10 = 88. */
  points: number;
  /** The change as typed, without the % sign: "+10". */
  change: string;
}

/**
 * A target as typed: an absolute value ("85", "2h") or a change from the
 * baseline ("+10%", "+5pp", "-30m"). Refused: no value, the wrong unit, a
 * change without a baseline, a value outside the metric's range, a target
 * the baseline already meets. A "+10%" on a percent metric is returned as
 * `ambiguous` with both readings, as `specific/ambiguous-change` would warn.
 */
export function checkTarget(
  text: string,
  context: { metric: MetricDefinition; type: GoalType; baseline: number | undefined },
): Checked<TargetAnswer | { ambiguous: AmbiguousTarget }> {
  const { metric, type, baseline } = context;
  const trimmed = text.trim();
  if (trimmed === '') return fail(`Write the target, e.g. ${exampleTarget(metric)}.`);
  const spec = parseTarget(trimmed, metric.unit);
  if ('problem' in spec) return fail(`${spec.message} ${spec.hint}`);
  if (spec.kind !== 'absolute' && baseline === undefined) {
    return fail(
      `"${trimmed}" is a change from the baseline, and this goal has none: write the target itself, e.g. ${exampleTarget(metric)}.`,
    );
  }
  if (spec.kind === 'relative' && metric.unit === 'percent') {
    const change = formatNumber(spec.fraction * 100, 4);
    return ok({
      ambiguous: {
        relative: resolveTarget(spec, baseline)!,
        points: roundValue(baseline! + spec.fraction * 100),
        change: `${spec.fraction >= 0 ? '+' : ''}${change}`,
      },
    });
  }
  const value = resolveTarget(spec, baseline);
  if (value !== undefined) {
    const problem = checkTargetValue(value, { metric, type, baseline });
    if (problem) return fail(problem);
  }
  return ok({ written: writtenTarget(trimmed, spec), spec, value });
}

/** Why an absolute target cannot be (outside the range, or already met), if it cannot. */
export function checkTargetValue(
  value: number,
  context: { metric: MetricDefinition; type: GoalType; baseline: number | undefined },
): string | undefined {
  const { metric, type, baseline } = context;
  const shown = formatMetricValue(value, metric.unit);
  if (!isInRange(metric, value))
    return `${shown} is outside the range of ${metric.name} (${rangeOf(metric)}).`;
  if (baseline !== undefined && !GOAL_TYPES[type].isStay && meets(type, baseline, value)) {
    return `${metric.name} is already at ${formatMetricValue(baseline, metric.unit)}, which meets ${shown}: aim ${type === 'increase' ? 'higher' : 'lower'}, or choose "${type === 'increase' ? 'stay-above' : 'stay-below'}" to hold the level.`;
  }
  return undefined;
}

/** The target as it goes into goals.yaml: numbers as numbers, the rest as typed. */
function writtenTarget(text: string, spec: TargetSpec): number | string {
  if (spec.kind === 'absolute' && /^[+-]?\d+(?:\.\d+)?%?$/.test(text) && !text.startsWith('+'))
    return spec.value;
  return text.replace(/\s+/g, '');
}

/** The chosen reading of an ambiguous "+10%", written so nobody can misread it. */
export function resolveAmbiguous(
  ambiguous: AmbiguousTarget,
  reading: 'relative' | 'points',
): TargetAnswer {
  if (reading === 'points') {
    const delta = Number(ambiguous.change);
    return {
      written: `${ambiguous.change}pp`,
      spec: { kind: 'delta', delta },
      value: ambiguous.points,
    };
  }
  // Percent of the baseline, written as the absolute value it means.
  return {
    written: ambiguous.relative,
    spec: { kind: 'absolute', value: ambiguous.relative },
    value: ambiguous.relative,
  };
}

/** Whether the target is the best the metric can ever be (CSAT 100 %, churn 0), as `achievable/perfect-score` judges. */
export function isPerfectScore(metric: MetricDefinition, type: GoalType, value: number): boolean {
  const best = GOAL_TYPES[type].sign === 1 ? metric.range[1] : metric.range[0];
  return best !== null && value === best;
}

function exampleTarget(metric: MetricDefinition): string {
  switch (metric.unit) {
    case 'percent':
      return '85 or "+5pp"';
    case 'duration':
      return '"2h" or "-30m"';
    case 'count':
      return '120 or "-15%"';
    case 'score':
      return '40 or "+5"';
  }
}

/**
 * A value as written in goals.yaml: durations as text with units (`1h30m`),
 * everything else as a number without floating-point noise.
 */
export function formatYamlValue(value: number, unit: MetricUnit): number | string {
  if (unit !== 'duration') return roundValue(Number(value.toFixed(2)));
  let seconds = Math.round(value);
  const sign = seconds < 0 ? '-' : '';
  seconds = Math.abs(seconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const text = `${h ? `${h}h` : ''}${m ? `${m}m` : ''}${s ? `${s}s` : ''}`;
  return sign + (text || '0m');
}

/**
 * A value typed for a percent metric that reads as a 0–1 ratio (`0.8` for
 * CSAT): the percentage it probably means (80), or undefined. `0.8%` says it
 * is meant, so is not asked about.
 */
export function ratioReading(text: string, metric: MetricDefinition): number | undefined {
  if (metric.unit !== 'percent' || !/^\s*0?[.,]\d+\s*$/.test(text)) return undefined;
  const value = Number(text.trim().replace(',', '.'));
  return value > 0 && value < 1 ? roundValue(value * 100) : undefined;
}

/**
 * A baseline or target typed at the prompt for a percent metric: `0.8` is
 * refused as a probable ratio (the `measurable/percent-scale` warning,
 * caught where it is typed), with the two ways to say what is meant.
 */
export function checkPercentScale(text: string, metric: MetricDefinition): Checked<undefined> {
  const reading = ratioReading(text, metric);
  if (reading === undefined) return ok(undefined);
  const typed = text.trim();
  return fail(
    `${typed} looks like a ratio, but ${metric.name} is a percentage (0–100): type ${formatNumber(reading)} for ${formatMetricValue(reading, 'percent')}, or ${typed}% if you mean less than one percent.`,
  );
}

// ─── Achievable ──────────────────────────────────────────────────────────────

/**
 * The first quarter, after `after`, by whose end the target is realistic
 * from the start such a deadline gets (proposeStart), looking two years
 * ahead. Undefined when none is (a change too large for any deadline).
 */
export function proposeRealisticDeadline(input: {
  baseline: number;
  target: number;
  history: readonly Point[];
  after: IsoDate;
  asOf: IsoDate;
  fiscalYearStart: number;
}): { quarter: string; deadline: IsoDate } | undefined {
  const { asOf, fiscalYearStart } = input;
  const first = quarterOf(input.after, fiscalYearStart);
  for (let step = 0; step <= 8; step++) {
    const quarter = nextQuarter(first, step);
    const deadline = quarterRange(quarter, fiscalYearStart).end;
    if (deadline <= input.after) continue;
    const start = proposeStart({ deadline, asOf, fiscalYearStart });
    const judgement = judgePace({ ...input, start, deadline });
    if (judgement?.realistic) return { quarter: formatQuarter(quarter), deadline };
  }
  return undefined;
}

/** What a target demands, in plain words, from a pace judgement. */
export function explainPace(
  judgement: PaceJudgement,
  context: { metric: MetricDefinition; baseline: number; target: number; deadline: IsoDate },
): string[] {
  const { metric, baseline, target, deadline } = context;
  const unit = metric.unit;
  const sign = target > baseline ? 1 : -1;
  const from = formatMetricValue(baseline, unit);
  const to = formatMetricValue(target, unit);
  const lines: string[] = [];
  if (judgement.basis === 'history') {
    lines.push(
      `From ${from} to ${to} by ${deadline} needs ${formatRate(sign * judgement.neededPerWeek, unit, true)}; the fastest 4-week pace in the history is ${formatRate(sign * judgement.fastestPerWeek, unit, true)}.`,
    );
    lines.push(
      judgement.realistic
        ? 'That is within twice the best pace the team has shown: achievable.'
        : `That is more than twice the best pace the team has ever shown: unrealistic. About ${formatMetricValue(realisticStep(judgement, unit, sign), unit)} is reachable at twice that pace.`,
    );
  } else {
    const pct = (x: number) => `${Math.round(x * 100)} %`;
    lines.push(
      `From ${from} to ${to} by ${deadline} is a change of ${pct(judgement.totalChange)} of the baseline, ${pct(judgement.monthlyChange)} per month (no history to judge by, so the rule of thumb: at most 50 % in all and 15 % per month).`,
    );
    lines.push(
      judgement.realistic
        ? 'That is within the rule of thumb: achievable.'
        : `That is more than the rule of thumb allows: unrealistic. About ${formatMetricValue(realisticStep(judgement, unit, sign), unit)} is a realistic step.`,
    );
  }
  return lines;
}

// ─── Relevant ────────────────────────────────────────────────────────────────

/** A new objective's id: the id pattern, unique among the objectives. */
export function checkNewObjectiveId(id: string, existing: ReadonlySet<string>): Checked<string> {
  const trimmed = id.trim();
  const problem = idProblem(trimmed);
  if (problem) return fail(idMessage(trimmed, problem, 'fast-help'));
  if (existing.has(trimmed)) return fail(`There is already an objective '${trimmed}'.`);
  return ok(trimmed);
}

/**
 * `--objective quality=Problems are solved right the first time`: an id,
 * and a title when the objective is to be created.
 */
export function parseObjectiveFlag(text: string): Checked<{ id: string; title?: string }> {
  const eq = text.indexOf('=');
  const id = (eq < 0 ? text : text.slice(0, eq)).trim();
  const title = eq < 0 ? undefined : text.slice(eq + 1).trim();
  const problem = idProblem(id);
  if (problem) return fail(`"${id}" is not an objective id: ${problem}; ${idRule()}.`);
  if (title === '')
    return fail(`Give the objective a title: ${id}="What the team wants to achieve".`);
  return ok(title === undefined ? { id } : { id, title });
}

/** An id from a title: the first words, lower case, joined by dashes. */
export function proposeObjectiveId(title: string, existing: ReadonlySet<string>): string {
  // Little words and verbs say little in an id: "Customers get help fast" → customers-help-fast.
  const stop = new Set(
    'a an the of to and for our their your its my we in on by at with is are be get gets got keep make every each all'.split(
      ' ',
    ),
  );
  const words = toId(title)
    .split('-')
    .filter((w) => w !== '' && !stop.has(w));
  return unique(words.slice(0, 3).join('-') || 'objective', existing);
}

/** A person's or a team's name: not empty, one line. */
export function checkName(text: string, what: string): Checked<string> {
  const trimmed = text.trim();
  if (trimmed === '') return fail(`Name ${what}.`);
  if (/[\r\n]/.test(trimmed)) return fail('Keep it on one line.');
  return ok(trimmed);
}

// ─── Time-bound ──────────────────────────────────────────────────────────────

/**
 * A deadline as typed: a quarter (`2026-Q4`, its last day) or a date, after
 * today (a goal whose deadline has passed can only be missed).
 */
export function checkDeadline(
  text: string,
  context: { asOf: IsoDate; fiscalYearStart: number },
): Checked<{ written: string; date: IsoDate }> {
  const trimmed = text.trim().toUpperCase();
  const date = resolveDateOrQuarter(trimmed, 'end', context.fiscalYearStart);
  if (date === undefined) {
    return fail(
      `"${text.trim()}" is neither a quarter nor a date: write 2026-Q4 (its last day) or 2026-12-15.`,
    );
  }
  if (date <= context.asOf)
    return fail(`${date} is not after today (${context.asOf}): choose a later deadline.`);
  return ok({ written: trimmed, date });
}

/** Quarters to offer as deadlines: this one (unless it ends today) and the next three. */
export function proposeDeadlines(asOf: IsoDate, fiscalYearStart: number): string[] {
  const now = quarterOf(asOf, fiscalYearStart);
  const quarters = [0, 1, 2, 3].map((step) => nextQuarter(now, step));
  return quarters
    .filter((q) => quarterRange(q, fiscalYearStart).end > asOf)
    .map((q) => formatQuarter(q));
}

/**
 * A sensible start: today when the deadline falls in the current quarter
 * (the work starts now, from today's baseline); otherwise the start of the
 * next quarter, which is also the default when `start:` is left out for a
 * goal of one quarter.
 */
export function proposeStart(context: {
  deadline: IsoDate;
  asOf: IsoDate;
  fiscalYearStart: number;
}): IsoDate {
  const { deadline, asOf, fiscalYearStart: fy } = context;
  const current = quarterRange(quarterOf(asOf, fy), fy);
  if (deadline <= current.end) return asOf;
  return addDays(current.end, 1);
}

/** The start a goal gets when `start:` is left out: the start of its deadline's quarter. */
export function defaultStart(deadline: IsoDate, fiscalYearStart: number): IsoDate {
  return quarterRange(quarterOf(deadline, fiscalYearStart), fiscalYearStart).start;
}

/** A start as typed: a date or a quarter (its first day), before the deadline. */
export function checkStart(
  text: string,
  context: { deadline: IsoDate; fiscalYearStart: number },
): Checked<{ written: string; date: IsoDate }> {
  const trimmed = text.trim().toUpperCase();
  const date = resolveDateOrQuarter(trimmed, 'start', context.fiscalYearStart);
  if (date === undefined)
    return fail(`"${text.trim()}" is neither a date nor a quarter: write 2026-10-01 or 2026-Q4.`);
  if (date >= context.deadline)
    return fail(`The start ${date} must be before the deadline ${context.deadline}.`);
  return ok({ written: trimmed, date });
}

export interface MilestoneAnswer {
  date: IsoDate;
  target: number;
}

/**
 * Milestones for a goal longer than a quarter: one at the end of each
 * quarter before the deadline, on the straight line from baseline to target,
 * rounded to a value people would write.
 */
export function proposeMilestones(context: {
  start: IsoDate;
  deadline: IsoDate;
  baseline: number;
  target: number;
  unit: MetricUnit;
  fiscalYearStart: number;
}): MilestoneAnswer[] {
  const { start, deadline, baseline, target, unit, fiscalYearStart: fy } = context;
  const total = daysBetween(start, deadline);
  if (total <= QUARTER_DAYS) return [];
  const milestones: MilestoneAnswer[] = [];
  let q = quarterOf(start, fy);
  for (;;) {
    const end = quarterRange(q, fy).end;
    if (end >= deadline) break;
    if (end > start) {
      const share = daysBetween(start, end) / total;
      const value = baseline + (target - baseline) * share;
      // Round towards the baseline: a milestone never asks more than the straight line.
      milestones.push({ date: end, target: roundTarget(value, unit, target > baseline ? 1 : -1) });
    }
    q = nextQuarter(q);
  }
  return milestones;
}

/** A milestone as typed: `2026-09-30=81` (a quarter means its last day). */
export function checkMilestone(
  text: string,
  context: { metric: MetricDefinition; start: IsoDate; deadline: IsoDate; fiscalYearStart: number },
): Checked<MilestoneAnswer> {
  const eq = text.indexOf('=');
  if (eq < 0) return fail(`"${text.trim()}" is not date=target: write 2026-09-30=81.`);
  const date = resolveDateOrQuarter(text.slice(0, eq).trim(), 'end', context.fiscalYearStart);
  if (date === undefined)
    return fail(`"${text.slice(0, eq).trim()}" is not a date: write 2026-09-30=81.`);
  if (date <= context.start || date >= context.deadline) {
    return fail(
      `The milestone ${date} must fall between the start ${context.start} and the deadline ${context.deadline}.`,
    );
  }
  const target = checkBaseline(text.slice(eq + 1), context.metric);
  if (!target.ok) return fail(target.message);
  return ok({ date, target: target.value });
}

/** Milestones as typed on one line: `2026-09-30=81, 2026-12-31=83`; empty for none. */
export function checkMilestones(
  text: string,
  context: { metric: MetricDefinition; start: IsoDate; deadline: IsoDate; fiscalYearStart: number },
): Checked<MilestoneAnswer[]> {
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const milestones: MilestoneAnswer[] = [];
  for (const part of parts) {
    const m = checkMilestone(part, context);
    if (!m.ok) return m;
    if (milestones.some((x) => x.date >= m.value.date))
      return fail('List the milestones in date order, one per date.');
    milestones.push(m.value);
  }
  return ok(milestones);
}

/** `2026-09-30=81, 2026-12-31=83`: milestones as the user types them. */
export function formatMilestones(milestones: readonly MilestoneAnswer[], unit: MetricUnit): string {
  return milestones.map((m) => `${m.date}=${formatYamlValue(m.target, unit)}`).join(', ');
}

// ─── The title and the id ────────────────────────────────────────────────────

/**
 * A title says how much: it has a number. Stricter than
 * `specific/vague-title` (which flags only vague verbs without a number),
 * because here the coach has just proposed a title with the number in it;
 * when that rule fires too, its words explain why.
 */
export function checkTitle(text: string, proposal?: string): Checked<string> {
  const title = text.trim();
  const example = proposal ? `e.g. "${proposal}"` : 'e.g. "Reach 85% CSAT by the end of Q4"';
  if (title === '') return fail(`Write the goal in words, ${example}.`);
  if (/[\r\n]/.test(title)) return fail('Keep the title on one line.');
  if (/\d/.test(title)) return ok(title);
  const goal = resolveGoal({ id: 'new', title, status: 'active' }, NO_METRICS);
  const [vague] = specificVagueTitle.check({
    goal,
    objectives: new Set(),
    catalog: NO_METRICS.catalog,
    history: undefined,
    hasSource: false,
  });
  const why = vague
    ? vague.message.replace(/^Goal '[^']*': the title /, '').replace(/\.$/, '')
    : `"${title}" has no number`;
  return fail(`${why}: say how much and by when, ${example}.`);
}

const NO_METRICS = { catalog: new Map<string, MetricDefinition>(), fiscalYearStart: 1 };

/** Short names people use in titles. */
const SHORT_NAMES: Record<string, string> = {
  csat: 'CSAT',
  nps: 'NPS',
  ces: 'CES',
  fcr: 'first contact resolution',
  frt_within_sla: 'replies within SLA',
};

/** The metric as it reads inside a sentence: "CSAT", "first response time". */
export function metricLabel(metric: MetricDefinition): string {
  const short = metric.origin === 'builtin' ? SHORT_NAMES[metric.id] : undefined;
  if (short) return short;
  const name = metric.name;
  // Lower-case the first letter unless the word is an acronym (NPS, SLA).
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name;
}

/** "by the end of Q4 2026", "by 2026-12-15" (for stay goals: "through …", "until …"). */
export function describeDeadline(written: string, isStay: boolean): string {
  const q = parseQuarter(written);
  if (q) return `${isStay ? 'through' : 'by the end of'} Q${q.quarter} ${q.year}`;
  const date = parseIsoDate(written);
  return `${isStay ? 'until' : 'by'} ${date ?? written}`;
}

export interface TitleContext {
  metric: MetricDefinition;
  type: GoalType;
  segment: Segment;
  baseline: number | undefined;
  target: number;
  deadline: string;
}

/** A title with the numbers and the date in it, from the answers. */
export function proposeTitle(context: TitleContext): string {
  const { metric, type, segment, baseline, target, deadline } = context;
  const label = metricLabel(metric);
  const to = titleValue(target, metric);
  const from = baseline === undefined ? '' : ` from ${titleValue(baseline, metric)}`;
  const entries = Object.entries(segment);
  const scope =
    entries.length === 0 ? '' : ` for ${entries.map(([k, v]) => `${k} ${v}`).join(', ')}`;
  const when = describeDeadline(deadline, GOAL_TYPES[type].isStay);
  switch (type) {
    case 'increase':
      return `Raise ${label}${scope}${from} to ${to} ${when}`;
    case 'decrease':
      return `Cut ${label}${scope}${from} to ${to} ${when}`;
    case 'stay-above':
      return `Keep ${label}${scope} at or above ${to} ${when}`;
    case 'stay-below':
      return `Keep ${label}${scope} at or below ${to} ${when}`;
  }
}

/** A value in a title: as reports show it, but to two decimals (churn 2.24 %, not 2.2 %). */
function titleValue(value: number, metric: MetricDefinition): string {
  switch (metric.unit) {
    case 'percent':
      return `${formatNumber(value, 2)} %`;
    case 'duration':
      return formatMetricValue(value, 'duration');
    case 'count':
    case 'score':
      return formatNumber(value, 2);
  }
}

/** A goal id from the metric, the segment and the deadline's quarter: `csat-emea-2026-q4`. */
export function proposeGoalId(context: {
  metric: MetricDefinition;
  segment: Segment;
  deadline: IsoDate;
  fiscalYearStart: number;
  existing: ReadonlySet<string>;
}): string {
  const q = quarterOf(context.deadline, context.fiscalYearStart);
  const parts = [
    toId(context.metric.id),
    ...Object.values(context.segment).map((v) => toId(v)),
    `${q.year}-q${q.quarter}`,
  ].filter((p) => p !== '');
  return unique(parts.join('-'), context.existing);
}

/** A goal id: the id pattern, unique among the goals. */
export function checkGoalId(id: string, existing: ReadonlySet<string>): Checked<string> {
  const trimmed = id.trim();
  const problem = idProblem(trimmed);
  if (problem) return fail(idMessage(trimmed, problem, 'csat-2026-q4'));
  if (existing.has(trimmed)) return fail(`There is already a goal '${trimmed}'.`);
  return ok(trimmed);
}

/** "'ü' is not an ASCII letter: ids use only …; e.g. csat-u." */
function idMessage(id: string, problem: string, example: string): string {
  const close = closestId(id);
  return `${problem.charAt(0).toUpperCase()}${problem.slice(1)}: ${idRule()}; e.g. ${close !== '' && close !== id ? close : example}.`;
}

function idRule(): string {
  return `ids use only ${ID_CHARACTERS}`;
}

function unique(base: string, existing: ReadonlySet<string>): string {
  if (!existing.has(base)) return base;
  for (let n = 2; ; n++) if (!existing.has(`${base}-${n}`)) return `${base}-${n}`;
}

// ─── The goal ────────────────────────────────────────────────────────────────

export interface GoalAnswers {
  id: string;
  title: string;
  owner: string;
  objective: string;
  metric: MetricDefinition;
  segment: Segment;
  type: GoalType;
  baseline?: { value: number; date?: IsoDate };
  target: TargetAnswer;
  /** As typed: a quarter or a date. */
  deadline: string;
  /** As typed; left out when it is the default (the start of the deadline's quarter). */
  start?: string;
  milestones: MilestoneAnswer[];
}

/**
 * The goal as it is written to goals.yaml, keys in the order of the
 * format's documentation; defaults (type from the metric's direction, start
 * at the deadline's quarter) are left out, as a person would write it.
 */
export function buildGoalInput(answers: GoalAnswers, fiscalYearStart: number): GoalInput {
  const { metric } = answers;
  const goal: GoalInput = {
    id: answers.id,
    title: answers.title,
    owner: answers.owner,
    objective: answers.objective,
    metric: metric.id,
    status: 'active',
  };
  if (Object.keys(answers.segment).length > 0) goal.segment = { ...answers.segment };
  if (answers.type !== metric.direction) goal.type = answers.type;
  if (answers.baseline !== undefined) {
    const value = formatYamlValue(answers.baseline.value, metric.unit);
    goal.baseline = answers.baseline.date ? { value, date: answers.baseline.date } : value;
  }
  goal.target =
    typeof answers.target.written === 'number'
      ? formatYamlValue(answers.target.written, metric.unit)
      : answers.target.written;
  const deadline = resolveDateOrQuarter(answers.deadline, 'end', fiscalYearStart);
  const start =
    answers.start === undefined
      ? undefined
      : resolveDateOrQuarter(answers.start, 'start', fiscalYearStart);
  if (
    answers.start !== undefined &&
    (deadline === undefined || start !== defaultStart(deadline, fiscalYearStart))
  )
    goal.start = answers.start;
  goal.deadline = answers.deadline;
  if (answers.milestones.length > 0) {
    goal.milestones = answers.milestones.map((m) => ({
      date: m.date,
      target: formatYamlValue(m.target, metric.unit),
    }));
  }
  return goal;
}
