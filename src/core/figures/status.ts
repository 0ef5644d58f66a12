import type { GoalType } from '../../config/schema.js';
import { GOAL_TYPES, meets } from '../compare.js';
import type { IsoDate } from '../dates.js';
import { formatRatio } from '../format-value.js';
import type { Point } from '../snapshot.js';
import type { GoalStatus } from '../status.js';
import type { Held } from './held.js';
import type { Sample } from './sample.js';

/**
 * Ratios are compared with this tolerance, so that a forecast landing exactly
 * on the target is on track even when floating point puts it at 0.9999999999.
 */
const EPSILON = 1e-9;

/**
 * Whether a computed value (a forecast) meets the target, allowing for
 * floating-point noise: a trend that lands exactly on the target meets it.
 */
function forecastMeets(type: GoalType, value: number, target: number): boolean {
  const slack = EPSILON * Math.max(1, Math.abs(target));
  return meets(type, value + GOAL_TYPES[type].sign * slack, target);
}

/** Why a small sample does not show a goal achieved (DESIGN §11); '' when it does or is none. */
function smallSampleText(sample: Sample | null): string {
  if (!sample || sample.isEnough) return '';
  const over =
    sample.evidence.length === 1 ? '' : ` over the ${sample.evidence.length} snapshots meeting it`;
  return `, but from ${sample.value} rows${over}, fewer than min_sample ${sample.minSample}: a small sample is never the only evidence for achieved`;
}

/** One rule of DESIGN §6, tried in order: whether it held and why. */
export interface StatusCheck {
  status: GoalStatus;
  holds: boolean;
  reason: string;
}

export interface StatusInput {
  type: GoalType;
  start: IsoDate;
  deadline: IsoDate;
  asOf: IsoDate;
  judgedAt: IsoDate;
  isPastDeadline: boolean;
  current: Point | null;
  target: number | null;
  /** Stay goals: which snapshots held the threshold. */
  held: Held | null;
  progress: number | null;
  expectedProgress: number | null;
  forecast: number | null;
  forecastProgress: number | null;
  /** The rows behind the evidence for achieved, when the snapshots come with them. */
  sample: Sample | null;
  /** Why the forecast does not decide the status (it reaches too far), when it does not. */
  forecastDistrust: string | undefined;
  atRiskMargin: number;
  fmt: (value: number) => string;
}

/**
 * status: the rules of DESIGN §6 tried in order — not-started, no-data,
 * achieved, missed, on-track, at-risk, off-track; the first that holds wins,
 * and every rule tried is kept with its reason.
 */
export function decideStatus(input: StatusInput): { status: GoalStatus; checks: StatusCheck[] } {
  const checks: StatusCheck[] = [];
  const decide = (status: GoalStatus, holds: boolean, reason: string): boolean => {
    checks.push({ status, holds, reason });
    return holds;
  };
  const status = GOAL_TYPES[input.type].isStay
    ? decideStayStatus(input, decide)
    : decideProgressStatus(input, decide);
  return { status, checks };
}

type Decide = (status: GoalStatus, holds: boolean, reason: string) => boolean;

/**
 * Rules 1 and 2, shared by every type: the status when one holds, else the
 * current snapshot. After the deadline, a goal with no snapshot on or before
 * it is missed: nothing shows it was met.
 */
function decideStarted(
  input: StatusInput,
  decide: Decide,
): 'not-started' | 'no-data' | 'missed' | Point {
  const { asOf, start, deadline, judgedAt, isPastDeadline, current } = input;
  if (
    decide(
      'not-started',
      asOf < start,
      asOf < start ? `as of ${asOf} is before the start ${start}` : `the goal started on ${start}`,
    )
  )
    return 'not-started';
  if (current === null && isPastDeadline) {
    const noData = `no data by the deadline ${deadline}: no snapshot on or before it`;
    decide('no-data', false, `the deadline ${deadline} has passed`);
    decide('achieved', false, `${noData}, so nothing shows the target was met`);
    decide('missed', true, noData);
    return 'missed';
  }
  if (
    decide(
      'no-data',
      current === null,
      current === null
        ? `no snapshot on or before ${judgedAt}`
        : `the newest snapshot on or before ${judgedAt} is from ${current.date}`,
    )
  )
    return 'no-data';
  return current!;
}

function decideStayStatus(input: StatusInput, decide: Decide): GoalStatus {
  const { type, start, deadline, judgedAt, isPastDeadline, forecastDistrust, fmt } = input;
  const forecast = forecastDistrust ? null : input.forecast;
  const now = decideStarted(input, decide);
  if (typeof now === 'string') return now;
  const goalTarget = input.target!;
  const { evidence, breaks } = input.held!;
  const targetText = `${GOAL_TYPES[type].operator} ${fmt(goalTarget)}`;
  const broke = breaks.length > 0;
  const breakText = broke
    ? `${breaks.length} of ${evidence.length} snapshots from ${start} to ${judgedAt} broke ${targetText} (first on ${breaks[0]!.date}: ${fmt(breaks[0]!.value)})`
    : `all ${evidence.length} snapshots from ${start} to ${judgedAt} are ${targetText}`;
  const small = broke ? '' : smallSampleText(input.sample);
  if (
    decide(
      'achieved',
      isPastDeadline && !broke && small === '',
      isPastDeadline ? `${breakText}${small}` : `the deadline ${deadline} has not passed`,
    )
  )
    return 'achieved';
  if (
    decide(
      'missed',
      isPastDeadline,
      isPastDeadline ? `${breakText}${small}` : `the deadline ${deadline} has not passed`,
    )
  )
    return 'missed';
  const crosses = forecast !== null && !forecastMeets(type, forecast, goalTarget);
  const forecastText =
    forecast === null
      ? (forecastDistrust ?? 'there is no forecast')
      : `the forecast ${fmt(forecast)} at ${deadline} ${crosses ? 'breaks' : 'is'} ${targetText}`;
  if (decide('on-track', !broke && !crosses, `${breakText}, and ${forecastText}`))
    return 'on-track';
  const latestMeets = meets(type, now.value, goalTarget);
  if (
    decide(
      'at-risk',
      latestMeets,
      latestMeets
        ? `the latest snapshot ${fmt(now.value)} is ${targetText}, but ${broke ? breakText : forecastText}`
        : `the latest snapshot ${fmt(now.value)} (${now.date}) breaks ${targetText}`,
    )
  )
    return 'at-risk';
  decide(
    'off-track',
    true,
    `the latest snapshot ${fmt(now.value)} (${now.date}) breaks ${targetText}`,
  );
  return 'off-track';
}

function decideProgressStatus(input: StatusInput, decide: Decide): GoalStatus {
  const { type, start, deadline, isPastDeadline, atRiskMargin, forecastDistrust, fmt } = input;
  const { progress, expectedProgress } = input;
  const forecast = forecastDistrust ? null : input.forecast;
  const forecastProgress = forecastDistrust ? null : input.forecastProgress;
  const now = decideStarted(input, decide);
  if (typeof now === 'string') return now;
  const goalTarget = input.target!;
  const targetText = `${GOAL_TYPES[type].operator} ${fmt(goalTarget)}`;
  const isMet = meets(type, now.value, goalTarget);
  const metText = `current ${fmt(now.value)} (${now.date}) ${isMet ? 'is' : 'is not'} ${targetText}${isMet ? smallSampleText(input.sample) : ''}`;
  if (decide('achieved', isMet && (input.sample?.isEnough ?? true), metText)) return 'achieved';
  if (
    decide(
      'missed',
      isPastDeadline,
      isPastDeadline
        ? `the deadline ${deadline} has passed and ${metText}`
        : `the deadline ${deadline} has not passed`,
    )
  )
    return 'missed';
  const pct = (x: number) => `${formatRatio(x)}`;
  if (forecast !== null && forecastProgress !== null) {
    // Stryker disable next-line EqualityOperator: ≥ and > differ only at exactly the tolerance's edge
    const onTrack = forecastProgress >= 1 - EPSILON;
    if (
      decide(
        'on-track',
        onTrack,
        `forecast progress ${pct(forecastProgress)} ${onTrack ? '≥' : '<'} 100 % (forecast ${fmt(forecast)} at ${deadline})`,
      )
    )
      return 'on-track';
    const floor = 1 - atRiskMargin;
    // Stryker disable next-line EqualityOperator: ≥ and > differ only at exactly the tolerance's edge
    const atRisk = forecastProgress >= floor - EPSILON;
    if (
      decide(
        'at-risk',
        atRisk,
        `forecast progress ${pct(forecastProgress)} ${atRisk ? '≥' : '<'} 100 % − margin ${pct(atRiskMargin)} = ${pct(floor)}`,
      )
    )
      return 'at-risk';
    decide('off-track', true, `forecast progress ${pct(forecastProgress)} is below ${pct(floor)}`);
    return 'off-track';
  }
  if (forecast !== null) {
    // The baseline already met the target, so progress has no scale: judge the forecast itself.
    const onTrack = forecastMeets(type, forecast, goalTarget);
    if (
      decide(
        'on-track',
        onTrack,
        `the forecast ${fmt(forecast)} at ${deadline} ${onTrack ? 'is' : 'is not'} ${targetText}`,
      )
    )
      return 'on-track';
    decide(
      'off-track',
      true,
      `the forecast ${fmt(forecast)} misses the target and the baseline gives no scale for "at risk"`,
    );
    return 'off-track';
  }
  if (progress !== null && expectedProgress !== null) {
    const noForecast =
      forecastDistrust ?? `no forecast (snapshots on fewer than 3 dates since ${start})`;
    // Stryker disable next-line EqualityOperator: ≥ and > differ only at exactly the tolerance's edge
    const onTrack = progress >= expectedProgress - EPSILON;
    if (
      decide(
        'on-track',
        onTrack,
        `${noForecast}: progress ${pct(progress)} ${onTrack ? '≥' : '<'} expected ${pct(expectedProgress)}`,
      )
    )
      return 'on-track';
    const floor = expectedProgress - atRiskMargin;
    // Stryker disable next-line EqualityOperator: ≥ and > differ only at exactly the tolerance's edge
    const atRisk = progress >= floor - EPSILON;
    if (
      decide(
        'at-risk',
        atRisk,
        `progress ${pct(progress)} ${atRisk ? '≥' : '<'} expected ${pct(expectedProgress)} − margin ${pct(atRiskMargin)} = ${pct(floor)}`,
      )
    )
      return 'at-risk';
    decide('off-track', true, `progress ${pct(progress)} is below ${pct(floor)}`);
    return 'off-track';
  }
  // Reached only when current meets the target on a small sample, or misses it,
  // with nothing else to judge by: where it stands decides.
  const fallback = isMet ? 'on-track' : 'off-track';
  decide(
    fallback,
    true,
    `${metText}, ${forecastDistrust ?? 'there is no forecast'}, and the baseline gives no scale for progress`,
  );
  return fallback;
}
