/** answer_rate, speed_of_answer and handle_time: one table of calls. */
import { describe, expect, it } from 'vitest';
import { aggregate, series, t } from '../../../helpers/records.js';

const call = (answered: boolean, waitSeconds?: number, handleSeconds?: number) => ({
  created: t('2026-03-02 10:00'),
  answered,
  ...(waitSeconds === undefined ? {} : { waitSeconds }),
  ...(handleSeconds === undefined ? {} : { handleSeconds }),
});

const rows = [
  call(true, 10, 100),
  call(true, 20, 200),
  call(false, 100, 50), // abandoned: its wait and handle time do not count
  call(true, undefined, 600),
];

describe('answer_rate', () => {
  it('is answered ÷ calls × 100, by call day', () => {
    expect(series(aggregate(rows), 'answer_rate')).toEqual([['2026-03-02', 75, 4]]);
  });
});

describe('speed_of_answer', () => {
  it('is the mean wait of answered calls', () => {
    expect(series(aggregate(rows), 'speed_of_answer')).toEqual([['2026-03-02', 15, 2]]);
  });
});

describe('handle_time', () => {
  it('is the mean handle time of answered calls', () => {
    expect(series(aggregate(rows), 'handle_time')).toEqual([['2026-03-02', 300, 3]]);
  });

  it('counts every call with a handle time when answered is not mapped', () => {
    const unmarked = [
      { created: t('2026-03-02 10:00'), handleSeconds: 30 },
      { created: t('2026-03-02 11:00'), handleSeconds: 90 },
    ];
    expect(series(aggregate(unmarked), 'handle_time')).toEqual([['2026-03-02', 60, 2]]);
    expect(series(aggregate(unmarked), 'answer_rate')).toEqual([]);
  });
});

describe('calls with an empty cell', () => {
  it('answer_rate leaves out a call whose answered cell is empty', () => {
    const rows = [
      { created: t('2026-03-02 10:00'), answered: true },
      { created: t('2026-03-02 11:00') },
    ];
    expect(series(aggregate(rows), 'answer_rate')).toEqual([['2026-03-02', 100, 1]]);
  });
});
