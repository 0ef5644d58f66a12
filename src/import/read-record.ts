/**
 * One CSV record of a records export to a RecordRow (DESIGN §11): each
 * mapped cell parsed — timestamps to instants in the source's time zone,
 * durations to seconds, ratings on their scale, yes/no to booleans — and the
 * row checked for contradictions (solved before created, a negative
 * duration). A row with any problem gives no RecordRow: it is imported
 * whole or not at all.
 */
import { isValidDay } from '../core/dates.js';
import { parseDuration } from '../core/duration.js';
import type { Rating, RatingScale, RecordRow } from '../core/records/record.js';
import { instantOf } from '../core/zoned-time.js';
import type { Instant } from '../core/zoned-time.js';
import type { CellProblem } from './cell-problem.js';
import { hasDateShape, parseDateTime } from './parse-date.js';
import type { DateDetector, DateFormat, DateTimeParts } from './parse-date.js';
import { parseNumber } from './parse-number.js';
import { checkFieldCount } from './read-row.js';
import type { FieldKind, ResolvedField, ResolvedRecords } from './resolve-fields.js';
import type { DecimalSeparator } from './sniff-dialect.js';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
const SIMPLE_NUMBER = /^-?\d+(?:\.\d+)?$/;
const TIME_OF_DAY = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:\s*([AaPp])\.?[Mm]\.?)?$/;
const LOOKS_LIKE_DATE = /\d{4}-\d{1,2}-\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4}/;
/** Before this, a timestamp is an export's way of writing "no value" (1900-01-01). */
const EARLIEST_YEAR = 1970;

const YES = new Set(['y', 'yes', 'true', '1']);
const NO = new Set(['n', 'no', 'false', '0']);

const SCALE_RANGE: Record<Exclude<RatingScale, 'good-bad'>, [number, number]> = {
  '1-5': [1, 5],
  '1-7': [1, 7],
  '0-10': [0, 10],
};

/** What is wrong with a cell; `field` when it is another column than the field's own (a time column). */
type Problem = { message: string; hint: string; suspect?: string; field?: number };
const isProblem = (v: unknown): v is Problem =>
  typeof v === 'object' && v !== null && 'message' in v;

export interface RecordReaderOptions {
  decimal: DecimalSeparator;
  /** The timestamp format declared for every field, or learned by an earlier pass. */
  dateFormat: DateFormat | undefined;
  /** Learns the format of timestamps whose field declares none. */
  detector: DateDetector;
  /** How to add a value to the source's missing: list, for hints. */
  missingHint: (text: string) => string;
  /** Whether the fields come from goals.yaml (hints show YAML) or from --field flags. */
  isDeclaredInFile: boolean;
}

export class RecordReader {
  private readonly width: number;
  /** Two-way fields (first_reply, answered) and preset scales, decided by the first value. */
  private readonly decided = new Map<ResolvedField, FieldKind | RatingScale>();
  /** Timestamps that look like an export's "no value" (1900-01-01 …), with their count. */
  readonly suspects = new Map<string, number>();

  constructor(
    private readonly records: ResolvedRecords,
    private readonly options: RecordReaderOptions,
  ) {
    this.width = records.header.length;
  }

  /** The row, or its problems; an empty list for a blank record. */
  read(fields: string[], line: number): RecordRow | CellProblem[] {
    const shape = checkFieldCount(fields, this.width, line);
    if (shape) return shape;
    let problems: CellProblem[] | undefined;
    const problem = (field: number, rule: string, p: Problem) => {
      if (p.suspect !== undefined)
        this.suspects.set(p.suspect, (this.suspects.get(p.suspect) ?? 0) + 1);
      (problems ??= []).push({
        severity: 'error',
        rule,
        message: p.message,
        hint: p.hint,
        line,
        field,
      });
    };

    const segments: string[] = [];
    const row: RecordRow = { line, segments };
    let isBlank = true;
    let answeredAt: Instant | undefined;
    let hasFirstReplyTime = false;
    for (const f of this.records.fields) {
      const text = fields[f.index]!.trim();
      if (text !== '') isBlank = false;
      if (text === '' || f.missing.has(text)) continue;
      const kind = this.kindOf(f, text);
      let value: number | boolean | string | Rating | undefined | Problem;
      switch (kind) {
        case 'timestamp':
          value = this.timestamp(f, text, fields, line);
          break;
        case 'duration':
          value = this.duration(f, text);
          break;
        case 'rating':
          value = this.rating(f, text);
          break;
        case 'count':
          value = this.count(f, text);
          break;
        case 'yes-no':
          value = this.yesNo(f, text);
          break;
        default:
          value = text;
      }
      if (isProblem(value)) {
        const rule = kind === 'timestamp' ? 'import/bad-timestamp' : 'import/bad-value';
        problem(value.field ?? f.index, rule, value);
        continue;
      }
      if (value === undefined) continue;
      switch (f.field) {
        case 'id':
          row.id = value as string;
          break;
        case 'status':
          row.status = value as string;
          break;
        case 'created':
          row.created = value as number;
          break;
        case 'first_reply':
          if (kind === 'timestamp') {
            row.firstReplyAt = value as number;
            hasFirstReplyTime = true;
          } else row.firstReplySeconds = value as number;
          break;
        case 'first_reply_business':
          row.firstReplyBusinessSeconds = value as number;
          break;
        case 'solved':
          row.solvedAt = value as number;
          break;
        case 'resolution':
          row.resolutionSeconds = value as number;
          break;
        case 'resolution_business':
          row.resolutionBusinessSeconds = value as number;
          break;
        case 'rating':
        case 'score':
          row.rating = value as Rating;
          break;
        case 'reopens':
          row.reopens = value as number;
          break;
        case 'replies':
          row.replies = value as number;
          break;
        case 'answered':
          if (kind === 'timestamp') {
            answeredAt = value as number;
            row.answered = true;
          } else row.answered = value as boolean;
          break;
        case 'wait':
          row.waitSeconds = value as number;
          break;
        case 'handle':
          row.handleSeconds = value as number;
          break;
        case 'resolved':
          row.resolved = value as boolean;
          break;
        case 'started':
          row.started = value as number;
          break;
        case 'ended':
          row.ended = value as number;
          break;
      }
    }

    for (const s of this.records.segments) {
      let value = fields[s.index]!.trim();
      if (value !== '') isBlank = false;
      if (this.isMissingSegment(value)) value = '';
      if (value.includes(';') || value.includes('=') || CONTROL.test(value)) {
        problem(s.index, 'import/bad-segment', {
          message: `"${value}" in column "${s.name}" cannot be a ${s.key}: segment values may not contain ";", "=" or control characters.`,
          hint: 'Rename the value in the export.',
        });
        value = '';
      }
      segments.push(value);
    }
    if (isBlank && fields.every((f) => f.trim() === '')) return [];
    if (problems) return problems;

    // What a row's timestamps say must agree.
    this.checkOrder(row.created, row.solvedAt, 'solved', 'created', problem);
    this.checkOrder(row.created, row.firstReplyAt, 'first_reply', 'created', problem);
    this.checkOrder(row.created, answeredAt, 'answered', 'created', problem);
    this.checkOrder(row.started, row.ended, 'ended', 'started', problem);
    if (problems) return problems;

    // A ticket nobody answered (an empty first-reply time) has no first-reply
    // duration either, whatever the export writes there (Freshdesk: 00:00:00);
    // an unsolved one has no resolution time.
    if (hasFirstReplyTime === false && this.has('first_reply', 'timestamp')) {
      delete row.firstReplyBusinessSeconds;
    }
    if (row.solvedAt === undefined && this.has('solved', 'timestamp')) {
      delete row.resolutionSeconds;
      delete row.resolutionBusinessSeconds;
    }
    if (answeredAt !== undefined && row.waitSeconds === undefined && row.created !== undefined) {
      row.waitSeconds = (answeredAt - row.created) / 1000;
    }
    return row;
  }

  /** The scale of the rating or score: declared, or decided by the first rating read. */
  get ratingScale(): RatingScale | undefined {
    const f = this.records.fields.find((r) => r.field === 'rating' || r.field === 'score');
    if (!f) return undefined;
    return f.scales.length === 1 ? f.scales[0] : (this.decided.get(f) as RatingScale | undefined);
  }

  private has(field: ResolvedField['field'], kind: FieldKind): boolean {
    const f = this.records.fields.find((r) => r.field === field);
    return f !== undefined && (f.kind === kind || this.decided.get(f) === kind);
  }

  private isMissingSegment(value: string): boolean {
    return value !== '' && this.records.missing.has(value);
  }

  private checkOrder(
    earlier: Instant | undefined,
    later: Instant | undefined,
    laterField: ResolvedField['field'],
    earlierField: ResolvedField['field'],
    problem: (field: number, rule: string, p: Problem) => void,
  ): void {
    if (earlier === undefined || later === undefined || later >= earlier) return;
    const l = this.records.fields.find((f) => f.field === laterField)!;
    const e = this.records.fields.find((f) => f.field === earlierField)!;
    const minutes = Math.round((earlier - later) / 60_000);
    problem(l.index, 'import/contradiction', {
      message: `${laterField} ("${l.name}") is before ${earlierField} ("${e.name}") by ${formatSpan(minutes)}: a ${laterField === 'ended' ? 'subscription cannot end before it starts' : `ticket cannot be ${laterField === 'solved' ? 'solved' : 'answered'} before it is created`}.`,
      hint: `Correct the row in the export, or --skip-invalid to leave it out. If the export writes a placeholder for "no value" here, add it to missing:.`,
    });
  }

  /** How to declare one option of a field: in goals.yaml, or with --field. */
  private declare(f: ResolvedField, option: 'format' | 'unit' | 'scale', example: string): string {
    return this.options.isDeclaredInFile
      ? `${f.field}: { column: ${JSON.stringify(f.name)}, ${option}: ${example} } under fields: in goals.yaml`
      : `--field "${f.field}=${f.name}:${example}"`;
  }

  /** A two-way field's kind, decided by its first value; other fields' own kind. */
  private kindOf(f: ResolvedField, text: string): FieldKind {
    if (f.kind !== 'timestamp-or-duration' && f.kind !== 'yes-no-or-timestamp') return f.kind;
    const decided = this.decided.get(f) as FieldKind | undefined;
    if (decided) return decided;
    let kind: FieldKind;
    if (f.kind === 'yes-no-or-timestamp') {
      kind = YES.has(text.toLowerCase()) || NO.has(text.toLowerCase()) ? 'yes-no' : 'timestamp';
    } else {
      kind = LOOKS_LIKE_DATE.test(text) ? 'timestamp' : 'duration';
    }
    this.decided.set(f, kind);
    return kind;
  }

  private timestamp(
    f: ResolvedField,
    text: string,
    fields: string[],
    line: number,
  ): Instant | Problem {
    const detector = this.options.detector;
    let format = f.format ?? this.options.dateFormat;
    if (format === undefined && detector.remaining.length === 1) format = detector.remaining[0];
    let parts: DateTimeParts | undefined;
    if (format !== undefined) {
      parts =
        (format === 'YYYY-MM-DD' ? readIsoDateTime(text) : undefined) ??
        parseDateTime(text, format);
    } else if (detector.observe(text, line, f.index) !== undefined) {
      format = detector.remaining[0]!;
      parts = parseDateTime(text, format);
    }
    if (!parts) {
      const shaped = format !== undefined && hasDateShape(text, format);
      const noDigits = !/\d/.test(text);
      return {
        message: shaped
          ? `"${text}" in column "${f.name}" is not a real moment (${format}).`
          : `"${text}" in column "${f.name}" is not a timestamp${format !== undefined ? ` in the format ${format}` : ''}.`,
        hint: noDigits
          ? this.options.missingHint(text)
          : shaped
            ? 'Correct the timestamp in the export, or --skip-invalid to leave the row out.'
            : `Write timestamps as YYYY-MM-DD HH:mm:ss, or declare the format the file uses: ${this.declare(f, 'format', 'DD/MM/YYYY HH:mm')}.`,
      };
    }
    if (f.time) {
      const timeText = fields[f.time.index]!.trim();
      const time = TIME_OF_DAY.exec(timeText);
      const ampm = time?.[5];
      let hour = time ? Number(time[1]) : NaN;
      if (time && ampm !== undefined) {
        hour = hour < 1 || hour > 12 ? NaN : (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
      }
      const minute = time ? Number(time[2]) : NaN;
      const second = time?.[3] === undefined ? 0 : Number(time[3]);
      if (!time || !(hour <= 23) || minute > 59 || second > 59) {
        return {
          message:
            timeText === ''
              ? `The time of ${f.field} in column "${f.time.name}" is empty.`
              : `"${timeText}" in column "${f.time.name}" is not a time of day (H:MM or H:MM:SS).`,
          hint: 'Correct the time in the export, or --skip-invalid to leave the row out.',
          field: f.time.index,
        };
      }
      parts = { ...parts, hour, minute, second, millisecond: 0 };
    }
    if (parts.year < EARLIEST_YEAR) {
      return {
        message: `"${text}" in column "${f.name}" is in ${parts.year}: exports write such a date when there is no value (a ticket not solved yet).`,
        hint: this.options.missingHint(text),
        suspect: text,
      };
    }
    return parts.offset !== undefined
      ? Date.UTC(
          parts.year,
          parts.month - 1,
          parts.day,
          parts.hour,
          parts.minute,
          parts.second,
          parts.millisecond,
        ) -
          parts.offset * 60_000
      : instantOf(parts, this.records.timeZone);
  }

  private duration(f: ResolvedField, text: string): number | Problem {
    const simple = SIMPLE_NUMBER.test(text) ? Number(text) : undefined;
    const n = simple ?? (text.includes(':') ? undefined : parseNumber(text, this.options.decimal));
    let seconds: number | undefined;
    if (n !== undefined) {
      if (f.secondsPerUnit === undefined) {
        return {
          message: `${text} in column "${f.name}" has no unit, and ${f.field} is a duration.`,
          hint: `Say the unit of the column (s, m, h or d): ${this.declare(f, 'unit', 'm')}.`,
        };
      }
      seconds = n * f.secondsPerUnit;
    } else {
      seconds = parseDuration(text);
      if (
        seconds === undefined &&
        text.startsWith('-') &&
        parseDuration(text.slice(1)) !== undefined
      )
        seconds = -parseDuration(text.slice(1))!;
    }
    if (seconds === undefined) {
      return {
        message: `"${text}" in column "${f.name}" is not a duration.`,
        hint: /\d/.test(text)
          ? `Write a number in the column's unit${f.unit ? ` (${f.unit})` : ''}, or a duration such as 0:04:43 or 2h30m.`
          : this.options.missingHint(text),
      };
    }
    if (seconds < 0 || !Number.isFinite(seconds)) {
      return {
        message: `${text} in column "${f.name}" is a negative duration.`,
        hint: 'A duration cannot be negative: correct the row in the export, or --skip-invalid to leave it out.',
      };
    }
    return seconds;
  }

  /** A rating on its scale; undefined for words that mean no rating (Offered, Not Offered). */
  private rating(f: ResolvedField, text: string): Rating | undefined | Problem {
    const n = SIMPLE_NUMBER.test(text) ? Number(text) : parseNumber(text, this.options.decimal);
    const decided = this.decided.get(f) as RatingScale | undefined;
    const scales = decided ? [decided] : f.scales;
    if (n === undefined) {
      const word = text.toLowerCase();
      if ((word === 'good' || word === 'bad') && scales.includes('good-bad')) {
        if (!decided) this.decided.set(f, 'good-bad');
        return { scale: 'good-bad', value: word === 'good' ? 1 : 0 };
      }
      return undefined;
    }
    const scale = scales.find((s) => s !== 'good-bad') as
      Exclude<RatingScale, 'good-bad'> | undefined;
    if (!scale) {
      return {
        message: `${text} in column "${f.name}" is a number, but the scale of ${f.field} is good-bad.`,
        hint: `Say the scale of the numbers: ${this.declare(f, 'scale', '1-5')}.`,
      };
    }
    const [min, max] = SCALE_RANGE[scale];
    if (!Number.isInteger(n) || n < min || n > max) {
      return {
        message: `${text} in column "${f.name}" is outside the ${f.field} scale ${scale} (whole numbers ${min} to ${max}).`,
        hint: `If ${text} means "not rated", list it: ${
          this.options.isDeclaredInFile
            ? `${f.field}: { column: ${JSON.stringify(f.name)}, scale: ${scale}, missing: [${JSON.stringify(text)}] } under fields: in goals.yaml`
            : `--missing "${f.field}=${text}"`
        }; if the scale is another, say which (1-5, 1-7, 0-10).`,
      };
    }
    if (!decided) this.decided.set(f, scale);
    return { scale, value: n };
  }

  private count(f: ResolvedField, text: string): number | Problem {
    const n = SIMPLE_NUMBER.test(text) ? Number(text) : parseNumber(text, this.options.decimal);
    if (n === undefined || !Number.isInteger(n) || n < 0) {
      return {
        message: `"${text}" in column "${f.name}" is not a count (a whole number, 0 or more).`,
        hint: /\d/.test(text)
          ? 'Correct the value in the export, or --skip-invalid to leave the row out.'
          : this.options.missingHint(text),
      };
    }
    return n;
  }

  private yesNo(f: ResolvedField, text: string): boolean | Problem {
    const word = text.toLowerCase();
    if (YES.has(word)) return true;
    if (NO.has(word)) return false;
    return {
      message: `"${text}" in column "${f.name}" is not yes or no.`,
      hint: /\d/.test(text)
        ? 'Write Y/N, yes/no, true/false or 1/0.'
        : `Write Y/N, yes/no, true/false or 1/0. ${this.options.missingHint(text)}`,
    };
  }
}

/** 95 minutes → "1 h 35 m"; days for longer spans. */
function formatSpan(minutes: number): string {
  if (minutes < 60) return `${minutes} m`;
  if (minutes < 48 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} m`;
  return `${Math.round(minutes / 1440)} days`;
}

/** The number written by `count` digits from `from`; NaN when one is not a digit. */
function digits(text: string, from: number, count: number): number {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return NaN;
    n = n * 10 + d;
  }
  return n;
}

/**
 * `YYYY-MM-DD`, `YYYY-MM-DD HH:MM` and `YYYY-MM-DD HH:MM:SS` (or with a T),
 * the common case of a big export, read without a regular expression;
 * undefined for anything else (the general reader takes it).
 */
export function readIsoDateTime(text: string): DateTimeParts | undefined {
  const length = text.length;
  if (length !== 10 && length !== 16 && length !== 19) return undefined;
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return undefined;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  let hour = 0;
  let minute = 0;
  let second = 0;
  if (length > 10) {
    const sep = text.charCodeAt(10);
    if ((sep !== 32 && sep !== 84) || text.charCodeAt(13) !== 58) return undefined;
    hour = digits(text, 11, 2);
    minute = digits(text, 14, 2);
    if (length === 19) {
      if (text.charCodeAt(16) !== 58) return undefined;
      second = digits(text, 17, 2);
    }
  }
  // NaN from a non-digit fails every comparison below.
  if (!(year >= 1 && hour <= 23 && minute <= 59 && second <= 59)) return undefined;
  if (!isValidDay(year, month, day)) return undefined;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    millisecond: 0,
    offset: undefined,
    hasTime: length > 10,
  };
}
