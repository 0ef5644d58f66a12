/**
 * A records source laid over a file's header (DESIGN §11): the preset's
 * fields, overridden by the declared ones, each found in the header with
 * how its cells are read (timestamp, duration and its unit, rating and its
 * scale, yes/no, count, text). Every problem is collected in one pass and
 * points at the line to edit: goals.yaml for a source, the header for flags.
 */
import { isValidTimeZone } from '../core/dates.js';
import { durationUnitSeconds } from '../core/duration.js';
import type { Finding } from '../core/finding.js';
import type { PeriodKind, RatingScale, RecordField } from '../core/records/record.js';
import type { CellProblem } from './cell-problem.js';
import { HeaderColumns } from './header-columns.js';
import type { ColumnRef, KeyPath } from './header-columns.js';
import type { FieldSpec, ImportSpec, RecordFields } from './import-spec.js';
import { DATE_FORMATS, parseDateFormat } from './parse-date.js';
import type { DateFormat } from './parse-date.js';
import { PRESETS, recognisePreset } from './presets/index.js';
import type { PresetId } from './presets/index.js';
import { matchPreset } from './presets/preset.js';
import type { PresetMatch } from './presets/preset.js';

/**
 * How a field's cells read. `timestamp-or-duration` (first_reply) and
 * `yes-no-or-timestamp` (answered) are decided by the declaration, else by
 * the first value in the file.
 */
export type FieldKind =
  | 'text'
  | 'timestamp'
  | 'duration'
  | 'rating'
  | 'count'
  | 'yes-no'
  | 'timestamp-or-duration'
  | 'yes-no-or-timestamp';

export const FIELD_KINDS: Readonly<Record<RecordField, FieldKind>> = {
  id: 'text',
  created: 'timestamp',
  first_reply: 'timestamp-or-duration',
  first_reply_business: 'duration',
  solved: 'timestamp',
  resolution: 'duration',
  resolution_business: 'duration',
  status: 'text',
  rating: 'rating',
  score: 'rating',
  reopens: 'count',
  replies: 'count',
  answered: 'yes-no-or-timestamp',
  wait: 'duration',
  handle: 'duration',
  resolved: 'yes-no',
  started: 'timestamp',
  ended: 'timestamp',
};

export const RECORD_FIELDS = Object.keys(FIELD_KINDS) as RecordField[];

/** One field found in the header, with how its cells are read. */
export interface ResolvedField extends ColumnRef {
  field: RecordField;
  kind: FieldKind;
  /** Where the mapping came from, for --inspect. */
  origin: 'declared' | 'preset';
  /** Timestamps: the declared format; undefined = learned from the file. */
  format: DateFormat | undefined;
  /** Timestamps: the column holding the time of day. */
  time: ColumnRef | undefined;
  /** Durations: the unit as written (s, m, h, d, HH:MM:SS). */
  unit: string | undefined;
  /** Durations: seconds per bare number; undefined = bare numbers have no unit. */
  secondsPerUnit: number | undefined;
  /** Ratings: the scale, or the scales the first rating chooses from. */
  scales: readonly RatingScale[];
  /** Cells that mean "no value": the source's and the field's own. */
  missing: ReadonlySet<string>;
}

export interface ResolvedRecords {
  header: readonly string[];
  headerLine: number;
  /** In the order of RECORD_FIELDS. */
  fields: ResolvedField[];
  /** Sorted by key, as RecordRow.segments and RecordSettings.segmentKeys. */
  segments: Array<ColumnRef & { key: string }>;
  /** The preset declared, or the one the header looks like (only named, not applied). */
  preset: PresetMatch | undefined;
  isPresetDeclared: boolean;
  timeZone: string;
  timeZoneSource: 'declared' | 'header' | 'settings';
  period: PeriodKind;
  /** Cells that mean "no value" in every column (the source's and its preset's). */
  missing: ReadonlySet<string>;
  /** Columns no field or segment reads. */
  unmapped: ColumnRef[];
}

export type FieldsOutcome =
  | { ok: true; records: ResolvedRecords; warnings: CellProblem[] }
  | { ok: false; cellProblems: CellProblem[]; findings: Finding[] };

/** A records source's period when it does not say: a week, what a team looks at on Mondays. */
export const DEFAULT_PERIOD: PeriodKind = 'week';

/** Lays a records spec (and its preset) over a header. */
export function resolveFields(
  header: readonly string[],
  headerLine: number,
  spec: ImportSpec,
  displayPath: string,
): FieldsOutcome {
  const records = spec.records!;
  const columns = new HeaderColumns(header, headerLine, spec, displayPath);
  const declaredPreset = records.preset as PresetId | undefined;
  const preset = declaredPreset
    ? matchPreset(PRESETS[declaredPreset], columns.names)
    : recognisePreset(columns.names);
  const fileMissing = [...(preset && declaredPreset ? (preset.preset.missing ?? []) : [])];
  for (const m of records.missing ?? []) if (!fileMissing.includes(m)) fileMissing.push(m);

  // Declared fields override the preset's; without a declared preset, none is applied.
  const specs: RecordFields = { ...(declaredPreset ? preset?.fields : {}), ...records.fields };
  const declared = new Set(Object.keys(records.fields));
  const fields: ResolvedField[] = [];
  for (const field of RECORD_FIELDS) {
    const fieldSpec = specs[field];
    if (!fieldSpec) continue;
    const isDeclared = declared.has(field);
    const resolved = resolveField(field, fieldSpec, isDeclared, columns, fileMissing);
    if (resolved) fields.push(resolved);
  }
  if (fields.some((f) => f.field === 'rating') && fields.some((f) => f.field === 'score')) {
    columns.report(
      'rating and score are both mapped: a row has one rating (a ticket or call) or one score (a survey response).',
      'Keep one of them; to compute two scores of one survey, declare two sources on the same file.',
      'import/field-conflict',
      ['fields', 'score'],
    );
  }

  const segments: ResolvedRecords['segments'] = [];
  for (const key of Object.keys(spec.segments ?? {}).sort()) {
    const column = columns.find(
      spec.segments![key]!,
      `segment ${key}`,
      ['segments', key],
      `--segment ${key}=COLUMN`,
    );
    if (column) segments.push({ ...column, key });
  }

  if (fields.length === 0 && !columns.hasProblems) {
    columns.report(
      `No field of ${displayPath} is mapped, so no metric can be computed.`,
      `${columns.listColumns()} ${preset && !declaredPreset ? `The header looks like a ${preset.preset.name}: write preset: ${preset.preset.id} (or --preset ${preset.preset.id}). ` : ''}Otherwise say which column holds each field: fields: { created: "Created at", solved: "Solved at" } in goals.yaml, or --field created="Created at".`,
      'import/no-fields',
      spec.origin ? ['layout'] : undefined,
    );
  }

  // A preset that fits another kind of export: say which one fits.
  if (declaredPreset && Object.keys(records.fields).length === 0 && !columns.hasProblems) {
    const likely = recognisePreset(columns.names);
    const found = preset!.recognised.map((r) => columns.names[r.index]!);
    if (likely && likely.preset.id !== declaredPreset && likely.recognised.length > found.length) {
      columns.report(
        `${displayPath} does not look like a ${PRESETS[declaredPreset].name}: preset ${declaredPreset} finds ${found.length === 0 ? 'none of its columns' : `only ${found.map((n) => `"${n}"`).join(', ')}`}, and the header is a ${likely.preset.name}'s.`,
        `Write preset: ${likely.preset.id} (or --preset ${likely.preset.id}); \`goals import --inspect FILE\` shows what each preset recognises.`,
        'import/wrong-preset',
        spec.origin ? ['preset'] : undefined,
      );
    }
  }

  const timeZoneSource: ResolvedRecords['timeZoneSource'] =
    records.timezone !== undefined ? 'declared' : preset?.timezone ? 'header' : 'settings';
  const timeZone = records.timezone ?? preset?.timezone ?? records.context.timeZone;
  if (timeZoneSource === 'header' && !isValidTimeZone(timeZone)) {
    columns.report(
      `The header names the time zone "${timeZone}", which goals does not know.`,
      'Declare the zone of the timestamps: timezone: Europe/London in the source in goals.yaml (or --timezone).',
      'import/time-zone',
      spec.origin ? ['timezone'] : undefined,
    );
  }

  if (columns.hasProblems) {
    return { ok: false, cellProblems: columns.cellProblems, findings: columns.findings };
  }
  const used = new Set(fields.flatMap((f) => (f.time ? [f.index, f.time.index] : [f.index])));
  return {
    ok: true,
    warnings: columns.duplicateWarnings(),
    records: {
      header: columns.names,
      headerLine,
      fields,
      segments,
      preset,
      isPresetDeclared: declaredPreset !== undefined,
      timeZone,
      timeZoneSource,
      period: records.period ?? DEFAULT_PERIOD,
      missing: new Set(fileMissing),
      unmapped: columns.unmapped((i) => used.has(i)),
    },
  };
}

function resolveField(
  field: RecordField,
  spec: FieldSpec,
  isDeclared: boolean,
  columns: HeaderColumns,
  fileMissing: readonly string[],
): ResolvedField | undefined {
  const path: KeyPath = isDeclared ? ['fields', field] : ['preset'];
  const flag = `--field ${field}=COLUMN`;
  const column = columns.find(spec.column, `field ${field}`, path, flag);
  let kind = FIELD_KINDS[field];
  // A declaration decides what a two-way field is.
  if (kind === 'timestamp-or-duration') {
    if (spec.unit !== undefined) kind = 'duration';
    else if (spec.format !== undefined || spec.time !== undefined) kind = 'timestamp';
  } else if (kind === 'yes-no-or-timestamp' && (spec.format !== undefined || spec.time)) {
    kind = 'timestamp';
  }

  let format: DateFormat | undefined;
  if (spec.format !== undefined) {
    format = parseDateFormat(spec.format);
    if (!format) {
      columns.report(
        `"${spec.format}" is not a timestamp format goals reads (field ${field}).`,
        `Write the date part as one of ${DATE_FORMATS.join(', ')}, followed by the time (HH:mm, HH:mm:ss, hh:mm A): DD/MM/YYYY HH:mm.`,
        'import/date-format',
        isDeclared ? ['fields', field, 'format'] : undefined,
      );
    }
  }
  const time =
    spec.time === undefined
      ? undefined
      : columns.find(spec.time, `the time of field ${field}`, [...path, 'time'], flag);

  let secondsPerUnit: number | undefined;
  if (spec.unit !== undefined && spec.unit.toUpperCase() !== 'HH:MM:SS') {
    secondsPerUnit = durationUnitSeconds(spec.unit);
    if (secondsPerUnit === undefined) {
      columns.report(
        `"${spec.unit}" is not a duration unit (field ${field}).`,
        'Use s, m, h, d, or HH:MM:SS for clock-like durations (0:04:43).',
        'import/unknown-unit',
        isDeclared ? ['fields', field, 'unit'] : undefined,
      );
    }
  }

  const scales: RatingScale[] = spec.scale ? [spec.scale] : [...(spec.scales ?? [])];
  if (kind === 'rating' && scales.length === 0) {
    columns.report(
      `Field ${field} has no scale: goals cannot tell a satisfied rating from an unsatisfied one.`,
      `Say the scale: ${field}: { column: ${JSON.stringify(spec.column)}, scale: 1-5 } (1-5, 1-7, 0-10 or good-bad) in goals.yaml, or --field "${field}=${spec.column}:1-5".`,
      'import/rating-scale',
      isDeclared ? ['fields', field] : undefined,
    );
  }
  if (!column) return undefined;
  return {
    ...column,
    field,
    kind,
    origin: isDeclared ? 'declared' : 'preset',
    format,
    time,
    unit: spec.unit,
    secondsPerUnit,
    scales,
    missing: new Set([...fileMissing, ...(spec.missing ?? [])]),
  };
}
