/** churn_rate and retention_rate: one table of subscriptions. */
import { describe, expect, it } from 'vitest';
import { aggregate, series, t } from '../../../helpers/records.js';

const sub = (started: string, ended?: string) => ({
  started: t(`${started} 00:00`),
  ...(ended === undefined ? {} : { ended: t(`${ended} 00:00`) }),
});

const rows = [
  sub('2026-01-10', '2026-02-15'), // S1
  sub('2026-01-01'), // S2
  sub('2026-01-20', '2026-03-01'), // S3: ends on March's first day
  sub('2026-02-01', '2026-03-10'), // S4: starts on February's first day
  sub('2026-03-05', '2026-03-31'), // S5: starts and ends in March
  sub('2026-01-15'), // S6
];

describe('churn_rate', () => {
  it('is ended in the month ÷ active at its start × 100', () => {
    // January: none started before 01-01 → no value.
    // February: active S1 S2 S3 S6 (S4 starts on the 1st); ended S1 → 1/4.
    // March: active S2 S4 S6 (S3 ends on the 1st: not active); ended S3 S4 (S5 started
    // in March) → 2/3.
    expect(series(aggregate(rows, { period: 'month' }), 'churn_rate')).toEqual([
      ['2026-02-01', 25, 4],
      ['2026-03-01', (2 / 3) * 100, 3],
    ]);
  });
});

describe('retention_rate', () => {
  it('is 100 − churn', () => {
    expect(series(aggregate(rows, { period: 'month' }), 'retention_rate')).toEqual([
      ['2026-02-01', 75, 4],
      ['2026-03-01', 100 - (2 / 3) * 100, 3],
    ]);
  });
});

describe('churn_rate: a subscription that ends the day it starts', () => {
  it('is never active, and takes nothing from the others', () => {
    // Daily periods. A: 03-01 → 03-06, active at the start of 03-02 … 03-05 (strictly
    // after its start, strictly before its end). B: starts and ends on 03-04: never active.
    // 03-01: none started before; 03-06: A ends that day, none active: no value.
    const daily = [sub('2026-03-01', '2026-03-06'), sub('2026-03-04', '2026-03-04')];
    expect(series(aggregate(daily), 'churn_rate')).toEqual([
      ['2026-03-02', 0, 1],
      ['2026-03-03', 0, 1],
      ['2026-03-04', 0, 1],
      ['2026-03-05', 0, 1],
    ]);
  });
});
