import { describe, expect, it } from 'vitest';
import { createRecordAggregator } from '../../../src/core/records/aggregate-records.js';
import { buildCatalog } from '../../../src/core/metrics.js';
import { instantOf } from '../../../src/core/zoned-time.js';
import { aggregate, series, t } from '../../helpers/records.js';
import type { TestRow } from '../../helpers/records.js';

const ticket = (created: string, team: string, channel: string, extra: TestRow = {}): TestRow => ({
  created: t(created),
  segments: [team, channel],
  ...extra,
});

describe('createRecordAggregator', () => {
  it('gives each value of each segment key its snapshots, and the total; keys are not crossed', () => {
    const five = { rating: { scale: '1-5' as const, value: 5 } };
    const two = { rating: { scale: '1-5' as const, value: 2 } };
    const rows = [
      ticket('2026-03-02 09:00', 'EMEA', 'chat', five),
      ticket('2026-03-02 10:00', 'EMEA', 'mail', two),
      ticket('2026-03-02 11:00', 'APAC', 'chat', five),
      ticket('2026-03-02 12:00', '', 'mail', five), // no team: only in the total and mail
      ticket('2026-03-02 13:00', 'APAC', ''),
    ];
    const snapshots = aggregate(rows, { segmentKeys: ['team', 'channel'], ratingScale: '1-5' });
    expect(
      snapshots.filter((s) => s.metric === 'ticket_volume').map((s) => [s.segment, s.value, s.n]),
    ).toEqual([
      ['', 5, 5],
      ['channel=chat', 2, 2],
      ['channel=mail', 2, 2],
      ['team=APAC', 2, 2],
      ['team=EMEA', 2, 2],
    ]);
    expect(
      snapshots.filter((s) => s.metric === 'csat').map((s) => [s.segment, s.value, s.n]),
    ).toEqual([
      ['', 75, 4],
      ['channel=chat', 100, 2],
      ['channel=mail', 50, 2],
      ['team=APAC', 100, 1],
      ['team=EMEA', 50, 2],
    ]);
  });

  it('lists the metrics it computes, and sorts snapshots by metric, segment, date', () => {
    const aggregator = createRecordAggregator({
      timeZone: 'UTC',
      period: 'day',
      fiscalYearStart: 1,
      segmentKeys: ['team'],
      fields: new Set(['created', 'solved', 'replies']),
      catalog: buildCatalog([
        { id: 'rt_p90', derived: { from: 'resolution_time', statistic: 'p90' } },
      ]),
    });
    expect(aggregator.metrics).toEqual([
      'resolution_time',
      'fcr',
      'ticket_volume',
      'backlog',
      'interactions_per_ticket',
      'rt_p90',
    ]);
    aggregator.add({ line: 3, segments: ['B'], created: t('2026-03-03 09:00') });
    aggregator.add({
      line: 2,
      segments: ['A'],
      created: t('2026-03-02 09:00'),
      solvedAt: t('2026-03-02 10:00'),
      replies: 1,
    });
    const keys = aggregator.finish().map((s) => [s.metric, s.segment, s.date].join('|'));
    const byTuple = (a: string, b: string) => {
      const [x, y] = [a.split('|'), b.split('|')];
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i]! < y[i]! ? -1 : 1;
      return 0;
    };
    expect(keys).toEqual([...keys].sort(byTuple));
    expect(keys.filter((k) => k.startsWith('backlog'))).toEqual([
      'backlog||2026-03-02',
      'backlog||2026-03-03',
      'backlog|team=A|2026-03-02',
      'backlog|team=A|2026-03-03',
      'backlog|team=B|2026-03-02',
      'backlog|team=B|2026-03-03',
    ]);
  });

  it('computes a percentile of the rows of each period and segment', () => {
    const catalog = buildCatalog([
      { id: 'frt_p90', derived: { from: 'first_response_time', statistic: 'p90' } },
      { id: 'frt_median', derived: { from: 'first_response_time', statistic: 'median' } },
    ]);
    // Replies after 1 … 10 minutes on the 2nd; 5 minutes on the 3rd.
    const rows: TestRow[] = [];
    for (let m = 1; m <= 10; m++) {
      rows.push({ created: t('2026-03-02 09:00'), firstReplySeconds: m * 60 });
    }
    rows.push({ created: t('2026-03-03 09:00'), firstReplySeconds: 300 });
    const snapshots = aggregate(rows, { catalog });
    // numpy: np.percentile([60, 120, …, 600], 90) = 546.0; median 330.0.
    expect(series(snapshots, 'frt_p90')).toEqual([
      ['2026-03-02', 546, 10],
      ['2026-03-03', 300, 1],
    ]);
    expect(series(snapshots, 'frt_median')).toEqual([
      ['2026-03-02', 330, 10],
      ['2026-03-03', 300, 1],
    ]);
  });

  it('marks periods the export does not wholly cover as partial', () => {
    const rows: TestRow[] = [
      { created: t('2026-03-15 09:00'), solvedAt: t('2026-03-16 09:00') },
      { created: t('2026-04-10 09:00'), solvedAt: t('2026-06-02 09:00') },
      { created: t('2026-05-10 09:00') },
    ];
    const snapshots = aggregate(rows, { period: 'month' });
    // Coverage: 03-15 … 05-10 (creation days). March and May are partial.
    expect(
      snapshots
        .filter((s) => s.metric === 'ticket_volume')
        .map((s) => [s.date, s.value, s.partial]),
    ).toEqual([
      ['2026-03-01', 1, true],
      ['2026-04-01', 1, false],
      ['2026-05-01', 1, true],
    ]);
    // A ticket solved in June, after the export's last day: June is partial too.
    expect(
      snapshots.filter((s) => s.metric === 'resolution_time').map((s) => [s.date, s.partial]),
    ).toEqual([
      ['2026-03-01', true],
      ['2026-06-01', true],
    ]);
  });

  it('puts the days of a week across a year end in one ISO week', () => {
    const rows = [
      { created: t('2025-12-29 00:00') },
      { created: t('2025-12-31 23:00') },
      { created: t('2026-01-04 23:59') },
      { created: t('2026-01-05 00:00') },
    ];
    expect(
      aggregate(rows, { period: 'week' })
        .filter((s) => s.metric === 'ticket_volume')
        .map((s) => [s.date, s.value, s.partial]),
    ).toEqual([
      ['2025-12-29', 3, false],
      ['2026-01-05', 1, true],
    ]);
  });

  it('uses the fiscal year for quarters', () => {
    const rows = [
      { created: t('2026-01-01 00:00') },
      { created: t('2026-03-31 12:00') },
      { created: t('2026-04-01 00:00') },
    ];
    expect(
      series(aggregate(rows, { period: 'quarter', fiscalYearStart: 4 }), 'ticket_volume'),
    ).toEqual([
      ['2026-01-01', 2, 2],
      ['2026-04-01', 1, 1],
    ]);
  });

  it('takes the calendar day in settings.timezone, DST days included', () => {
    const berlin = (text: string) => {
      const [date, time] = text.split(' ') as [string, string];
      const [year, month, day] = date.split('-').map(Number) as [number, number, number];
      const [hour, minute] = time.split(':').map(Number) as [number, number];
      return instantOf({ year, month, day, hour, minute, second: 0 }, 'Europe/Berlin');
    };
    const rows = [
      { created: berlin('2026-03-29 00:30') }, // 2026-03-28T23:30Z
      { created: berlin('2026-03-29 23:30') }, // 21:30Z, summer time
      { created: berlin('2026-10-25 23:59') }, // 22:59Z, winter time
      { created: berlin('2026-10-26 00:00') },
    ];
    expect(
      series(aggregate(rows, { timeZone: 'Europe/Berlin' }), 'ticket_volume').filter(
        (s) => s[1] > 0,
      ),
    ).toEqual([
      ['2026-03-29', 2, 2],
      ['2026-10-25', 1, 1],
      ['2026-10-26', 1, 1],
    ]);
  });

  it('converts a source zone to settings.timezone: 23:30 in New York is the next day in Sofia', () => {
    const created = instantOf(
      { year: 2026, month: 7, day: 13, hour: 23, minute: 30, second: 0 },
      'America/New_York',
    );
    expect(series(aggregate([{ created }], { timeZone: 'Europe/Sofia' }), 'ticket_volume')).toEqual(
      [['2026-07-14', 1, 1]],
    );
    expect(
      series(aggregate([{ created }], { timeZone: 'America/New_York' }), 'ticket_volume'),
    ).toEqual([['2026-07-13', 1, 1]]);
  });

  it('gives the same snapshots whatever the order of the rows', () => {
    const rows: TestRow[] = [];
    for (let i = 0; i < 200; i++) {
      rows.push(
        ticket(`2026-03-${String(1 + (i % 28)).padStart(2, '0')} 09:00`, i % 3 ? 'A' : 'B', '', {
          solvedAt: t(`2026-04-${String(1 + (i % 30)).padStart(2, '0')} 10:00`),
          replies: i % 4,
          firstReplySeconds: (i * 37) % 5000,
        }),
      );
    }
    const catalog = buildCatalog([
      { id: 'frt_p75', derived: { from: 'first_response_time', statistic: 'p75' } },
    ]);
    const options = { segmentKeys: ['team', 'channel'], period: 'week' as const, catalog };
    const forward = aggregate(rows, options);
    const backward = aggregate([...rows].reverse(), options);
    expect(backward).toEqual(forward);
    expect(forward.length).toBeGreaterThan(50);
  });

  it('gives nothing without rows', () => {
    expect(aggregate([], { fields: ['created', 'solved'] })).toEqual([]);
  });

  // Expected values by hand from the rows.
  it('counts 0 for a period of the export without rows, and marks only its ends partial', () => {
    const volume = (rows: TestRow[]) =>
      aggregate(rows, { period: 'month' })
        .filter((s) => s.metric === 'ticket_volume')
        .map((s) => [s.date, s.value, s.n, s.partial]);
    // February has no row at all.
    expect(
      volume([{ created: t('2026-01-10 09:00') }, { created: t('2026-03-10 09:00') }]),
    ).toEqual([
      ['2026-01-01', 1, 1, true],
      ['2026-02-01', 0, 0, false],
      ['2026-03-01', 1, 1, true],
    ]);
    // February and March: a ticket solved in February, none created.
    expect(
      volume([
        { created: t('2026-01-10 09:00'), solvedAt: t('2026-02-15 09:00') },
        { created: t('2026-04-10 09:00') },
      ]),
    ).toEqual([
      ['2026-01-01', 1, 1, true],
      ['2026-02-01', 0, 0, false],
      ['2026-03-01', 0, 0, false],
      ['2026-04-01', 1, 1, true],
    ]);
    // An export from the first to the last day of April covers April.
    expect(
      volume([{ created: t('2026-04-01 00:00') }, { created: t('2026-04-30 23:00') }]),
    ).toEqual([['2026-04-01', 2, 2, false]]);
  });

  it('gives the backlog of an export of one day', () => {
    // Two tickets created on 03-02, one solved the same day: one open at its end (n: the open tickets).
    const snapshots = aggregate([
      { created: t('2026-03-02 09:00'), solvedAt: t('2026-03-02 10:00') },
      { created: t('2026-03-02 11:00') },
    ]);
    expect(series(snapshots, 'backlog')).toEqual([['2026-03-02', 1, 1]]);
  });

  it("puts a row's value in its own segments when the row before had another period first", () => {
    // By hand: A's ticket is counted on 03-02 (created) and its resolution on
    // 03-03 (solved); B's ticket, created on 03-02, counts for team B only.
    const snapshots = aggregate(
      [
        { created: t('2026-03-02 09:00'), solvedAt: t('2026-03-03 09:00'), segments: ['A'] },
        { created: t('2026-03-02 10:00'), segments: ['B'] },
      ],
      { segmentKeys: ['team'] },
    );
    expect(
      snapshots
        .filter((s) => s.metric === 'ticket_volume')
        .map((s) => [s.segment, s.date, s.value]),
    ).toEqual([
      ['', '2026-03-02', 2],
      ['team=A', '2026-03-02', 1],
      ['team=B', '2026-03-02', 1],
    ]);
  });
});
