/**
 * How to read one export: a source of goals.yaml, flags for a one-off file,
 * or a source with flags on top. Positions in goals.yaml travel with it so
 * that a mapping problem points at the line to edit.
 */
import { createHash } from 'node:crypto';
import type { SourceInput } from '../config/schema.js';
import { GoalsError } from '../core/errors.js';
import type { MetricDefinition } from '../core/metrics.js';
import type { Encoding } from './scan-file.js';
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

export interface ImportSpec {
  /** The source id in goals.yaml, when the file is read as one. */
  sourceId?: string | undefined;
  layout: 'wide' | 'long';
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

/** The spec of a source declared in goals.yaml. */
export function specFromSource(
  source: SourceInput,
  options: { origin?: SpecOrigin | undefined; timeZone?: string | undefined } = {},
): ImportSpec {
  const date = typeof source.date === 'string' ? { column: source.date } : source.date;
  return {
    sourceId: source.id,
    layout: source.layout,
    dateColumn: date.column,
    dateFormat: date.format,
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
    origin: options.origin,
  };
}

/** The mapping flags of `goals import`. */
export interface ImportFlags {
  layout?: 'wide' | 'long' | undefined;
  dateColumn?: string | undefined;
  dateFormat?: string | undefined;
  metric?: string[] | undefined;
  valueColumn?: string | undefined;
  segment?: string[] | undefined;
  delimiter?: string | undefined;
  decimal?: string | undefined;
  encoding?: string | undefined;
  skipInvalid?: boolean | undefined;
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
export function specFromFlags(flags: ImportFlags, base?: ImportSpec): ImportSpec {
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

/**
 * A fingerprint of everything that decides how a file becomes snapshots
 * (the mapping, the time zone, whether bad rows are skipped, the catalog's
 * units and ranges): a sync skips a file only when its bytes and this are
 * both those of its latest import.
 */
export function fingerprintSpec(
  spec: ImportSpec,
  catalog: ReadonlyMap<string, MetricDefinition>,
): string {
  const { origin: _origin, ...rest } = spec;
  const metrics = [...catalog.values()]
    .map((m) => [m.id, m.unit, m.range])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  return createHash('sha256')
    .update(JSON.stringify({ v: 1, spec: sortKeys(rest), metrics }))
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
