import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { toDayNumber } from '../../../src/core/dates.js';
import { businessSeconds, parseOpenHours } from '../../../src/core/records/business-hours.js';
import type { BusinessCalendarSpec } from '../../../src/core/records/record.js';
import { instantOf, localTimeOf } from '../../../src/core/zoned-time.js';
import type { Instant } from '../../../src/core/zoned-time.js';

/**
 * The problems of the calendars below, checked by a test rather than while
 * the file loads: a file that fails to load fails no test, so a mutation
 * tester would count a broken parseOpenHours as a survivor.
 */
const calendarProblems: string[] = [];

function calendar(
  timeZone: string,
  hours: Record<string, string>,
  holidays: string[] = [],
): BusinessCalendarSpec {
  const parsed = parseOpenHours(hours);
  calendarProblems.push(...parsed.problems.map((p) => p.message));
  return { timeZone, hours: parsed.hours, holidays };
}

/** A wall-clock time in a zone, `2026-03-27 17:00`. */
function at(text: string, timeZone: string): Instant {
  const [date, time] = text.split(' ') as [string, string];
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  return instantOf({ year, month, day, hour, minute, second: 0 }, timeZone);
}

const MINUTE = 60_000;

/**
 * The reference: walk minute by minute and ask the wall clock. A minute is
 * open when its local day is a working day (not a holiday) and the latest
 * wall-clock reading of that day so far lies in one of the day's intervals.
 * "Latest so far" makes a repeated hour (autumn) count once its first pass
 * has opened, and a skipped time open from the jump; away from a DST change
 * it is simply the minute's own reading.
 */
function bruteForceSeconds(from: Instant, to: Instant, cal: BusinessCalendarSpec): number {
  const holidays = new Set(cal.holidays);
  let open = 0;
  let currentDate = '';
  let latest = -1;
  for (let t = from - 2 * 86_400_000; t < to; t += MINUTE) {
    const local = localTimeOf(t, cal.timeZone);
    const date = `${local.year}-${String(local.month).padStart(2, '0')}-${String(local.day).padStart(2, '0')}`;
    if (date !== currentDate) {
      currentDate = date;
      latest = -1;
    }
    latest = Math.max(latest, local.hour * 60 + local.minute);
    if (t < from || holidays.has(date)) continue;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    const intervals = cal.hours[(weekday + 6) % 7] ?? [];
    if (intervals.some(([start, end]) => start <= latest && latest < end)) open += 60;
  }
  return open;
}

const BERLIN = 'Europe/Berlin';
const NEW_YORK = 'America/New_York';
const support = calendar(BERLIN, { 'mon-fri': '09:00-18:00', sat: '10:00-14:00' }, ['2026-04-03']);
const allDay = calendar(BERLIN, { 'mon-sun': '00:00-24:00' });
const nightShift = calendar(BERLIN, { sun: '01:00-04:00', 'mon-fri': '22:00-24:00' });
const dstHour = calendar(BERLIN, { sun: '02:30-04:00' });
const newYork = calendar(NEW_YORK, { 'sun-sat': '00:00-24:00' });
const newYorkOffice = calendar(NEW_YORK, { 'mon-fri': '08:30-12:00,13:00-17:30' }, ['2026-11-26']);

describe('businessSeconds', () => {
  it('has calendars read without a problem', () => {
    expect(calendarProblems).toEqual([]);
  });

  // [what, calendar, from, to, seconds by hand]
  const cases: Array<[string, BusinessCalendarSpec, string, string, number]> = [
    // Fri 17–18 (1 h) + Sat 10–14 (4 h) + Mon 09–10 (1 h); Berlin changed to summer time on Sunday.
    ['over a weekend and a DST change', support, '2026-03-27 17:00', '2026-03-30 10:00', 6 * 3600],
    [
      'created on a Saturday night: counts from Monday 09:00',
      support,
      '2026-03-28 20:00',
      '2026-03-30 09:30',
      1800,
    ],
    [
      'created on Sunday, solved before opening',
      support,
      '2026-03-29 11:00',
      '2026-03-30 08:00',
      0,
    ],
    // Thu 17–18 + Good Friday (holiday) + Sat 4 h + Easter Monday (a working day here) 9 h + Tue 09–10.
    ['across a holiday', support, '2026-04-02 17:00', '2026-04-07 10:00', 15 * 3600],
    ['the Saturday half-day', support, '2026-04-04 08:00', '2026-04-04 23:00', 4 * 3600],
    ['within one interval', support, '2026-04-06 09:15', '2026-04-06 09:45', 1800],
    // Four weeks of 5 × 9 h + 4 h.
    ['four weeks', support, '2026-03-02 09:00', '2026-03-30 09:00', 4 * 49 * 3600],
    [
      'a spring-forward day around the clock is 23 h',
      allDay,
      '2026-03-29 00:00',
      '2026-03-30 00:00',
      23 * 3600,
    ],
    [
      'an autumn day around the clock is 25 h',
      allDay,
      '2026-10-25 00:00',
      '2026-10-26 00:00',
      25 * 3600,
    ],
    [
      'an interval over the skipped hour loses it',
      nightShift,
      '2026-03-29 00:00',
      '2026-03-29 12:00',
      2 * 3600,
    ],
    [
      'an interval over the repeated hour gains it',
      nightShift,
      '2026-10-25 00:00',
      '2026-10-25 12:00',
      4 * 3600,
    ],
    // 02:30 does not exist on 2026-03-29: open from the jump (03:00 summer time) to 04:00.
    [
      'an opening time the clocks skip opens at the jump',
      dstHour,
      '2026-03-29 00:00',
      '2026-03-29 12:00',
      3600,
    ],
    // 02:30 happens twice on 2026-10-25: open from its first occurrence to 04:00 winter time.
    [
      'an opening time the clocks repeat opens the first time',
      dstHour,
      '2026-10-25 00:00',
      '2026-10-25 12:00',
      2.5 * 3600,
    ],
    // Fri 22–24 (2 h) + Sun 01–04 (3 h) + Mon 22–24 (2 h).
    ['overnight shifts', nightShift, '2026-07-10 21:00', '2026-07-14 00:30', 7 * 3600],
    ['New York spring forward', newYork, '2026-03-08 00:00', '2026-03-09 00:00', 23 * 3600],
    ['New York fall back', newYork, '2026-11-01 00:00', '2026-11-02 00:00', 25 * 3600],
    // Wed: 11:00–12:00 + 13:00–17:30 = 5.5 h; Thanksgiving closed; Fri 08:30–09:00.
    ['split days and a holiday', newYorkOffice, '2026-11-25 11:00', '2026-11-27 09:00', 6 * 3600],
    ['the same instant', support, '2026-04-06 10:00', '2026-04-06 10:00', 0],
    ['to before from', support, '2026-04-06 12:00', '2026-04-06 10:00', 0],
  ];

  it.each(cases)('%s', (_what, cal, from, to, seconds) => {
    const zone = cal.timeZone;
    expect(businessSeconds(at(from, zone), at(to, zone), cal)).toBe(seconds);
    if (seconds > 0) {
      expect(bruteForceSeconds(at(from, zone), at(to, zone), cal)).toBe(seconds);
    }
  });

  it('counts fractions of a second', () => {
    // Mon 17:59:30.500 → Tue 09:00:15.250: 29.5 s before closing, 15.25 s after opening.
    const from = at('2026-04-06 17:59', BERLIN) + 30_500;
    const to = at('2026-04-07 09:00', BERLIN) + 15_250;
    expect(businessSeconds(from, to, support)).toBe(44.75);
  });

  it('agrees with the minute-by-minute reference on random spans and calendars', () => {
    const zones = [BERLIN, NEW_YORK, 'Europe/Sofia', 'Australia/Lord_Howe', 'Asia/Kolkata'];
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 }))
      .filter(([a, b]) => a < b);
    const week = fc.array(fc.array(interval, { maxLength: 3 }), { minLength: 7, maxLength: 7 });
    // Spans that start near this year's DST changes and last up to four days.
    const start = fc.integer({ min: 0, max: 400 * 24 * 60 });
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        week,
        start,
        fc.integer({ min: 0, max: 4 * 24 * 60 }),
        fc.boolean(),
        (zone, rawWeek, startMinute, lengthMinutes, holiday) => {
          const hours = rawWeek.map((day) => normalise(day));
          if (hours.every((d) => d.length === 0)) return;
          const from = Date.UTC(2026, 0, 1) + startMinute * MINUTE;
          const to = from + lengthMinutes * MINUTE;
          const holidays = holiday ? [new Date(from + 86_400_000).toISOString().slice(0, 10)] : [];
          const cal: BusinessCalendarSpec = { timeZone: zone, hours, holidays };
          expect(businessSeconds(from, to, cal)).toBe(bruteForceSeconds(from, to, cal));
        },
      ),
      {
        numRuns: 150,
        // Sunday intervals around Berlin's and New York's DST nights of 2026, with
        // openings and closings inside the skipped and the repeated hour.
        examples: [
          dstNight(BERLIN, '2026-03-28', [[90, 200]]),
          dstNight(BERLIN, '2026-03-28', [[150, 240]]),
          dstNight(BERLIN, '2026-03-28', [[60, 130]]),
          dstNight(BERLIN, '2026-10-24', [[100, 190]]),
          dstNight(BERLIN, '2026-10-24', [[150, 240]]),
          dstNight(BERLIN, '2026-10-24', [[60, 130]]),
          dstNight(NEW_YORK, '2026-03-07', [[0, 1440]]),
          dstNight(NEW_YORK, '2026-03-07', [[130, 200]]),
          dstNight(NEW_YORK, '2026-10-31', [[70, 100]]),
          dstNight(NEW_YORK, '2026-10-31', [[70, 130]]),
        ],
      },
    );
  });

  it('is fast: a million calls over spans of days', () => {
    const base = at('2026-01-05 00:00', BERLIN);
    let sum = 0;
    const started = performance.now();
    for (let i = 0; i < 1_000_000; i++) {
      const from = base + ((i * 7919) % (300 * 1440)) * MINUTE;
      sum += businessSeconds(from, from + ((i * 104_729) % (5 * 1440)) * MINUTE, support);
    }
    const ms = performance.now() - started;
    expect(sum).toBeGreaterThan(0);
    // About 0.4 s on an idle machine; walking minutes would take hours. The
    // bound leaves room for a loaded one.
    expect(ms).toBeLessThan(15_000);
  }, 60_000);
});

type Example = [string, Array<Array<[number, number]>>, number, number, boolean];

/** A property example: Sunday's intervals, from noon UTC of the Saturday before, for two days. */
function dstNight(zone: string, saturday: string, sunday: Array<[number, number]>): Example {
  const startMinute = (toDayNumber(saturday) - toDayNumber('2026-01-01')) * 1440 + 720;
  return [zone, [[], [], [], [], [], [], sunday], startMinute, 2 * 1440, false];
}

/** Sorted, merged intervals, as parseOpenHours gives them. */
function normalise(day: Array<[number, number]>): Array<[number, number]> {
  const sorted = [...day].sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}

describe('parseOpenHours', () => {
  it('reads day ranges, single days, lists, several intervals and 24:00', () => {
    const { hours, problems } = parseOpenHours({
      'mon-fri': '09:00-12:00, 13:00-18:00',
      sat: '10:00-14:00',
      Sunday: '22:00-24:00',
    });
    expect(problems).toEqual([]);
    const office: Array<readonly [number, number]> = [
      [540, 720],
      [780, 1080],
    ];
    expect(hours).toEqual([office, office, office, office, office, [[600, 840]], [[1320, 1440]]]);
  });

  it('runs a range forward through the week, and merges touching intervals', () => {
    const { hours, problems } = parseOpenHours({
      'fri-mon': '8:00-12:00,12:00-16:00',
      wed: '00:00-24:00',
    });
    expect(problems).toEqual([]);
    expect(hours).toEqual([
      [[480, 960]],
      [],
      [[0, 1440]],
      [],
      [[480, 960]],
      [[480, 960]],
      [[480, 960]],
    ]);
  });

  it('names the key of every problem, with a hint', () => {
    const { problems } = parseOpenHours({
      'mon-fry': '09:00-18:00',
      tue: '9-18',
      wed: '18:00-09:00',
      thu: '09:00-13:00,12:00-18:00',
      fri: '09:00-24:30',
      sat: 9,
      sun: '',
    });
    expect(problems.map((p) => [p.key, p.part, p.message])).toEqual([
      ['mon-fry', 'key', '"fry" in "mon-fry" is not a day'],
      ['tue', 'value', 'tue: "9-18" is not a time range (HH:MM-HH:MM, 00:00 to 24:00)'],
      ['wed', 'value', 'wed: "18:00-09:00" ends before it starts'],
      ['thu', 'value', 'thu: the intervals of "09:00-13:00,12:00-18:00" overlap'],
      ['fri', 'value', 'fri: "09:00-24:30" is not a time range (HH:MM-HH:MM, 00:00 to 24:00)'],
      ['sat', 'value', 'sat: the open hours must be a text such as "09:00-18:00"'],
      ['sun', 'value', 'sun: the open hours must be a text such as "09:00-18:00"'],
    ]);
    expect(problems[2]!.hint).toBe(
      'hours past midnight belong to the next day: write "fri: 22:00-24:00" and "sat: 00:00-06:00"',
    );
    expect(parseOpenHours({ 'mon-fri': '09:00-17:00', fri: '09:00-15:00' }).problems).toEqual([
      {
        key: 'fri',
        part: 'key',
        message: 'fri is given twice, in "mon-fri" and in "fri"',
        hint: 'give each day its hours once',
      },
    ]);
  });

  it('asks for a text when the open hours are only spaces', () => {
    expect(parseOpenHours({ sun: '   ' }).problems.map((p) => p.message)).toEqual([
      'sun: the open hours must be a text such as "09:00-18:00"',
    ]);
  });

  it('refuses a calendar that is never open', () => {
    expect(parseOpenHours({}).problems.map((p) => p.message)).toEqual([
      'the calendar has no open hours',
    ]);
  });
});

describe('parseOpenHours: the edges of what it reads', () => {
  it('reads en dashes, one-digit hours, spaces and case, and sorts and merges intervals', () => {
    const { hours, problems } = parseOpenHours({
      'Mon–Wed': '9:05–9:35',
      ' THURSDAY ': '13:00-14:00,09:00-10:00, 10:00-11:00',
    });
    expect(problems).toEqual([]);
    // 9:05 = 545, 9:35 = 575; 09:00-10:00 and 10:00-11:00 touch: one interval 540-660
    expect(hours).toEqual([
      [[545, 575]],
      [[545, 575]],
      [[545, 575]],
      [
        [540, 660],
        [780, 840],
      ],
      [],
      [],
      [],
    ]);
  });

  it('refuses three ends to a range, minutes past 59, 24:00 as a start, hour 25, text around a time', () => {
    const { problems } = parseOpenHours({
      'mon-wed-fri': '09:00-17:00',
      tue: '09:60-10:00',
      wed: '24:00-24:00',
      thu: '25:00-26:00',
      fri: '09:00-09:00',
      sat: 'x09:00-10:00',
      sun: '09:00-10:00x',
    });
    const timeHint = 'write open hours as "09:00-18:00", several as "09:00-12:00,13:00-18:00"';
    const notATime = (key: string, part: string) => ({
      key,
      part: 'value',
      message: `${key}: "${part}" is not a time range (HH:MM-HH:MM, 00:00 to 24:00)`,
      hint: timeHint,
    });
    expect(problems).toEqual([
      {
        key: 'mon-wed-fri',
        part: 'key',
        message: '"mon-wed-fri" in "mon-wed-fri" is not a day',
        hint: 'name days mon, tue, wed, thu, fri, sat, sun, a range such as mon-fri, or a list such as mon,wed',
      },
      notATime('tue', '09:60-10:00'),
      notATime('wed', '24:00-24:00'),
      notATime('thu', '25:00-26:00'),
      {
        key: 'fri',
        part: 'value',
        message: 'fri: "09:00-09:00" ends before it starts',
        hint: 'hours past midnight belong to the next day: write "fri: 22:00-24:00" and "sat: 00:00-06:00"',
      },
      notATime('sat', 'x09:00-10:00'),
      notATime('sun', '09:00-10:00x'),
    ]);
  });

  it('says a calendar has no open hours only when nothing else is wrong, with how to give some', () => {
    expect(parseOpenHours({}).problems).toEqual([
      {
        key: '',
        part: 'value',
        message: 'the calendar has no open hours',
        hint: 'give at least one day, e.g. hours: { mon-fri: "09:00-18:00" }',
      },
    ]);
    expect(parseOpenHours({ 'mon-fry': '09:00-18:00' }).problems.map((p) => p.message)).toEqual([
      '"fry" in "mon-fry" is not a day',
    ]);
  });
});

describe('businessSeconds: a calendar used far apart in time', () => {
  // mon-fri 09:00-17:00 in UTC: a whole week is 5 × 8 h = 144000 s, a weekend 0
  const office = () => ({
    timeZone: 'UTC',
    hours: parseOpenHours({ 'mon-fri': '09:00-17:00' }).hours,
    holidays: [],
  });
  const utc = (text: string) => Date.parse(`${text.replace(' ', 'T')}Z`);
  const week = (monday: string, cal: BusinessCalendarSpec) =>
    businessSeconds(utc(`${monday} 00:00`), utc(`${monday} 00:00`) + 7 * 86_400_000, cal);

  it('keeps each day its own hours when it grows below and above the days it holds', () => {
    const cal = office();
    expect([
      week('2026-03-02', cal),
      week('2020-03-02', cal),
      week('2030-03-04', cal),
      week('2026-03-02', cal),
    ]).toEqual([144000, 144000, 144000, 144000]);
    expect(businessSeconds(utc('2026-03-02 09:00'), utc('2026-03-02 10:00'), cal)).toBe(3600);
  });

  it('keeps a weekend closed after growing from the first days of 1970', () => {
    const cal = office();
    const weekend = () => businessSeconds(utc('1970-02-07 00:00'), utc('1970-02-09 00:00'), cal);
    expect([weekend(), week('2026-03-02', cal), weekend()]).toEqual([0, 144000, 0]);
  });

  it('counts a span whose last day is the first one past the days it holds', () => {
    const cal = office();
    // One day asked for first: the calendar holds its day, 32 days before and
    // 32 after. Then Fri 2026-04-03 (day +32, 8 h) to Sat 04-04 10:00 (day +33, closed).
    expect(businessSeconds(utc('2026-03-02 09:00'), utc('2026-03-02 10:00'), cal)).toBe(3600);
    expect(businessSeconds(utc('2026-04-03 00:00'), utc('2026-04-04 10:00'), cal)).toBe(28800);
  });

  it('is 0 for a span that ends days before it starts', () => {
    expect(businessSeconds(utc('2026-03-05 10:00'), utc('2026-03-02 10:00'), office())).toBe(0);
  });
});

describe('parseOpenHours: day names and the text it quotes', () => {
  it('reads full day names', () => {
    const { hours, problems } = parseOpenHours({
      monday: '09:00-10:00',
      tuesday: '09:00-10:00',
      wednesday: '09:00-10:00',
      thursday: '09:00-10:00',
      friday: '09:00-10:00',
      saturday: '23:00-24:00',
      sunday: '09:59-10:00',
    });
    expect(problems).toEqual([]);
    const nine = [[540, 600]];
    expect(hours).toEqual([nine, nine, nine, nine, nine, [[1380, 1440]], [[599, 600]]]);
  });

  it('quotes the day or the interval it could not read without the spaces around it', () => {
    const messages = parseOpenHours({
      'sat, fry': '09:00-10:00',
      'mon- fry': '09:00-10:00',
      'sun, mon-wed-fri': '09:00-10:00',
      tue: '09:00-10:00, 9-18',
      wed: '09:00-10:00, 11:00-10:00',
      thu: ' 09:00-13:00,12:00-18:00 ',
      fri: '09:00',
      sat: '09:00-10:00-11:00',
    }).problems.map((p) => p.message);
    expect(messages).toEqual([
      '"fry" in "sat, fry" is not a day',
      '"fry" in "mon- fry" is not a day',
      '"mon-wed-fri" in "sun, mon-wed-fri" is not a day',
      'tue: "9-18" is not a time range (HH:MM-HH:MM, 00:00 to 24:00)',
      'wed: "11:00-10:00" ends before it starts',
      'thu: the intervals of "09:00-13:00,12:00-18:00" overlap',
      'fri: "09:00" is not a time range (HH:MM-HH:MM, 00:00 to 24:00)',
      'sat: "09:00-10:00-11:00" is not a time range (HH:MM-HH:MM, 00:00 to 24:00)',
    ]);
  });
});
