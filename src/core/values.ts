/**
 * Values written in goals.yaml, in the metric's unit: numbers, `85%`, `2h`,
 * and changes from the baseline: `+10%` / `-15%` (relative), `+5pp`
 * (percentage points), `-30m` (a duration), `+0.5` as text (score points).
 */
import { parseDuration } from './duration.js';
import type { MetricUnit } from './metrics.js';

export type TargetSpec =
  | { kind: 'absolute'; value: number }
  /**
   * A change relative to the size of the baseline: 0.1 = +10 %, so baseline
   * + 0.1 × |baseline| (−20 "+50%" → −10: better, as the sign says).
   */
  | { kind: 'relative'; fraction: number }
  /** A change in the metric's unit: +5 points, −30 minutes (in seconds). */
  | { kind: 'delta'; delta: number };

export type ValueProblem = {
  /** `not-a-number`: the text is no value at all; `unit`: a unit that does not fit the metric. */
  problem: 'not-a-number' | 'unit';
  message: string;
  hint: string;
};

export type ParsedValue = { value: number } | ValueProblem;
export type ParsedTarget = TargetSpec | ValueProblem;

const NUMBER = /^[+-]?\d+(?:\.\d+)?$/;
const PERCENT = /^([+-]?\d+(?:\.\d+)?)\s*%$/;
const POINTS = /^([+-]\d+(?:\.\d+)?)\s*(pp|pts?|points?)$/i;
const SIGNED = /^[+-]/;

/** An absolute value (a baseline, a milestone, an absolute target) in the metric's unit. */
export function parseValue(raw: number | string, unit: MetricUnit): ParsedValue {
  if (typeof raw === 'number') {
    if (unit === 'duration') {
      return {
        problem: 'unit',
        message: `${raw} has no unit, and this metric is a duration.`,
        hint: `Write the unit: "${raw}h", "${raw}m" or "${raw}d".`,
      };
    }
    return { value: raw };
  }
  const text = raw.trim();
  if (NUMBER.test(text)) return parseValue(Number(text), unit);
  const percent = PERCENT.exec(text);
  if (percent) {
    if (unit === 'percent') return { value: Number(percent[1]) };
    return {
      problem: 'unit',
      message: `"${text}" is a percentage, but this metric is a ${unit}.`,
      hint: unitHint(unit),
    };
  }
  const seconds = parseDuration(text);
  if (seconds !== undefined) {
    if (unit === 'duration') return { value: seconds };
    return {
      problem: 'unit',
      message: `"${text}" is a duration, but this metric is a ${unit}.`,
      hint: unitHint(unit),
    };
  }
  return {
    problem: 'not-a-number',
    message: `"${text}" is not a value.`,
    hint: unitHint(unit),
  };
}

/** A target: an absolute value or a change from the baseline. */
export function parseTarget(raw: number | string, unit: MetricUnit): ParsedTarget {
  if (typeof raw === 'string') {
    const text = raw.trim();
    const percent = PERCENT.exec(text);
    if (percent && SIGNED.test(text))
      return { kind: 'relative', fraction: Number(percent[1]) / 100 };
    const points = POINTS.exec(text);
    if (points) {
      if (unit === 'percent' || unit === 'score')
        return { kind: 'delta', delta: Number(points[1]) };
      return {
        problem: 'unit',
        message: `"${text}" is a change in points, but this metric is a ${unit}.`,
        hint:
          unit === 'duration'
            ? 'Write a change as a duration ("-30m") or in percent ("-15%").'
            : 'Write a change in percent ("+10%") or a value.',
      };
    }
    if (SIGNED.test(text) && !NUMBER.test(text)) {
      const seconds = parseDuration(text.slice(1));
      if (seconds !== undefined) {
        if (unit === 'duration')
          return { kind: 'delta', delta: text.startsWith('-') ? -seconds : seconds };
        return {
          problem: 'unit',
          message: `"${text}" is a duration, but this metric is a ${unit}.`,
          hint: unitHint(unit),
        };
      }
    }
    if (SIGNED.test(text) && NUMBER.test(text) && unit !== 'duration') {
      return { kind: 'delta', delta: Number(text) };
    }
  }
  const parsed = parseValue(raw, unit);
  return 'problem' in parsed ? parsed : { kind: 'absolute', value: parsed.value };
}

/**
 * The absolute target for a baseline; undefined when a change has no
 * baseline to apply to. A relative change is a share of the baseline's size.
 */
export function resolveTarget(spec: TargetSpec, baseline: number | undefined): number | undefined {
  switch (spec.kind) {
    case 'absolute':
      return spec.value;
    case 'relative':
      // A change of the baseline's size, so that "+50%" of an NPS of −20 is −10, not −30.
      return baseline === undefined
        ? undefined
        : roundValue(baseline + spec.fraction * Math.abs(baseline));
    case 'delta':
      return baseline === undefined ? undefined : roundValue(baseline + spec.delta);
  }
}

/** Trims floating-point noise (78 × 1.1 = 85.80000000000001). */
export function roundValue(value: number): number {
  return Number(value.toPrecision(12));
}

function unitHint(unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return 'Write a percentage from 0 to 100: 85 or "85%"; a change as "+5pp" (points) or "+10%" (relative).';
    case 'duration':
      return 'Write a duration: "2h", "90m", "1h30m", "01:30:00"; a change as "-30m" or "-15%".';
    case 'count':
      return 'Write a number: 120; a change as "-15%".';
    case 'score':
      return 'Write a number on the metric\'s scale: 40; a change as "+5" or "+10%".';
  }
}

/**
 * A target rounded to a value people would write: percents and scores to
 * 0.1, counts to whole numbers, durations to whole minutes (seconds under
 * ten minutes), always rounded towards the safer side — never past the
 * value it came from in the improving direction.
 */
export function roundTarget(value: number, unit: MetricUnit, sign: 1 | -1): number {
  // Stryker disable next-line EqualityOperator: at 600 s both steps give 600 (a whole minute)
  const step = unit === 'count' ? 1 : unit === 'duration' ? (Math.abs(value) < 600 ? 1 : 60) : 0.1;
  const scaled = value / step;
  // A hair of tolerance so that floating-point noise (84.99999999) still rounds to 85.
  const rounded = sign === 1 ? Math.floor(scaled + 1e-6) : Math.ceil(scaled - 1e-6);
  return roundValue(rounded * step);
}
