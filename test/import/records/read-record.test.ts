import { describe, expect, it } from 'vitest';
import type { RecordRow } from '../../../src/core/records/record.js';
import { specFromFlags } from '../../../src/import/import-spec.js';
import type { ImportFlags, ImportSpec } from '../../../src/import/import-spec.js';
import { DateDetector } from '../../../src/import/parse-date.js';
import { readIsoDateTime, RecordReader } from '../../../src/import/read-record.js';
import { resolveFields } from '../../../src/import/resolve-fields.js';
import type { CellProblem } from '../../../src/import/cell-problem.js';

/** A reader for a header and flags, as `goals import --layout records` would build it. */
function readerFor(header: string[], flags: ImportFlags, decimal: '.' | ',' = '.') {
  const spec: ImportSpec = specFromFlags({ layout: 'records', ...flags });
  const outcome = resolveFields(header, 1, spec, 'tickets.csv');
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.cellProblems));
  const detector = new DateDetector();
  const reader = new RecordReader(outcome.records, {
    decimal,
    dateFormat: undefined,
    detector,
    missingHint: (text) => `missing: [${JSON.stringify(text)}]`,
    isDeclaredInFile: false,
  });
  let line = 1;
  return {
    records: outcome.records,
    detector,
    reader,
    read: (...rows: string[][]) => rows.map((r) => reader.read(r, ++line)),
  };
}

const utc = (text: string) => Date.parse(`${text}Z`);

describe('RecordReader', () => {
  it('reads a Zendesk-style ticket with the preset: instants in the source zone, minutes to seconds, the 1-5 rating', () => {
    const header = [
      'Id',
      'Group',
      'Created at',
      'Solved at',
      'Satisfaction Score',
      'Reopens',
      'Replies',
      'First reply time in minutes within business hours',
      'Full resolution time in minutes',
    ];
    const { read, records } = readerFor(header, {
      preset: 'zendesk',
      segment: ['team=Group'],
      timezone: 'Asia/Kolkata',
    });
    expect(records.fields.map((f) => `${f.field}<-${f.name}`)).toEqual([
      'id<-Id',
      'created<-Created at',
      'first_reply_business<-First reply time in minutes within business hours',
      'solved<-Solved at',
      'resolution<-Full resolution time in minutes',
      'rating<-Satisfaction Score',
      'reopens<-Reopens',
      'replies<-Replies',
    ]);
    const [row, offered, unsolved] = read(
      ['7', 'Support', '2023-05-16 17:43:00', '2023-05-30 14:56:00', '4', '0', '1', '61', '19993'],
      ['8', '', '2023-05-16 17:43:00', '1900-01-01 00:00:00', 'Offered', '1', '3', '', ''],
      ['9', 'Claims', '2023-05-16 17:43:00', '', '', '0', '0', '', '1200'],
    );
    // Asia/Kolkata is UTC+05:30 all year.
    expect(row).toEqual({
      line: 2,
      id: '7',
      segments: ['Support'],
      created: utc('2023-05-16T12:13:00'),
      solvedAt: utc('2023-05-30T09:26:00'),
      firstReplyBusinessSeconds: 61 * 60,
      resolutionSeconds: 19993 * 60,
      rating: { scale: '1-5', value: 4 },
      reopens: 0,
      replies: 1,
    } satisfies RecordRow);
    // The preset's 1900-01-01 is no value; Offered is no rating.
    expect(offered).toEqual({
      line: 3,
      id: '8',
      segments: [''],
      created: utc('2023-05-16T12:13:00'),
      reopens: 1,
      replies: 3,
    });
    // An unsolved ticket has no resolution time, whatever the export writes there.
    expect((unsolved as RecordRow).resolutionSeconds).toBeUndefined();
  });

  it('a Good/Bad satisfaction column decides the preset scale good-bad', () => {
    const { read } = readerFor(['Id', 'Created at', 'Satisfaction Score'], { preset: 'zendesk' });
    const rows = read(
      ['1', '2026-01-05 10:00:00', 'Not Offered'],
      ['2', '2026-01-05 10:00:00', 'Good'],
      ['3', '2026-01-05 10:00:00', 'bad'],
      ['4', '2026-01-05 10:00:00', '5'],
    );
    expect(rows.map((r) => (r as RecordRow).rating ?? (r as CellProblem[])[0]?.message)).toEqual([
      undefined,
      { scale: 'good-bad', value: 1 },
      { scale: 'good-bad', value: 0 },
      '5 in column "Satisfaction Score" is a number, but the scale of rating is good-bad.',
    ]);
  });

  it('reads a call log: DD/MM/YYYY with the time in its own column, Y/N, seconds, H:MM:SS, rating 0 = not rated', () => {
    const header = [
      'Call Id',
      'Agent',
      'Date',
      'Time',
      'Answered (Y/N)',
      'Resolved',
      'Speed of answer in seconds',
      'AvgTalkDuration',
      'Satisfaction rating',
    ];
    const { read } = readerFor(header, {
      field: [
        'id=Call Id',
        'created=Date+Time:DD/MM/YYYY',
        'answered=Answered (Y/N)',
        'resolved=Resolved',
        'wait=Speed of answer in seconds:s',
        'handle=AvgTalkDuration:HH:MM:SS',
        'rating=Satisfaction rating:1-5',
      ],
      segment: ['agent=Agent'],
      missing: ['rating=0'],
    });
    const [answered, dropped] = read(
      ['ID0001', 'Diane', '13/01/2021', '9:12:58', 'Y', 'Y', '109', '0:02:23', '3'],
      ['ID0002', 'Becky', '01/02/2021', '17:05:00', 'N', 'N', '', '', '0'],
    );
    expect(answered).toEqual({
      line: 2,
      id: 'ID0001',
      segments: ['Diane'],
      created: utc('2021-01-13T09:12:58'),
      answered: true,
      resolved: true,
      waitSeconds: 109,
      handleSeconds: 143,
      rating: { scale: '1-5', value: 3 },
    });
    expect(dropped).toEqual({
      line: 3,
      id: 'ID0002',
      segments: ['Becky'],
      created: utc('2021-02-01T17:05:00'),
      answered: false,
      resolved: false,
    });
  });

  it('reads offsets written in the timestamp exactly, whatever the source zone', () => {
    const { read } = readerFor(['created', 'solved'], {
      field: ['created=created', 'solved=solved'],
      timezone: 'America/New_York',
    });
    const [row] = read(['2026-03-08T01:30:00-05:00', '2026-03-08 03:30:00']);
    // 03:30 on the spring-forward day is EDT (UTC-4): 07:30Z, two hours after 06:30Z.
    expect(row).toMatchObject({
      created: utc('2026-03-08T06:30:00'),
      solvedAt: utc('2026-03-08T07:30:00'),
    });
  });

  it('refuses contradictions, negative durations, ratings off the scale and unreadable timestamps, naming the column', () => {
    const { read } = readerFor(['Created', 'Solved', 'First reply (min)', 'Rating', 'Replies'], {
      field: [
        'created=Created',
        'solved=Solved',
        'first_reply=First reply (min):m',
        'rating=Rating:1-5',
        'replies=Replies',
      ],
    });
    const rows = read(
      ['2026-01-05 10:00', '2026-01-05 09:15', '', '', ''],
      ['2026-01-05 10:00', '', '-5', '', ''],
      ['2026-01-05 10:00', '', '', '6', ''],
      ['next tuesday', '', '', '', ''],
      ['2026-01-05 10:00', '', '', '', '2.5'],
    );
    expect(rows.map((r) => (r as CellProblem[]).map((p) => [p.field, p.rule, p.message]))).toEqual([
      [
        [
          1,
          'import/contradiction',
          'solved ("Solved") is before created ("Created") by 45 m: a ticket cannot be solved before it is created.',
        ],
      ],
      [[2, 'import/bad-value', '-5 in column "First reply (min)" is a negative duration.']],
      [
        [
          3,
          'import/bad-value',
          '6 in column "Rating" is outside the rating scale 1-5 (whole numbers 1 to 5).',
        ],
      ],
      [
        [
          0,
          'import/bad-timestamp',
          '"next tuesday" in column "Created" is not a timestamp in the format YYYY-MM-DD.',
        ],
      ],
      [
        [
          4,
          'import/bad-value',
          '"2.5" in column "Replies" is not a count (a whole number, 0 or more).',
        ],
      ],
    ]);
  });

  it('a timestamp before 1970 (a forgotten 1900-01-01 sentinel) is a bad row whose hint is the missing: to write', () => {
    const { read, reader } = readerFor(['Created at', 'Solved at'], {
      field: ['created=Created at', 'solved=Solved at'],
    });
    const [problems] = read(['2023-04-08 20:52:00', '1900-01-01 00:00:00']);
    expect(problems).toEqual([
      {
        severity: 'error',
        rule: 'import/bad-timestamp',
        message:
          '"1900-01-01 00:00:00" in column "Solved at" is in 1900: exports write such a date when there is no value (a ticket not solved yet).',
        hint: 'missing: ["1900-01-01 00:00:00"]',
        line: 2,
        field: 1,
      },
    ]);
    expect([...reader.suspects]).toEqual([['1900-01-01 00:00:00', 1]]);
  });

  it('learns a day-first format from the values, and reads an empty time column as a bad row', () => {
    const { read, detector } = readerFor(['Date', 'Time'], {
      field: ['created=Date+Time'],
    });
    const rows = read(['05/01/2021', '9:00'], ['13/01/2021', '10:30:15'], ['14/01/2021', '']);
    expect(detector.remaining).toEqual(['DD/MM/YYYY']);
    expect((rows[1] as RecordRow).created).toBe(utc('2021-01-13T10:30:15'));
    expect((rows[2] as CellProblem[])[0]).toMatchObject({
      field: 1,
      message: 'The time of created in column "Time" is empty.',
    });
  });

  it('first_reply is a timestamp or a duration, as its first value says', () => {
    const stamps = readerFor(['created', 'first'], {
      field: ['created=created', 'first_reply=first'],
    });
    expect(stamps.read(['2026-01-05 10:00', '2026-01-05 10:30'])[0]).toMatchObject({
      firstReplyAt: utc('2026-01-05T10:30:00'),
    });
    const durations = readerFor(['created', 'first'], {
      field: ['created=created', 'first_reply=first'],
    });
    expect(durations.read(['2026-01-05 10:00', '0:30:00'])[0]).toMatchObject({
      firstReplySeconds: 1800,
    });
    expect((durations.read(['2026-01-05 10:00', '30'])[0] as CellProblem[])[0]!.hint).toBe(
      'Say the unit of the column (s, m, h or d): --field "first_reply=first:m".',
    );
  });

  it('Freshdesk: an empty Initial response time means unanswered, so its 00:00:00 business time is no value', () => {
    const { read } = readerFor(
      ['Ticket ID', 'Created time', 'Initial response time', 'First response time (in hrs)'],
      { preset: 'freshdesk' },
    );
    const [answered, unanswered] = read(
      ['1', '2026-01-05 10:00:00', '2026-01-05 18:30:00', '00:00:00'],
      ['2', '2026-01-05 10:00:00', '', '00:00:00'],
    );
    expect(answered).toMatchObject({
      firstReplyAt: utc('2026-01-05T18:30:00'),
      firstReplyBusinessSeconds: 0,
    });
    expect(unanswered).toEqual({
      line: 3,
      id: '2',
      segments: [],
      created: utc('2026-01-05T10:00:00'),
    });
  });
});

describe('readIsoDateTime', () => {
  it.each([
    ['2023-04-08 20:52:00', [2023, 4, 8, 20, 52, 0]],
    ['2023-04-08T20:52', [2023, 4, 8, 20, 52, 0]],
    ['2024-02-29', [2024, 2, 29, 0, 0, 0]],
  ] as const)('%s', (text, [year, month, day, hour, minute, second]) => {
    expect(readIsoDateTime(text)).toMatchObject({ year, month, day, hour, minute, second });
  });
  it.each([
    '2023-02-29 10:00:00',
    '2023-04-08 24:00:00',
    '2023-04-08 2a:00:00',
    '2023/04/08 10:00',
    '2023-04-08 10:00:00Z',
  ])('%s is left to the general reader', (text) => {
    expect(readIsoDateTime(text)).toBeUndefined();
  });
});
