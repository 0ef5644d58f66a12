/**
 * Business hours (DESIGN §11, `settings.calendars`): the weekly open hours
 * of goals.yaml, and the seconds of open time between two instants.
 *
 * Open hours are wall-clock times in the calendar's own time zone. An
 * interval is open from the moment the clocks first read its opening time to
 * the moment they first read its closing time, so a DST change inside an
 * interval shortens or lengthens it (00:00-24:00 lasts 23 h on a
 * spring-forward day), a time the clocks skip opens when they jump past it,
 * and a time they repeat counts from its first occurrence. Holidays are
 * closed all day. Time before the first opening (a ticket created at night)
 * does not count.
 */
import { toDayNumber } from '../dates.js';
import type { IsoDate } from '../dates.js';
import { instantOf, localTimeOf, offsetAt } from '../zoned-time.js';
import type { Instant } from '../zoned-time.js';
import { isoWeekday } from './periods.js';
import type { BusinessCalendarSpec } from './record.js';

/** Open intervals per ISO weekday: index 0 is Monday … 6 Sunday; minutes since midnight. */
export type WeeklyHours = BusinessCalendarSpec['hours'];

/** Something wrong in `hours:`, named by its key (`mon-fri`) so config can point at it. */
export interface OpenHoursProblem {
  /** The key of `hours:` ('' for the map as a whole). */
  key: string;
  /** Whether the key (the days) or its value (the times) is wrong. */
  part: 'key' | 'value';
  message: string;
  hint?: string;
}

const DAY_NAMES = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const FULL_DAY_NAMES = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
];
const TIME = /^(\d{1,2}):(\d{2})$/;

function dayIndex(name: string): number | undefined {
  const n = name.trim().toLowerCase();
  const i = DAY_NAMES.indexOf(n);
  if (i >= 0) return i;
  const j = FULL_DAY_NAMES.indexOf(n);
  return j >= 0 ? j : undefined;
}

/** `mon-fri`, `sat`, `mon,wed,fri`, `fri-mon` (a range runs forward through the week). */
function parseDays(key: string): number[] | string {
  const days: number[] = [];
  for (const item of key.split(',')) {
    const ends = item.split(/[-–]/);
    if (ends.length > 2) return item.trim();
    const first = dayIndex(ends[0]!);
    if (first === undefined) return ends[0]!.trim();
    const last = ends.length === 2 ? dayIndex(ends[1]!) : first;
    if (last === undefined) return ends[1]!.trim();
    for (let d = first; ; d = (d + 1) % 7) {
      days.push(d);
      if (d === last) break;
    }
  }
  return days;
}

function parseTime(text: string, isEnd: boolean): number | undefined {
  const m = TIME.exec(text.trim());
  if (!m) return undefined;
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  if (minute > 59) return undefined;
  if (hour === 24 && minute === 0 && isEnd) return 1440;
  if (hour > 23) return undefined;
  return hour * 60 + minute;
}

const TIME_HINT = 'write open hours as "09:00-18:00", several as "09:00-12:00,13:00-18:00"';

function parseIntervals(key: string, value: unknown): Array<[number, number]> | OpenHoursProblem {
  const problem = (message: string, hint = TIME_HINT): OpenHoursProblem => ({
    key,
    part: 'value',
    message,
    hint,
  });
  if (typeof value !== 'string' || value.trim() === '') {
    return problem(`${key}: the open hours must be a text such as "09:00-18:00"`);
  }
  const intervals: Array<[number, number]> = [];
  for (const part of value.split(',')) {
    const times = part.split(/[-–]/);
    const start = times.length === 2 ? parseTime(times[0]!, false) : undefined;
    const end = times.length === 2 ? parseTime(times[1]!, true) : undefined;
    if (start === undefined || end === undefined) {
      return problem(`${key}: "${part.trim()}" is not a time range (HH:MM-HH:MM, 00:00 to 24:00)`);
    }
    if (end <= start) {
      return problem(
        `${key}: "${part.trim()}" ends before it starts`,
        'hours past midnight belong to the next day: write "fri: 22:00-24:00" and "sat: 00:00-06:00"',
      );
    }
    intervals.push([start, end]);
  }
  intervals.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const [start, end] of intervals) {
    const last = merged[merged.length - 1];
    if (last && start < last[1]) {
      return problem(`${key}: the intervals of "${value.trim()}" overlap`);
    }
    if (last && start === last[1]) last[1] = end;
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Reads the `hours:` map of a calendar in goals.yaml
 * (`{ mon-fri: "09:00-18:00", sat: "10:00-14:00" }`): keys are days, ranges
 * of days or comma lists of them (`mon`, `monday`, `mon-fri`, `fri-mon`,
 * `mon,wed`); values are one or more `HH:MM-HH:MM` intervals separated by
 * commas, `24:00` allowed as an end. Days not named are closed.
 *
 * Problems are returned, never thrown, each naming its key, so config can
 * turn them into findings at the right line. `hours` holds what could be read.
 */
export function parseOpenHours(input: Readonly<Record<string, unknown>>): {
  hours: WeeklyHours;
  problems: OpenHoursProblem[];
} {
  const hours: Array<Array<readonly [number, number]>> = DAY_NAMES.map(() => []);
  const givenBy: Array<string | undefined> = DAY_NAMES.map(() => undefined);
  const problems: OpenHoursProblem[] = [];
  for (const [key, value] of Object.entries(input)) {
    const days = parseDays(key);
    if (typeof days === 'string') {
      problems.push({
        key,
        part: 'key',
        message: `"${days}" in "${key}" is not a day`,
        hint: 'name days mon, tue, wed, thu, fri, sat, sun, a range such as mon-fri, or a list such as mon,wed',
      });
      continue;
    }
    const twice = days.find((d) => givenBy[d] !== undefined);
    if (twice !== undefined) {
      problems.push({
        key,
        part: 'key',
        message: `${DAY_NAMES[twice]} is given twice, in "${givenBy[twice]}" and in "${key}"`,
        hint: 'give each day its hours once',
      });
      continue;
    }
    const intervals = parseIntervals(key, value);
    if (!Array.isArray(intervals)) {
      problems.push(intervals);
      continue;
    }
    for (const d of days) {
      givenBy[d] = key;
      hours[d] = intervals;
    }
  }
  if (problems.length === 0 && hours.every((day) => day.length === 0)) {
    problems.push({
      key: '',
      part: 'value',
      message: 'the calendar has no open hours',
      hint: 'give at least one day, e.g. hours: { mon-fri: "09:00-18:00" }',
    });
  }
  return { hours, problems };
}

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const QUARTER_HOUR = 15 * MS_PER_MINUTE;

/** A calendar made ready for fast sums: open instants and cumulative open time per local day. */
interface CompiledCalendar {
  spec: BusinessCalendarSpec;
  holidays: Set<number>;
  /** First local day number covered by `open` and `before`. */
  base: number;
  /** Per day: the open intervals as instants [start, end, start, end …]. */
  open: Float64Array[];
  /** Per day, plus one: open milliseconds of all days before it (from `base`). */
  before: Float64Array;
}

const compiled = new WeakMap<BusinessCalendarSpec, CompiledCalendar>();

/**
 * The first instant at which the zone's clocks read `minutes` past midnight
 * of local `day` (or later, when the clocks skip that time).
 */
function firstReading(day: number, minutes: number, timeZone: string): Instant {
  if (minutes === 1440) return firstReading(day + 1, 0, timeZone);
  const date = new Date(day * MS_PER_DAY);
  const local = {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: 0,
  };
  const instant = instantOf(local, timeZone);
  const back = localTimeOf(instant, timeZone);
  if (back.hour === local.hour && back.minute === local.minute) return instant;
  // Skipped by a spring-forward change: open from the moment of the jump,
  // the first quarter hour after which the clocks read later than `minutes`.
  const asUtc = day * MS_PER_DAY + minutes * MS_PER_MINUTE;
  let t = Math.floor((asUtc - 26 * 60 * MS_PER_MINUTE) / QUARTER_HOUR) * QUARTER_HOUR;
  while (t + offsetAt(t, timeZone) * MS_PER_MINUTE < asUtc) t += QUARTER_HOUR;
  return t;
}

function openIntervalsOf(calendar: CompiledCalendar, day: number): Float64Array {
  const { spec } = calendar;
  if (calendar.holidays.has(day)) return new Float64Array(0);
  const intervals = spec.hours[isoWeekday(day) - 1] ?? [];
  const open = new Float64Array(intervals.length * 2);
  intervals.forEach(([start, end], i) => {
    open[2 * i] = firstReading(day, start, spec.timeZone);
    open[2 * i + 1] = firstReading(day, end, spec.timeZone);
  });
  return open;
}

/** Makes sure days [from, to] are compiled; grows the cached range to at least twice its size. */
function ensureDays(calendar: CompiledCalendar, from: number, to: number): void {
  const oldEnd = calendar.base + calendar.open.length;
  if (from >= calendar.base && to < oldEnd) return;
  // Stryker disable next-line MethodExpression: capacity only (how far the range grows ahead)
  const span = Math.max(calendar.open.length, 64);
  let base = from - 32;
  let end = to + 33;
  if (calendar.open.length > 0) {
    base = from < calendar.base ? Math.min(from, calendar.base - span) : calendar.base;
    end = to >= oldEnd ? Math.max(to + 1, oldEnd + span) : oldEnd;
  }
  const open: Float64Array[] = [];
  for (let day = base; day < end; day++) {
    const i = day - calendar.base;
    open.push(
      i >= 0 && i < calendar.open.length ? calendar.open[i]! : openIntervalsOf(calendar, day),
    );
  }
  const before = new Float64Array(open.length + 1);
  for (let i = 0; i < open.length; i++) {
    const day = open[i]!;
    let sum = 0;
    for (let j = 0; j < day.length; j += 2) sum += day[j + 1]! - day[j]!;
    before[i + 1] = before[i]! + sum;
  }
  calendar.base = base;
  calendar.open = open;
  calendar.before = before;
}

let lastCompiled: CompiledCalendar | undefined;

function compile(spec: BusinessCalendarSpec): CompiledCalendar {
  if (lastCompiled?.spec === spec) return lastCompiled;
  let calendar = compiled.get(spec);
  if (!calendar) {
    calendar = {
      spec,
      holidays: new Set(spec.holidays.map((d: IsoDate) => toDayNumber(d))),
      base: 0,
      open: [],
      before: new Float64Array(1),
    };
    compiled.set(spec, calendar);
  }
  lastCompiled = calendar;
  return calendar;
}

function localDay(instant: Instant, timeZone: string): number {
  return Math.floor((instant + offsetAt(instant, timeZone) * MS_PER_MINUTE) / MS_PER_DAY);
}

/** Open milliseconds of one day's intervals within [from, to]. */
function openWithin(open: Float64Array, from: number, to: number): number {
  let sum = 0;
  for (let j = 0; j < open.length; j += 2) {
    const start = Math.max(open[j]!, from);
    const end = Math.min(open[j + 1]!, to);
    if (end > start) sum += end - start;
  }
  return sum;
}

/**
 * Seconds of open time between two instants, in the calendar's time zone:
 * open hours only, holidays skipped, DST changes exact (see the module
 * comment). 0 when `to` is not after `from`. Constant time per call once the
 * days involved have been seen: open time is summed per day in advance.
 */
export function businessSeconds(
  from: Instant,
  to: Instant,
  calendar: BusinessCalendarSpec,
): number {
  if (!(to > from)) return 0;
  const c = compile(calendar);
  const zone = calendar.timeZone;
  const first = localDay(from, zone);
  const last = localDay(to, zone);
  ensureDays(c, first, last);
  const i = first - c.base;
  const j = last - c.base;
  if (i === j) return openWithin(c.open[i]!, from, to) / 1000;
  const ms =
    openWithin(c.open[i]!, from, Infinity) +
    (c.before[j]! - c.before[i + 1]!) +
    openWithin(c.open[j]!, -Infinity, to);
  return ms / 1000;
}
