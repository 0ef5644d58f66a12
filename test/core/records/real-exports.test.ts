/**
 * The records core on real exports (../shared/data, absent in CI: skipped).
 * Each file is read here with a few lines into RecordRows; the expected
 * values were computed independently in Python (csv + datetime, no goals
 * code) as noted at each table, and pasted.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { createRecordAggregator } from '../../../src/core/records/aggregate-records.js';
import type { RecordField, RecordRow, RecordSettings } from '../../../src/core/records/record.js';
import { buildCatalog } from '../../../src/core/metrics.js';

const DATA = join(import.meta.dirname, '..', '..', '..', '..', 'shared', 'data');
const file = (name: string) => join(DATA, name);

function run(
  rows: RecordRow[],
  settings: Partial<Omit<RecordSettings, 'fields'>> & { fields: RecordField[] },
) {
  const aggregator = createRecordAggregator({
    timeZone: 'UTC',
    period: 'month',
    fiscalYearStart: 1,
    segmentKeys: [],
    catalog: buildCatalog(),
    ...settings,
    fields: new Set(settings.fields),
  });
  for (const row of rows) aggregator.add(row);
  return aggregator.finish();
}

/** `2023-04-08 20:52:00` as UTC. */
const utc = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);

const ZENDESK = file('zendesk_export_plum_DA_Assignment.csv');
describe.skipIf(!existsSync(ZENDESK))('Zendesk export (16,476 tickets)', () => {
  const records: Array<Record<string, string>> = existsSync(ZENDESK)
    ? parse(readFileSync(ZENDESK), { columns: true, bom: true })
    : [];
  const time = (text: string | undefined) =>
    !text || text.startsWith('1900-01-01') ? undefined : utc(text);
  const rows: RecordRow[] = records.map((r, i) => {
    const score = r['Satisfaction Score']!;
    return {
      line: i + 2,
      segments: [r.Group!],
      created: time(r['Created at']),
      solvedAt: time(r['Solved at']),
      ...(/^[1-5]$/.test(score) ? { rating: { scale: '1-5' as const, value: Number(score) } } : {}),
    };
  });
  const snapshots = run(rows, {
    fields: ['created', 'solved', 'rating'],
    segmentKeys: ['team'],
    ratingScale: '1-5',
  });
  const table = (metric: string) =>
    snapshots.filter((s) => s.metric === metric).map((s) => [s.segment, s.date, s.value, s.n]);

  it('CSAT per Group and month on its 1–5 scale (Offered and empty = no rating)', () => {
    // Python: ratings 1–5 only; month of Solved at, else Created at; ≥ 4 ÷ rated × 100.
    expect(table('csat')).toEqual([
      ['', '2023-04-01', 90.77380952380952, 336],
      ['', '2023-05-01', 87.90931989924434, 397],
      ['', '2023-06-01', 82.5, 80],
      ['team=Support', '2023-04-01', 90.77380952380952, 336],
      ['team=Support', '2023-05-01', 87.90931989924434, 397],
      ['team=Support', '2023-06-01', 82.5, 80],
    ]);
  });

  it('resolution time per Group and solved month = Solved at − Created at over solved tickets', () => {
    // Python: tickets whose Solved at is not 1900-01-01; mean of (solved − created) seconds
    // by month of Solved at. (The export's "Full resolution time in minutes" agrees within
    // ±1 minute: its timestamps are cut to the minute.)
    expect(table('resolution_time')).toEqual([
      ['', '2023-04-01', 317260.09044657997, 5307],
      ['', '2023-05-01', 692051.9419889502, 7240],
      ['', '2023-06-01', 2122385.2201933404, 1862],
      ['team=Endorsements', '2023-04-01', 430707.9425393883, 2158],
      ['team=Endorsements', '2023-05-01', 816624.0234375, 2560],
      ['team=Endorsements', '2023-06-01', 2177707.192008879, 901],
      ['team=Onboardings', '2023-04-01', 760625.5555555555, 54],
      ['team=Onboardings', '2023-05-01', 1790500.9248554914, 173],
      ['team=Onboardings', '2023-06-01', 3131632.272727273, 132],
      ['team=Reimbursement Claims', '2023-04-01', 240764.3076923077, 845],
      ['team=Reimbursement Claims', '2023-05-01', 842137.3309608541, 1686],
      ['team=Reimbursement Claims', '2023-06-01', 2341967.11409396, 447],
      ['team=Support', '2023-04-01', 226538.64, 2250],
      ['team=Support', '2023-05-01', 421941.992201347, 2821],
      ['team=Support', '2023-06-01', 1386210.3141361256, 382],
    ]);
  });

  it('marks June partial: the export was created from April to May', () => {
    expect(
      snapshots
        .filter((s) => s.segment === '' && s.metric === 'resolution_time')
        .map((s) => s.partial),
    ).toEqual([false, false, true]);
  });
});

const CALLS = file('pwc_call_center_dataset.csv');
describe.skipIf(!existsSync(CALLS))('call-centre log (5,000 calls), per agent', () => {
  const records: Array<Record<string, string>> = existsSync(CALLS)
    ? parse(readFileSync(CALLS), { columns: true, bom: true, relax_column_count: true })
    : [];
  const rows: RecordRow[] = records.map((r, i) => {
    const [day, month, year] = r.Date!.split('/').map(Number) as [number, number, number];
    const [h, m, s] = r.Time!.split(':').map(Number) as [number, number, number];
    const talk = r.AvgTalkDuration ? r.AvgTalkDuration.split(':').map(Number) : undefined;
    const rating = Number(r['Satisfaction rating']);
    return {
      line: i + 2,
      segments: [r.Agent!],
      created: Date.UTC(year, month - 1, day, h, m, s),
      answered: r['Answered (Y/N)'] === 'Y',
      resolved: r.Resolved === 'Y',
      ...(r['Speed of answer in seconds']
        ? { waitSeconds: Number(r['Speed of answer in seconds']) }
        : {}),
      ...(talk ? { handleSeconds: talk[0]! * 3600 + talk[1]! * 60 + talk[2]! } : {}),
      ...(rating >= 1 ? { rating: { scale: '1-5' as const, value: rating } } : {}),
    };
  });
  const snapshots = run(rows, {
    fields: ['created', 'answered', 'resolved', 'wait', 'handle', 'rating'],
    segmentKeys: ['agent'],
    period: 'quarter',
    ratingScale: '1-5',
  });
  const byAgent = (metric: string) =>
    snapshots
      .filter((s) => s.metric === metric && s.segment !== '')
      .map((s) => [s.segment.slice('agent='.length), s.value, s.n, s.partial]);

  // Python, per Agent over 2021-Q1 (the whole file): answered = 'Y'; speed of answer and
  // handle time (AvgTalkDuration H:MM:SS → s) as means over answered calls; resolved share
  // = answered with Resolved 'Y' ÷ answered × 100; CSAT over ratings 1–5 (0 = not rated).
  it('answer rate', () => {
    expect(byAgent('answer_rate')).toEqual([
      ['Becky', 81.93343898573693, 631, false],
      ['Dan', 82.62243285939968, 633, false],
      ['Diane', 79.14691943127961, 633, false],
      ['Greg', 80.44871794871796, 624, false],
      ['Jim', 80.48048048048048, 666, false],
      ['Joe', 81.61888701517707, 593, false],
      ['Martha', 80.56426332288402, 638, false],
      ['Stewart', 81.95876288659794, 582, false],
    ]);
  });

  it('speed of answer', () => {
    expect(byAgent('speed_of_answer')).toEqual([
      ['Becky', 65.33075435203095, 517, false],
      ['Dan', 67.282982791587, 523, false],
      ['Diane', 66.26746506986028, 501, false],
      ['Greg', 68.44422310756973, 502, false],
      ['Jim', 66.34328358208955, 536, false],
      ['Joe', 70.98760330578513, 484, false],
      ['Martha', 69.48832684824903, 514, false],
      ['Stewart', 66.18448637316561, 477, false],
    ]);
  });

  it('handle time', () => {
    expect(byAgent('handle_time')).toEqual([
      ['Becky', 220.00967117988395, 517, false],
      ['Dan', 231.18929254302103, 523, false],
      ['Diane', 218.95409181636725, 501, false],
      ['Greg', 226.80278884462152, 502, false],
      ['Jim', 228.11380597014926, 536, false],
      ['Joe', 224.1012396694215, 484, false],
      ['Martha', 223.72568093385215, 514, false],
      ['Stewart', 226.20545073375263, 477, false],
    ]);
  });

  it('resolved share of answered calls (fcr)', () => {
    expect(byAgent('fcr')).toEqual([
      ['Becky', 89.36170212765957, 517, false],
      ['Dan', 90.05736137667304, 523, false],
      ['Diane', 90.21956087824351, 501, false],
      ['Greg', 90.63745019920319, 502, false],
      ['Jim', 90.48507462686567, 536, false],
      ['Joe', 90.08264462809917, 484, false],
      ['Martha', 89.6887159533074, 514, false],
      ['Stewart', 88.88888888888889, 477, false],
    ]);
  });

  it('CSAT, unrated calls left out', () => {
    expect(byAgent('csat')).toEqual([
      ['Becky', 50.483558994197296, 517, false],
      ['Dan', 49.90439770554494, 523, false],
      ['Diane', 49.101796407185624, 501, false],
      ['Greg', 48.007968127490045, 502, false],
      ['Jim', 50, 536, false],
      ['Joe', 47.5206611570248, 484, false],
      ['Martha', 52.723735408560316, 514, false],
      ['Stewart', 51.36268343815513, 477, false],
    ]);
  });
});

const SUBSCRIPTIONS = file('codecademy_subscriptions_churn.tsv');
describe.skipIf(!existsSync(SUBSCRIPTIONS))('Codecademy subscriptions (1,000)', () => {
  it('monthly churn 35/276, 63/506, 158/667 for 2017-01..03, as published', () => {
    const lines = existsSync(SUBSCRIPTIONS)
      ? readFileSync(SUBSCRIPTIONS, 'utf8').split('\n').filter(Boolean)
      : [];
    const rows: RecordRow[] = lines.map((line, i) => {
      const [, start, end] = line.split('\t') as [string, string, string];
      return {
        line: i + 1,
        segments: [],
        started: utc(`${start} 00:00:00`),
        ...(end ? { ended: utc(`${end} 00:00:00`) } : {}),
      };
    });
    const snapshots = run(rows, { fields: ['started', 'ended'] });
    const churn = snapshots.filter((s) => s.metric === 'churn_rate');
    // December 2016: no subscription started before its first day, so no value.
    expect(churn.map((s) => [s.date, s.value, s.n, s.partial])).toEqual([
      ['2017-01-01', (35 / 276) * 100, 276, false],
      ['2017-02-01', (63 / 506) * 100, 506, false],
      ['2017-03-01', (158 / 667) * 100, 667, false],
    ]);
    expect(snapshots.filter((s) => s.metric === 'retention_rate').map((s) => s.value)).toEqual([
      100 - (35 / 276) * 100,
      100 - (63 / 506) * 100,
      100 - (158 / 667) * 100,
    ]);
  });
});
