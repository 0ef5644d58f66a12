/**
 * Metric values as people read them: `81.3 %`, `2 h 30 m`, `42`, `1,234`.
 * Pure text, no colour; used by rule messages and every reporter.
 */
import { formatDuration } from './duration.js';
import type { MetricUnit } from './metrics.js';

/**
 * A number with at most `digits` decimals, no trailing zeros, no "-0"; from
 * 10¹⁵ on (beyond a whole number's exact digits) in exponent form, `1e+308`.
 */
export function formatNumber(value: number, digits = 1): string {
  if (Math.abs(value) >= 1e15) return value.toExponential(2).replace(/\.?0+e/, 'e');
  const factor = 10 ** digits;
  const rounded = Math.round(value * factor) / factor;
  const useGrouping = Math.abs(rounded) >= 10_000;
  // Stryker disable next-line EqualityOperator: at exactly 2^48 both ways write the same digits
  if (Math.abs(rounded) * factor >= 2 ** 48) {
    // Too large for the digits to be exact: as toLocaleString rounds them.
    return rounded.toLocaleString('en-US', { maximumFractionDigits: digits, useGrouping });
  }
  // What toLocaleString('en-US', …) writes, without ICU (whose first use costs
  // more than the rest of formatting in `goals check`): below 2^48 the
  // rounded number is within 1/32 of its last digit of a `digits` decimal,
  // which toFixed writes exactly.
  const [whole, fraction] = Math.abs(rounded).toFixed(digits).split('.') as [string, string?];
  const decimals = fraction?.replace(/0+$/, '') ?? '';
  const sign = rounded < 0 ? '-' : '';
  const grouped = useGrouping ? whole.replace(/\B(?=(\d{3})+$)/g, ',') : whole;
  return `${sign}${grouped}${decimals ? `.${decimals}` : ''}`;
}

export function formatMetricValue(value: number, unit: MetricUnit): string {
  switch (unit) {
    case 'percent':
      return `${formatNumber(value)} %`;
    case 'duration':
      return formatDuration(value);
    case 'count':
      // Stryker disable next-line EqualityOperator: 100 is written 100 with 1 decimal or none
      return formatNumber(value, Math.abs(value) < 100 ? 1 : 0);
    case 'score':
      return formatNumber(value, 1);
  }
}

/** A change per week: `+0.5 pp/week`, `−12 m/week`. */
export function formatRate(perWeek: number, unit: MetricUnit, signed = false): string {
  const sign = signed ? signOf(perWeek) : perWeek < 0 ? '−' : '';
  return `${sign}${formatMagnitude(perWeek, unit, 2)}/week`;
}

/** A signed change of a value: `+0.3 pp` (percent points), `−13 m`; `±0 pp` when it rounds to none. */
export function formatChange(change: number, unit: MetricUnit): string {
  const body = formatMagnitude(change, unit, 1);
  return `${/^0( |$)/.test(body) ? '±' : signOf(change)}${body}`;
}

function signOf(value: number): string {
  return value > 0 ? '+' : value < 0 ? '−' : '±';
}

/** The size of a change in the metric's unit; a percent metric changes by points (pp). */
function formatMagnitude(value: number, unit: MetricUnit, digits: number): string {
  const magnitude = Math.abs(value);
  return unit === 'percent'
    ? `${formatNumber(magnitude, digits)} pp`
    : unit === 'duration'
      ? formatDuration(magnitude)
      : formatNumber(magnitude, digits);
}

/** A share as people read it: 0.457 → `45.7 %`. */
export function formatRatio(ratio: number): string {
  // a template writes -0 as 0
  return `${Math.round(ratio * 1000) / 10} %`;
}
