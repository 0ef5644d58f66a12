import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/core/format-value.js';

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
