import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitTrend, trendValueAt } from '../../src/core/theil-sen.js';
import { addDays } from '../../src/core/dates.js';
import type { Point } from '../../src/core/snapshot.js';

/** Theil–Sen as defined: the median of every pairwise slope, sorted. */
function reference(points: readonly Point[]): { slopePerDay: number } {
  const byDay = new Map<number, number[]>();
  for (const p of points) {
    const day = Date.UTC(+p.date.slice(0, 4), +p.date.slice(5, 7) - 1, +p.date.slice(8)) / 864e5;
    byDay.set(day, [...(byDay.get(day) ?? []), p.value]);
  }
  const medianOf = (values: number[]) => {
    const s = Float64Array.from(values).sort();
    const mid = s.length >> 1;
    return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  };
  const days = [...byDay.keys()].sort((a, b) => a - b);
  const values = days.map((d) => medianOf(byDay.get(d)!));
  const slopes: number[] = [];
  for (let i = 0; i < days.length; i++) {
    for (let j = i + 1; j < days.length; j++) {
      slopes.push((values[j]! - values[i]!) / (days[j]! - days[i]!));
    }
  }
  return { slopePerDay: medianOf(slopes) };
}

describe('fitTrend', () => {
  it('fits by hand: the median of the slopes and of the intercepts', () => {
    // Days 0, 1, 2, 4 of 2026-01-01 with 10, 12, 11, 20: slopes 2, 0.5, 2.5, -1, 8/3, 4.5
    // → sorted -1, 0.5, 2, 2.5, 8/3, 4.5 → median 2.25; value − 2.25 × day: 10, 9.75, 6.5, 11
    // → median 9.875 at 2026-01-01.
    const points = [10, 12, 11, undefined, 20].flatMap((value, day) =>
      value === undefined ? [] : [{ date: addDays('2026-01-01', day), value }],
    );
    const trend = fitTrend(points)!;
    expect(trend.slopePerDay).toBe(2.25);
    expect(trendValueAt(trend.slopePerDay, points, '2026-01-01')).toBe(9.875);
    expect(trend.points).toBe(4);
  });

  it('gives exactly what sorting every slope gives, ties and zeros of both signs included', () => {
    const value = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0, -0, 0.1, -0.1),
      fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    );
    const points = fc.array(fc.record({ day: fc.integer({ min: 0, max: 120 }), value }), {
      minLength: 3,
      maxLength: 60,
    });
    fc.assert(
      fc.property(points, (raw) => {
        const series = raw.map((p) => ({ date: addDays('2026-01-01', p.day), value: p.value }));
        const trend = fitTrend(series);
        if (new Set(raw.map((p) => p.day)).size < 3) {
          expect(trend).toBeUndefined();
          return;
        }
        const expected = reference(series);
        expect(Object.is(trend!.slopePerDay, expected.slopePerDay)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
