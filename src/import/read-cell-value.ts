/**
 * A cell's text to a value in its metric's unit: durations to seconds
 * (bare numbers in the column's unit, or `2h30m`, `90m`, `01:30:00`),
 * percents 0–100 (`85`, `85%`, or ratios × 100 when the column says so),
 * then checked against the metric's range.
 */
import { durationUnitSeconds, parseDuration } from '../core/duration.js';
import { formatNumber } from '../core/format-value.js';
import type { MetricDefinition } from '../core/metrics.js';
import { roundValue } from '../core/values.js';
import { decimalHint, parseNumber } from './parse-number.js';
import type { DecimalSeparator } from './sniff-dialect.js';

/** How the values of one column (or one long-layout metric name) are read. */
export interface ValueTarget {
  metric: MetricDefinition;
  /** Duration metrics: seconds per bare number; undefined = bare numbers have no unit. */
  secondsPerUnit?: number | undefined;
  /** Percent metrics: bare numbers are ratios 0–1. */
  isRatio?: boolean | undefined;
  /** The unit as written in the mapping, for messages. */
  unit?: string | undefined;
  /** How to give these values a unit, for the hint when they have none. */
  unitHint?: string | undefined;
}

export interface ValueProblem {
  message: string;
  hint: string;
}

const PERCENT_UNITS = new Set(['percent', '%', 'pct']);
const RATIO_UNITS = new Set(['ratio', 'fraction']);

/**
 * Checks a mapping's unit against its metric: undefined when it fits,
 * else the reason.
 */
export function checkUnit(metric: MetricDefinition, unit: string | undefined): string | undefined {
  if (unit === undefined) return undefined;
  const u = unit.trim().toLowerCase();
  switch (metric.unit) {
    case 'duration':
      return durationUnitSeconds(u) === undefined
        ? `"${unit}" is not a duration unit; ${metric.id} is a duration: use s, m, h or d`
        : undefined;
    case 'percent':
      return PERCENT_UNITS.has(u) || RATIO_UNITS.has(u)
        ? undefined
        : `"${unit}" is not a unit for ${metric.id}, a percentage: use percent (0-100) or ratio (0-1)`;
    default:
      return `${metric.id} is a ${metric.unit}: its values take no unit (remove unit: "${unit}")`;
  }
}

/** A value target for a metric and a (checked) unit. */
export function makeValueTarget(
  metric: MetricDefinition,
  unit: string | undefined,
  unitHint?: string,
): ValueTarget {
  const u = unit?.trim().toLowerCase();
  return {
    metric,
    unit,
    unitHint,
    secondsPerUnit:
      metric.unit === 'duration' && u !== undefined ? durationUnitSeconds(u) : undefined,
    isRatio: metric.unit === 'percent' && u !== undefined && RATIO_UNITS.has(u),
  };
}

const SIMPLE_NUMBER = /^-?\d+(?:\.\d+)?$/;

/**
 * Reads one non-empty, trimmed cell. `column` names the column in messages.
 * Returns the value in the metric's unit, or what is wrong and how to fix it.
 */
export function readCellValue(
  text: string,
  target: ValueTarget,
  decimal: DecimalSeparator,
  column: string,
): number | ValueProblem {
  const { metric } = target;
  let value: number;
  // The common case of a big export, without regular expressions.
  const simple = decimal === '.' && SIMPLE_NUMBER.test(text) ? Number(text) : undefined;
  if (metric.unit === 'duration') {
    const n = simple ?? parseNumber(text, decimal);
    if (n !== undefined) {
      if (target.secondsPerUnit === undefined) {
        return {
          message: `${text} in column "${column}" has no unit, and ${metric.id} is a duration.`,
          hint:
            target.unitHint ??
            `Say the unit of the column: in goals.yaml columns: { "${column}": { metric: ${metric.id}, unit: h } } (s, m, h or d), or --metric "${column}=${metric.id}:h".`,
        };
      }
      value = roundValue(n * target.secondsPerUnit);
    } else {
      const seconds = parseDuration(decimal === ',' ? text.replace(/(\d),(\d)/g, '$1.$2') : text);
      if (seconds === undefined) {
        return {
          message: `"${text}" in column "${column}" is not a duration.`,
          hint: "Write a number in the column's unit, or a duration such as 2h30m, 90m or 01:30:00; leave the cell empty when there is no value.",
        };
      }
      value = seconds;
    }
  } else if (metric.unit === 'percent') {
    if (text.endsWith('%')) {
      const n = parseNumber(text.slice(0, -1).trimEnd(), decimal);
      if (n === undefined) return notANumber(text, column, decimal);
      value = n;
    } else {
      const n = simple ?? parseNumber(text, decimal);
      if (n === undefined) return notANumber(text, column, decimal);
      value = target.isRatio ? roundValue(n * 100) : n;
    }
  } else {
    if (text.endsWith('%')) {
      return {
        message: `"${text}" in column "${column}" is a percentage, but ${metric.id} is a ${metric.unit}.`,
        hint: `Map the column to a percent metric, or write plain numbers for ${metric.id}.`,
      };
    }
    const n = simple ?? parseNumber(text, decimal);
    if (n === undefined) return notANumber(text, column, decimal);
    value = n;
  }
  if (!Number.isFinite(value)) {
    return {
      message: `${text} in column "${column}" is not a finite number: beyond ±1.8e308, it reads as infinity.`,
      hint: 'Correct the value in the export; --skip-invalid leaves the row out.',
    };
  }
  const [min, max] = metric.range;
  if ((min !== null && value < min) || (max !== null && value > max)) {
    return {
      message: `${text} in column "${column}" is outside the range of ${metric.id} (${describeRange(metric)}).`,
      hint:
        metric.unit === 'duration' && target.unit !== undefined
          ? `Correct the value in the export (the column's unit is ${target.unit}); --skip-invalid leaves the row out.`
          : 'Correct the value in the export, or map the column to the right metric; --skip-invalid leaves the row out.',
    };
  }
  return value;
}

function notANumber(text: string, column: string, decimal: DecimalSeparator): ValueProblem {
  return {
    message: `"${text}" in column "${column}" is not a number.`,
    hint:
      decimalHint(text, decimal) ??
      'Write a number (leave the cell empty when there is no value), or --skip-invalid to leave the row out.',
  };
}

function describeRange(metric: MetricDefinition): string {
  const [min, max] = metric.range;
  const show = (v: number) => (metric.unit === 'percent' ? `${formatNumber(v)} %` : String(v));
  if (min !== null && max !== null) return `${show(min)} to ${show(max)}`;
  if (min !== null) return `at least ${show(min)}`;
  return `at most ${show(max!)}`;
}
