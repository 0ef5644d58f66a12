/**
 * Dates in exports: a declared format, or one detected from every date in
 * the column. A column whose dates read two ways (01/02/2026) is never
 * guessed: the detector reports a value that proves the ambiguity. A time
 * after the date (`12:00:00 AM`, `14:30`) is allowed and ignored: a
 * snapshot belongs to the calendar day written. A time with a UTC offset
 * (`T23:30:00-07:00`, `Z`) names an instant, which belongs to its calendar
 * day in settings.timezone (DESIGN §3): the offset is never dropped.
 */
import { makeDate } from '../core/dates.js';
import type { IsoDate } from '../core/dates.js';
import { localDateOf } from '../core/zoned-time.js';
import type { LocalDateTime } from '../core/zoned-time.js';

export const DATE_FORMATS = [
  'YYYY-MM-DD',
  'DD.MM.YYYY',
  'MM/DD/YYYY',
  'DD/MM/YYYY',
  'DD-MM-YYYY',
  'MM-DD-YYYY',
  'YYYY/MM/DD',
] as const;

export type DateFormat = (typeof DATE_FORMATS)[number];

/** Other spellings people write for the same formats (days and months without zeros). */
const ALIASES: Record<string, DateFormat> = {
  'M/D/YYYY': 'MM/DD/YYYY',
  'D/M/YYYY': 'DD/MM/YYYY',
  'D.M.YYYY': 'DD.MM.YYYY',
  'D-M-YYYY': 'DD-MM-YYYY',
  'M-D-YYYY': 'MM-DD-YYYY',
  'YYYY-M-D': 'YYYY-MM-DD',
  ISO: 'YYYY-MM-DD',
};

// A time that may follow the date: hour (4), minute (5), second (6), its
// fraction (7), AM/PM (8) and a UTC offset (9).
const TIME =
  '(?:[ T]+(\\d{1,2}):(\\d{2})(?::(\\d{2})([.,]\\d+)?)?(?:\\s*([AaPp])\\.?[Mm]\\.?)?\\s*(Z|UTC|[+-]\\d{2}:?\\d{2})?)?';

interface Shape {
  pattern: RegExp;
  /** Which capture group holds year, month, day. */
  year: number;
  month: number;
  day: number;
}

const shape = (date: string, year: number, month: number, day: number): Shape => ({
  pattern: new RegExp(`^${date}${TIME}$`),
  year,
  month,
  day,
});

const SHAPES: Record<DateFormat, Shape> = {
  'YYYY-MM-DD': shape('(\\d{4})-(\\d{1,2})-(\\d{1,2})', 1, 2, 3),
  'YYYY/MM/DD': shape('(\\d{4})/(\\d{1,2})/(\\d{1,2})', 1, 2, 3),
  'DD.MM.YYYY': shape('(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})', 3, 2, 1),
  'MM/DD/YYYY': shape('(\\d{1,2})/(\\d{1,2})/(\\d{4})', 3, 1, 2),
  'DD/MM/YYYY': shape('(\\d{1,2})/(\\d{1,2})/(\\d{4})', 3, 2, 1),
  'DD-MM-YYYY': shape('(\\d{1,2})-(\\d{1,2})-(\\d{4})', 3, 2, 1),
  'MM-DD-YYYY': shape('(\\d{1,2})-(\\d{1,2})-(\\d{4})', 3, 1, 2),
};

/**
 * A declared format, in any of its spellings; a time part (`HH:mm`,
 * `hh:mm:ss A`) is accepted and ignored. Undefined when unknown.
 */
export function parseDateFormat(text: string): DateFormat | undefined {
  const datePart = text.trim().split(/[ T]/)[0]!.toUpperCase();
  if ((DATE_FORMATS as readonly string[]).includes(datePart)) return datePart as DateFormat;
  return ALIASES[datePart];
}

/**
 * Reads a trimmed cell in one format; undefined when it does not fit or is
 * no real day. A time with a UTC offset gives the calendar day of that
 * instant in `timeZone` (settings.timezone); without one, the day written.
 */
export function parseDate(text: string, format: DateFormat, timeZone = 'UTC'): IsoDate | undefined {
  const parts = parseDateTime(text, format);
  if (!parts) return undefined;
  if (parts.offset === undefined) return makeDate(parts.year, parts.month, parts.day);
  return localDateOf(wallClockMs(parts) - parts.offset * 60_000, timeZone);
}

/** A timestamp as written: its wall-clock time, and its UTC offset when it has one. */
export interface DateTimeParts extends LocalDateTime {
  millisecond: number;
  /** Minutes east of UTC, when the text gives an offset (Z, +05:30, UTC). */
  offset: number | undefined;
  /** Whether the text had a time after the date. */
  hasTime: boolean;
}

/** The wall-clock time of parts as if it were UTC, in milliseconds. */
export function wallClockMs(p: LocalDateTime): number {
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond ?? 0);
}

/** Reads a trimmed timestamp in one format; undefined when it does not fit or is no real moment. */
export function parseDateTime(text: string, format: DateFormat): DateTimeParts | undefined {
  const s = SHAPES[format];
  const m = s.pattern.exec(text);
  if (!m) return undefined;
  const time = readTime(m);
  const year = Number(m[s.year]);
  const month = Number(m[s.month]);
  const day = Number(m[s.day]);
  if (time === undefined || makeDate(year, month, day) === undefined) return undefined;
  return { year, month, day, ...time };
}

/** The time groups of a match, checked; undefined when they name no real time. */
function readTime(m: RegExpExecArray): Omit<DateTimeParts, 'year' | 'month' | 'day'> | undefined {
  const hour = m[4];
  if (hour === undefined) {
    return { hour: 0, minute: 0, second: 0, millisecond: 0, offset: undefined, hasTime: false };
  }
  let h = Number(hour);
  const meridiem = m[8]?.toLowerCase();
  if (meridiem !== undefined ? h < 1 || h > 12 : h > 23) return undefined;
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (minute > 59 || second > 59) return undefined;
  if (meridiem !== undefined) h = (h % 12) + (meridiem === 'p' ? 12 : 0);
  const fraction = m[7];
  const millisecond =
    fraction === undefined ? 0 : Math.min(999, Math.round(Number(`0.${fraction.slice(1)}`) * 1000));
  const offset = readOffset(m[9]);
  if (offset !== undefined && Math.abs(offset) > 18 * 60) return undefined;
  return { hour: h, minute, second, millisecond, offset, hasTime: true };
}

/** "Z", "UTC", "+05:30", "-0400" in minutes east of UTC. */
function readOffset(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const sign = text.startsWith('-') ? -1 : 1;
  const digits = text.replace(/[^0-9]/g, '');
  return digits === '' ? 0 : sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
}

/** Whether a cell is written in a format's shape, real day or not (2026-02-30 is). */
export function hasDateShape(text: string, format: DateFormat): boolean {
  return SHAPES[format].pattern.test(text);
}

/** A value that reads as different days in two formats. */
export interface AmbiguousDate {
  text: string;
  line: number;
  field: number;
  readings: Array<{ format: DateFormat; date: IsoDate }>;
}

export type DetectedDates =
  | { kind: 'none' }
  | { kind: 'format'; format: DateFormat }
  | { kind: 'ambiguous'; formats: DateFormat[]; example: AmbiguousDate };

/**
 * Learns the date format of a column from its values, row by row. Each
 * value narrows the candidate formats to those that read it; the first
 * remaining candidate reads the row for now. If that candidate is ruled
 * out later, `needsRereading` says the rows read so far used the wrong
 * one and the file must be read again with the final format.
 */
export class DateDetector {
  private candidates: DateFormat[] = [...DATE_FORMATS];
  private provisional: DateFormat | undefined;
  private hasSeenDate = false;
  /** First value on which each pair of candidates disagrees, by 'A|B'. */
  private readonly disagreements = new Map<string, AmbiguousDate>();
  private readonly cache = new Map<string, IsoDate | undefined>();
  needsRereading = false;

  /** `timeZone`: where a time with a UTC offset is given its calendar day. */
  constructor(private readonly timeZone = 'UTC') {}

  /** The formats still possible. */
  get remaining(): readonly DateFormat[] {
    return this.candidates;
  }

  /** Reads one value; undefined when no remaining format reads it. */
  observe(text: string, line: number, field: number): IsoDate | undefined {
    const cached = this.cache.get(text);
    if (cached !== undefined) return cached;
    const readings: Array<{ format: DateFormat; date: IsoDate }> = [];
    for (const format of this.candidates) {
      const date = parseDate(text, format, this.timeZone);
      if (date !== undefined) readings.push({ format, date });
    }
    if (readings.length === 0) return undefined;
    if (readings.length < this.candidates.length) {
      this.candidates = readings.map((r) => r.format);
      this.cache.clear();
    }
    if (!this.hasSeenDate) {
      this.hasSeenDate = true;
      this.provisional = this.candidates[0];
    } else if (this.candidates[0] !== this.provisional) {
      this.needsRereading = true;
    }
    for (let i = 0; i < readings.length; i++) {
      for (let j = i + 1; j < readings.length; j++) {
        const a = readings[i]!;
        const b = readings[j]!;
        const key = `${a.format}|${b.format}`;
        if (a.date !== b.date && !this.disagreements.has(key)) {
          this.disagreements.set(key, { text, line, field, readings: [a, b] });
        }
      }
    }
    const date = readings[0]!.date;
    // Only values every candidate reads alike are safe to remember.
    if (this.cache.size < 50_000 && readings.every((r) => r.date === date)) {
      this.cache.set(text, date);
    }
    return date;
  }

  /** The verdict once every value has been seen. */
  result(): DetectedDates {
    if (!this.hasSeenDate) return { kind: 'none' };
    const formats = this.candidates;
    for (let i = 0; i < formats.length; i++) {
      for (let j = i + 1; j < formats.length; j++) {
        const example = this.disagreements.get(`${formats[i]}|${formats[j]}`);
        if (example) {
          const readings = example.readings;
          return {
            kind: 'ambiguous',
            formats: [readings[0]!.format, readings[1]!.format],
            example,
          };
        }
      }
    }
    return { kind: 'format', format: formats[0]! };
  }
}
