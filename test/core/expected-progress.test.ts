/**
 * Expected progress on its path (src/core/expected-progress.ts): where a date
 * falls, and which knots it lies between — the `from` and `to` that
 * `goals explain` shows. Positions count days since the start day began, so
 * a goal from 2026-07-01 to 2026-09-30 ends at position 92 and a milestone on
 * 2026-08-15 sits at 46 (by hand: 31 days of July + 15 of August).
 */
import { describe, expect, it } from 'vitest';
import { buildExpectedPath, expectedProgressAt } from '../../src/core/expected-progress.js';

const start = { kind: 'start', date: '2026-07-01', progress: 0, position: 0 };
const milestone = { kind: 'milestone', date: '2026-08-15', progress: 0.4, position: 46 };
const deadline = { kind: 'deadline', date: '2026-09-30', progress: 1, position: 92 };

describe('expectedProgressAt', () => {
  const path = buildExpectedPath('2026-07-01', '2026-09-30', [
    { date: '2026-08-15', progress: 0.4 },
  ]);

  it('builds the path of knots', () => {
    expect(path).toEqual([start, milestone, deadline]);
  });

  it('is 0 before the start and on the day before it, on the first piece', () => {
    expect(expectedProgressAt(path, '2026-06-20')).toEqual({
      value: 0,
      position: -10,
      from: start,
      to: milestone,
    });
    expect(expectedProgressAt(path, '2026-06-30')).toEqual({
      value: 0,
      position: 0,
      from: start,
      to: milestone,
    });
  });

  it("on a milestone's day it is the milestone's progress, at the end of the piece leading to it", () => {
    expect(expectedProgressAt(path, '2026-08-15')).toEqual({
      value: 0.4,
      position: 46,
      from: start,
      to: milestone,
    });
  });

  it('between two knots it is interpolated: 0.4 + 0.6 × 23/46 on 2026-09-07', () => {
    expect(expectedProgressAt(path, '2026-09-07')).toEqual({
      value: 0.4 + 0.6 * (23 / 46),
      position: 69,
      from: milestone,
      to: deadline,
    });
  });

  it('is 1 after the deadline, on the last piece', () => {
    expect(expectedProgressAt(path, '2026-10-10')).toEqual({
      value: 1,
      position: 102,
      from: milestone,
      to: deadline,
    });
    const straight = buildExpectedPath('2026-07-01', '2026-09-30');
    expect(expectedProgressAt(straight, '2026-10-10')).toEqual({
      value: 1,
      position: 102,
      from: start,
      to: deadline,
    });
  });
});
