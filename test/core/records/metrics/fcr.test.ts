import { describe, expect, it } from 'vitest';
import { aggregate, series, t } from '../../../helpers/records.js';

describe('fcr', () => {
  it('tickets: solved with no reopen and at most one reply ÷ solved, by solved day', () => {
    const solved = { created: t('2026-03-01 09:00'), solvedAt: t('2026-03-02 09:00') };
    const rows = [
      { ...solved, reopens: 0, replies: 1 }, // first contact
      { ...solved, reopens: 1, replies: 1 },
      { ...solved, reopens: 0, replies: 2 },
      { ...solved, reopens: 0, replies: 0 }, // first contact
      { created: t('2026-03-01 09:00'), reopens: 0, replies: 1 }, // not solved
      { ...solved, reopens: 0 }, // replies cell empty: left out
    ];
    expect(series(aggregate(rows), 'fcr')).toEqual([['2026-03-02', 50, 4]]);
  });

  it('tickets: only the conditions whose fields are mapped', () => {
    const solved = { created: t('2026-03-01 09:00'), solvedAt: t('2026-03-02 09:00') };
    const rows = [
      { ...solved, replies: 1 },
      { ...solved, replies: 3 },
      { ...solved, replies: 0 },
    ];
    expect(series(aggregate(rows), 'fcr')).toEqual([['2026-03-02', (2 / 3) * 100, 3]]);
    // Neither reopens nor replies: no fcr.
    expect(series(aggregate([solved]), 'fcr')).toEqual([]);
  });

  it('calls: answered and resolved ÷ answered, by call day', () => {
    const call = { created: t('2026-03-02 10:00') };
    const rows = [
      { ...call, answered: true, resolved: true },
      { ...call, answered: true, resolved: false },
      { ...call, answered: true, resolved: true },
      { ...call, answered: false, resolved: false }, // not answered: left out
    ];
    expect(series(aggregate(rows), 'fcr')).toEqual([['2026-03-02', (2 / 3) * 100, 3]]);
  });
});

describe('fcr: rows left out', () => {
  it('calls: an unanswered call, and an answered one without a resolved value', () => {
    const call = { created: t('2026-03-02 10:00') };
    const rows = [
      { ...call, answered: true, resolved: true }, // the only one that counts: 1 of 1
      { ...call, answered: true }, // resolved cell empty
      { ...call, answered: false, resolved: true }, // not answered, even if marked resolved
    ];
    expect(series(aggregate(rows), 'fcr')).toEqual([['2026-03-02', 100, 1]]);
  });

  it('tickets: a solved ticket whose reopens cell is empty', () => {
    const solved = { created: t('2026-03-01 09:00'), solvedAt: t('2026-03-02 09:00') };
    const rows = [
      { ...solved, reopens: 0, replies: 1 },
      { ...solved, replies: 1 }, // reopens mapped, its cell empty: left out
    ];
    expect(series(aggregate(rows), 'fcr')).toEqual([['2026-03-02', 100, 1]]);
  });
});
