/**
 * How to read one export: a source of goals.yaml, flags for a one-off file,
 * or a source with flags on top. Positions in goals.yaml travel with it so
 * that a mapping problem points at the line to edit.
 */
import { createHash } from 'node:crypto';
import type { CalendarInput, RecordFieldsInput, Settings, SourceInput } from '../config/schema.js';
import { isValidTimeZone } from '../core/dates.js';
import { GoalsError } from '../core/errors.js';
import { suggest } from '../core/suggest.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { PeriodKind, RatingScale, RecordField } from '../core/records/record.js';
import type { Encoding } from './scan-file.js';
import { parseDateFormat } from './parse-date.js';
import { PRESETS } from './presets/index.js';
import { RECORD_FIELDS } from './resolve-fields.js';
import { parseDelimiter } from './sniff-dialect.js';
import type { DecimalSeparator, Delimiter } from './sniff-dialect.js';

/** What a column (wide) or a name in the metric column (long) maps to. */
export interface MappingTarget {
  metric: string;
  /** Unit of the values in the file: s, m, h, d for durations; percent or ratio for percents. */
  unit?: string | undefined;
}

/** Where the spec was written, to point findings at goals.yaml. */
export interface SpecOrigin {
  /** goals.yaml as shown to the user. */
  file: string;
  /** Position of a key inside this source (`['columns', 'CSAT %']`). */
  positionOf(path: ReadonlyArray<string | number>): { line: number; column: number };
}

/** How one records field is read (`fields:` in goals.yaml, --field, or a preset). */
export interface FieldSpec {
  column: string;
  /** Timestamps: the declared format (DD/MM/YYYY HH:mm). */
  format?: string | undefined;
  /** Timestamps: the column holding the time of day, when it is not in `column`. */
  time?: string | undefined;
  /** Durations: s, m, h, d or HH:MM:SS. */
  unit?: string | undefined;
  scale?: RatingScale | undefined;
  /** A preset's possible scales: the first rating in the file decides (5 → 1-5, Good → good-bad). */
  scales?: readonly RatingScale[] | undefined;
  /** Cells of this column that mean "no value". */
  missing?: string[] | undefined;
}

export type RecordFields = Partial<Record<RecordField, FieldSpec>>;

/** What goals.yaml's settings say that decides a records source's snapshots. */
export interface RecordsContext {
  /** settings.timezone: periods are calendar periods there. */
  timeZone: string;
  fiscalYearStart: number;
  /** The calendar the source names (settings.calendars), with its name. */
  calendar?: (CalendarInput & { name: string }) | undefined;
}

/** The part of a spec that only records sources have (DESIGN §11). */
export interface RecordsSpec {
  preset?: string | undefined;
  /** Of the file's timestamps; default: the context's time zone. */
  timezone?: string | undefined;
  /** A calendar name of settings.calendars (resolved into `context.calendar`). */
  calendar?: string | undefined;
  period?: PeriodKind | undefined;
  /** Cells that mean "no value" in every column, besides the empty one. */
  missing?: string[] | undefined;
  /** Column names of a file without a header line. */
  header?: string[] | undefined;
  /** Declared fields; a preset fills the others from the header. */
  fields: RecordFields;
  context: RecordsContext;
}

export interface ImportSpec {
  /** The source id in goals.yaml, when the file is read as one. */
  sourceId?: string | undefined;
  layout: 'wide' | 'long' | 'records';
  /** Default: a column named "date" (any case). */
  dateColumn?: string | undefined;
  dateFormat?: string | undefined;
  delimiter?: Delimiter | undefined;
  decimal?: DecimalSeparator | undefined;
  encoding?: Encoding | undefined;
  /** wide: header → metric; default: headers that are metric ids. */
  columns?: Record<string, MappingTarget> | undefined;
  /** long: default "metric" and "value". */
  metricColumn?: string | undefined;
  valueColumn?: string | undefined;
  /** long: names in the metric column → metric; default: the names are metric ids. */
  metrics?: Record<string, MappingTarget> | undefined;
  /** Segment key → column. */
  segments?: Record<string, string> | undefined;
  /** settings.timezone: a date written with a UTC offset is that instant's day there. Default UTC. */
  timeZone?: string | undefined;
  /** Leave bad rows out (listed as warnings) instead of refusing the file. */
  skipInvalid?: boolean | undefined;
  /** layout: records. */
  records?: RecordsSpec | undefined;
  origin?: SpecOrigin | undefined;
}

const toTarget = (m: string | { metric: string; unit?: string | undefined }): MappingTarget =>
  typeof m === 'string' ? { metric: m } : { metric: m.metric, unit: m.unit };

const mapRecord = <T, U>(
  record: Record<string, T> | undefined,
  fn: (value: T) => U,
): Record<string, U> | undefined => {
  if (record === undefined) return undefined;
  // A null-prototype object: a column named "__proto__" is just a name.
  const out = Object.create(null) as Record<string, U>;
  for (const [k, v] of Object.entries(record)) out[k] = fn(v);
  return out;
};

/** The records context of a project's settings, with the calendar a source names. */
export function recordsContext(settings: Settings | undefined, calendar?: string): RecordsContext {
  const declared = calendar === undefined ? undefined : settings?.calendars?.[calendar];
  return {
    timeZone: settings?.timezone ?? 'UTC',
    fiscalYearStart: settings?.fiscal_year_start ?? 1,
    calendar: declared && { name: calendar!, ...declared },
  };
}

const toFieldSpec = (f: NonNullable<RecordFieldsInput[keyof RecordFieldsInput]>): FieldSpec =>
  typeof f === 'string' ? { column: f } : { ...f };

/** The spec of a source declared in goals.yaml. */
export function specFromSource(
  source: SourceInput,
  options: {
    origin?: SpecOrigin | undefined;
    timeZone?: string | undefined;
    /** settings of goals.yaml: a records source's calendar and periods. */
    settings?: Settings | undefined;
  } = {},
): ImportSpec {
  const date = typeof source.date === 'string' ? { column: source.date } : source.date;
  return {
    sourceId: source.id,
    layout: source.layout,
    dateColumn: date?.column,
    dateFormat: date?.format,
    delimiter: source.delimiter,
    decimal: source.decimal,
    encoding: source.encoding,
    columns: mapRecord(source.columns, toTarget),
    metricColumn: source.metric_column,
    valueColumn: source.value_column,
    metrics: mapRecord(source.metrics, toTarget),
    segments: mapRecord(source.segments, (c) => c),
    timeZone: options.timeZone,
    skipInvalid: source.skip_invalid,
    records:
      source.layout === 'records'
        ? {
            preset: source.preset,
            timezone: source.timezone,
            calendar: source.calendar,
            period: source.period,
            missing: source.missing,
            header: source.header,
            fields: (mapRecord(source.fields, (f) => f && toFieldSpec(f)) ?? {}) as RecordFields,
            context: recordsContext(options.settings, source.calendar),
          }
        : undefined,
    origin: options.origin,
  };
}

/** The mapping flags of `goals import`. */
export interface ImportFlags {
  layout?: 'wide' | 'long' | 'records' | undefined;
  dateColumn?: string | undefined;
  dateFormat?: string | undefined;
  metric?: string[] | undefined;
  valueColumn?: string | undefined;
  segment?: string[] | undefined;
  delimiter?: string | undefined;
  decimal?: string | undefined;
  encoding?: string | undefined;
  skipInvalid?: boolean | undefined;
  /** Records: a preset id. */
  preset?: string | undefined;
  /** Records: "field=Column[:unit|scale|format]" (repeatable). */
  field?: string[] | undefined;
  period?: string | undefined;
  timezone?: string | undefined;
  /** Records: cells that mean "no value" (repeatable). */
  missing?: string[] | undefined;
}

const ENCODINGS: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  'windows-1252': 'windows-1252',
  cp1252: 'windows-1252',
  'latin-1': 'windows-1252',
  latin1: 'windows-1252',
};

/**
 * A spec from flags, on top of `base` (a source) when given: flags win,
 * and --metric/--segment add to the source's mapping.
 */
export function specFromFlags(
  flags: ImportFlags,
  base?: ImportSpec,
  settings?: Settings,
): ImportSpec {
  const spec: ImportSpec = base
    ? {
        ...base,
        columns: base.columns && { ...base.columns },
        metrics: base.metrics && { ...base.metrics },
        segments: base.segments && { ...base.segments },
      }
    : { layout: 'wide' };
  if (flags.layout) spec.layout = flags.layout;
  if (flags.dateColumn !== undefined) spec.dateColumn = flags.dateColumn;
  if (flags.dateFormat !== undefined) spec.dateFormat = flags.dateFormat;
  if (flags.valueColumn !== undefined) spec.valueColumn = flags.valueColumn;
  if (flags.skipInvalid) spec.skipInvalid = true;
  if (flags.delimiter !== undefined) {
    const delimiter = parseDelimiter(flags.delimiter);
    if (!delimiter) {
      throw usage(
        `--delimiter ${JSON.stringify(flags.delimiter)} is not a delimiter goals reads.`,
        'Use one of: , ; tab |  (e.g. --delimiter ";" or --delimiter tab).',
      );
    }
    spec.delimiter = delimiter;
  }
  if (flags.decimal !== undefined) {
    if (flags.decimal !== '.' && flags.decimal !== ',') {
      throw usage(
        `--decimal ${JSON.stringify(flags.decimal)} is not a decimal separator.`,
        'Use --decimal . or --decimal ,',
      );
    }
    spec.decimal = flags.decimal;
  }
  if (flags.encoding !== undefined) {
    const encoding = ENCODINGS[flags.encoding.trim().toLowerCase()];
    if (!encoding) {
      throw usage(
        `--encoding ${JSON.stringify(flags.encoding)} is not an encoding goals reads.`,
        'Use utf-8, utf-16le, utf-16be or windows-1252 (the default is to detect it).',
      );
    }
    spec.encoding = encoding;
  }
  applyRecordFlags(flags, spec, settings);
  for (const text of flags.segment ?? []) {
    const eq = text.indexOf('=');
    const key = eq === -1 ? text.trim() : text.slice(0, eq).trim();
    const column = eq === -1 ? text.trim() : text.slice(eq + 1).trim();
    if (!/^[A-Za-z0-9_-]+$/.test(key) || column === '') {
      throw usage(
        `--segment ${JSON.stringify(text)} is not key=Column.`,
        'Write the segment key, "=", and the column that holds its value: --segment team=Team.',
      );
    }
    spec.segments = { ...spec.segments, [key]: column };
  }
  for (const text of flags.metric ?? []) {
    const eq = text.lastIndexOf('=');
    if (eq === -1) {
      if (spec.layout === 'long') spec.metricColumn = text;
      // wide: a column whose header is the metric id itself.
      else spec.columns = { ...spec.columns, [text]: { metric: text } };
      continue;
    }
    const name = text.slice(0, eq);
    const m = /^\s*([A-Za-z0-9_-]+)\s*(?::\s*(\S.*?))?\s*$/.exec(text.slice(eq + 1));
    if (!m || name.trim() === '') {
      throw usage(
        `--metric ${JSON.stringify(text)} is not "Column=metric_id[:unit]".`,
        'Write the column (long layout: the name in the metric column), "=", the metric id and optionally ":" and the unit of its values: --metric "First reply (h)=first_response_time:h".',
      );
    }
    const target: MappingTarget = { metric: m[1]! };
    if (m[2] !== undefined) target.unit = m[2];
    if (spec.layout === 'long') spec.metrics = { ...spec.metrics, [name]: target };
    else spec.columns = { ...spec.columns, [name]: target };
  }
  return spec;
}

const RECORDS_FLAGS = ['preset', 'field', 'period', 'timezone', 'missing'] as const;
const DURATION_UNITS = new Set(['s', 'm', 'h', 'd', 'HH:MM:SS']);
const SCALES: readonly RatingScale[] = ['1-5', '1-7', '0-10', 'good-bad'];

/** --preset, --field, --period, --timezone, --missing: the records part of a spec. */
function applyRecordFlags(flags: ImportFlags, spec: ImportSpec, settings?: Settings): void {
  const given = RECORDS_FLAGS.filter((k) => {
    const v = flags[k];
    return Array.isArray(v) ? v.length > 0 : v !== undefined;
  });
  if (given.length === 0 && spec.layout !== 'records') return;
  if (spec.layout !== 'records') {
    if (flags.layout !== undefined || spec.sourceId !== undefined) {
      throw usage(
        `--${given[0]} is for records (one row per ticket, call or response), and the layout is ${spec.layout}.`,
        'Add --layout records, or leave the flag out.',
      );
    }
    // --preset or --field alone say what the file is.
    spec.layout = 'records';
  }
  const records: RecordsSpec = spec.records
    ? { ...spec.records, fields: { ...spec.records.fields } }
    : { fields: {}, context: recordsContext(settings) };
  spec.records = records;
  if (flags.preset !== undefined) {
    const preset = flags.preset.trim().toLowerCase();
    if (!(PRESET_IDS as readonly string[]).includes(preset)) {
      throw usage(
        `--preset ${JSON.stringify(flags.preset)} is not a preset goals knows.`,
        `Use one of ${PRESET_IDS.join(', ')}, or map the columns with --field.`,
      );
    }
    records.preset = preset;
  }
  if (flags.period !== undefined) {
    const period = flags.period.trim().toLowerCase();
    if (!['day', 'week', 'month', 'quarter'].includes(period)) {
      throw usage(
        `--period ${JSON.stringify(flags.period)} is not a period.`,
        'Use day, week (ISO, Monday), month or quarter.',
      );
    }
    records.period = period as PeriodKind;
  }
  if (flags.timezone !== undefined) {
    if (!isValidTimeZone(flags.timezone)) {
      throw usage(
        `--timezone ${JSON.stringify(flags.timezone)} is not a time zone goals knows.`,
        'Use an IANA zone name such as Europe/Sofia, America/New_York or UTC.',
      );
    }
    records.timezone = flags.timezone;
  }
  for (const text of flags.field ?? []) {
    const eq = text.indexOf('=');
    const name = eq === -1 ? '' : text.slice(0, eq).trim();
    const rest = eq === -1 ? '' : text.slice(eq + 1);
    const colon = rest.indexOf(':');
    // "Date+Time": the date in one column, the time of day in another.
    const [column = '', time] = (colon === -1 ? rest : rest.slice(0, colon))
      .split('+')
      .map((c) => c.trim());
    const option = colon === -1 ? undefined : rest.slice(colon + 1).trim();
    const fieldSpec: FieldSpec = { column };
    if (time !== undefined && time !== '') fieldSpec.time = time;
    if (option !== undefined) {
      if (DURATION_UNITS.has(option) || DURATION_UNITS.has(option.toLowerCase()))
        fieldSpec.unit = option;
      else if ((SCALES as readonly string[]).includes(option.toLowerCase()))
        fieldSpec.scale = option.toLowerCase() as RatingScale;
      else if (parseDateFormat(option)) fieldSpec.format = option;
      else fieldSpec.unit = option; // reported with the field's other problems
    }
    if (!(RECORD_FIELD_NAMES as readonly string[]).includes(name) || column === '') {
      const close = suggest(name, RECORD_FIELD_NAMES);
      throw usage(
        `--field ${JSON.stringify(text)} is not "field=Column[:unit]"${name !== '' && column !== '' ? `: ${name} is not a field` : ''}.`,
        `${close && close !== name ? `Did you mean ${close}? ` : ''}Write a field (${RECORD_FIELD_NAMES.join(', ')}), "=", the column, and optionally ":" and the unit (s, m, h, d, HH:MM:SS), the scale (1-5, 1-7, 0-10, good-bad) or the timestamp format (DD/MM/YYYY HH:mm): --field "first_reply=First reply time in minutes:m"; a date and a time in two columns: --field "created=Date+Time:DD/MM/YYYY".`,
      );
    }
    records.fields[name as RecordField] = fieldSpec;
  }
  // --missing rating=0: a value that means "no value" in one field's column only.
  for (const text of flags.missing ?? []) {
    const eq = text.indexOf('=');
    const field = eq === -1 ? undefined : (text.slice(0, eq).trim() as RecordField);
    if (field !== undefined && (RECORD_FIELD_NAMES as readonly string[]).includes(field)) {
      const fieldSpec = records.fields[field];
      if (!fieldSpec) {
        throw usage(
          `--missing ${JSON.stringify(text)} is for field ${field}, which no --field maps.`,
          `Map it first (--field "${field}=COLUMN"), or write --missing without "${field}=" for every column.`,
        );
      }
      records.fields[field] = {
        ...fieldSpec,
        missing: [...(fieldSpec.missing ?? []), text.slice(eq + 1)],
      };
    } else {
      records.missing = [...(records.missing ?? []), text];
    }
  }
}

const RECORD_FIELD_NAMES = RECORD_FIELDS;
const PRESET_IDS = Object.keys(PRESETS);

/**
 * A fingerprint of everything that decides how a file becomes snapshots
 * (the mapping, the time zone, whether bad rows are skipped, the catalog's
 * units and ranges): a sync skips a file only when its bytes and this are
 * both those of its latest import.
 */
export function fingerprintSpec(
  spec: ImportSpec,
  catalog: ReadonlyMap<string, MetricDefinition>,
  /** A warehouse source's database and query: changing either changes what its rows mean. */
  query?: { database: string; query: string },
): string {
  const { origin: _origin, ...rest } = spec;
  const metrics = [...catalog.values()]
    // By code unit: localeCompare would load ICU's collation for this alone.
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => [m.id, m.unit, m.range]);
  const from = query && { database: query.database, query: query.query };
  return createHash('sha256')
    .update(JSON.stringify({ v: 1, spec: sortKeys(rest), metrics, ...(from ? { from } : {}) }))
    .digest('hex');
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

function usage(message: string, hint: string): GoalsError {
  return new GoalsError('USAGE', message, { hint });
}
