import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatChange,
  formatMetricValue,
  formatNumber,
  formatRate,
  formatRatio,
} from '../../src/core/format-value.js';

describe('formatNumber', () => {
  it('writes what en-US number formatting writes, at every size and number of digits', () => {
    // The reference is Intl (ICU), which formatNumber does without.
    const intl = (value: number, digits: number) => {
      const rounded = Math.round(value * 10 ** digits) / 10 ** digits;
      return (Object.is(rounded, -0) ? 0 : rounded).toLocaleString('en-US', {
        maximumFractionDigits: digits,
        useGrouping: Math.abs(rounded) >= 10_000,
      });
    };
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ min: -1e15, max: 1e15, noNaN: true }),
          fc.double({ min: -100_000, max: 100_000, noNaN: true }),
          fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 100),
          fc.integer({ min: -2_000_000, max: 2_000_000 }).map((n) => n / 2000),
        ),
        fc.integer({ min: 0, max: 4 }),
        (value, digits) => {
          if (Math.abs(value) >= 1e15) return;
          expect(formatNumber(value, digits)).toBe(intl(value, digits));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('groups thousands from 10,000 on and never writes -0', () => {
    expect(formatNumber(1234.56)).toBe('1234.6');
    expect(formatNumber(-12_345.649, 2)).toBe('-12,345.65');
    expect(formatNumber(1_234_567, 0)).toBe('1,234,567');
    expect(formatNumber(-0.04)).toBe('0');
    expect(formatNumber(2.5, 0)).toBe('3');
    expect(formatNumber(80.0, 1)).toBe('80');
    expect(formatNumber(123_456_789_012.3456, 4)).toBe('123,456,789,012.3456');
  });
});

describe('formatNumber at the edges', () => {
  it('writes 10^15 and beyond as an exponent, trailing zeros dropped', () => {
    expect(formatNumber(1e15)).toBe('1e+15');
    expect(formatNumber(1.5e20)).toBe('1.5e+20');
    expect(formatNumber(1.25e16)).toBe('1.25e+16');
    expect(formatNumber(-2e16)).toBe('-2e+16');
    expect(formatNumber(1e308)).toBe('1e+308');
  });

  it('groups a value that rounds up to 10,000', () => {
    expect(formatNumber(9999.96)).toBe('10,000');
    expect(formatNumber(9999.94)).toBe('9999.9');
  });
});

describe('formatMetricValue', () => {
  it('writes each unit as people read it', () => {
    expect(formatMetricValue(81.25, 'percent')).toBe('81.3 %');
    expect(formatMetricValue(9000, 'duration')).toBe('2 h 30 m');
    // counts: a decimal below 100, none from 100 on
    expect(formatMetricValue(42.25, 'count')).toBe('42.3');
    expect(formatMetricValue(-42.26, 'count')).toBe('-42.3');
    expect(formatMetricValue(123.4, 'count')).toBe('123');
    expect(formatMetricValue(4.25, 'score')).toBe('4.3');
  });
});

describe('formatRate and formatChange', () => {
  it('writes a pace per week: points for percents, a duration, two decimals otherwise', () => {
    expect(formatRate(0.5, 'percent')).toBe('0.5 pp/week');
    expect(formatRate(-720, 'duration')).toBe('−12 m/week');
    expect(formatRate(-0.125, 'count')).toBe('−0.13/week');
    expect(formatRate(0.25, 'count', true)).toBe('+0.25/week');
    expect(formatRate(-0.25, 'score', true)).toBe('−0.25/week');
    expect(formatRate(0, 'count', true)).toBe('±0/week');
    expect(formatRate(0, 'count')).toBe('0/week');
  });

  it('writes a signed change, ±0 when it rounds to none', () => {
    expect(formatChange(0.3, 'percent')).toBe('+0.3 pp');
    expect(formatChange(-780, 'duration')).toBe('−13 m');
    expect(formatChange(0.04, 'percent')).toBe('±0 pp');
    expect(formatChange(-0.04, 'score')).toBe('±0');
    expect(formatChange(12, 'count')).toBe('+12');
  });
});

describe('formatRatio', () => {
  it('writes a share as a percent with one decimal, never -0', () => {
    expect(formatRatio(0.457)).toBe('45.7 %');
    expect(formatRatio(1)).toBe('100 %');
    expect(formatRatio(-0.0001)).toBe('0 %');
  });
});
