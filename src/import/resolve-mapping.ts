/**
 * The mapping of a spec laid over a file's header: which field holds the
 * date, each segment, each metric (wide) or the metric name and value
 * (long), and which columns are left unmapped. Every problem is found in
 * one pass and points at the line to edit: goals.yaml for a source, the
 * CSV header for flags.
 */
import type { Finding } from '../core/finding.js';
import type { MetricDefinition } from '../core/metrics.js';
import { suggest } from '../core/suggest.js';
import type { CellProblem } from './cell-problem.js';
import { HeaderColumns } from './header-columns.js';
import type { ColumnRef, KeyPath } from './header-columns.js';
import type { ImportSpec, MappingTarget } from './import-spec.js';
import { DATE_FORMATS, parseDateFormat } from './parse-date.js';
import type { DateFormat } from './parse-date.js';
import { checkUnit, makeValueTarget } from './read-cell-value.js';
import type { ValueTarget } from './read-cell-value.js';

export type { ColumnRef } from './header-columns.js';

export interface ResolvedMapping {
  layout: 'wide' | 'long';
  header: readonly string[];
  /** Physical line of the header (2 after a `sep=` line). */
  headerLine: number;
  date: ColumnRef;
  /** The date column was not named but recognised by a usual name other than "date" (Month, Created at). */
  isDateRecognised: boolean;
  /** The declared format; undefined = detect it from the values. */
  dateFormat: DateFormat | undefined;
  /** Sorted by key, so segment keys come out canonical. */
  segments: Array<ColumnRef & { key: string }>;
  /** wide: the metric columns. */
  columns: Array<ColumnRef & { target: ValueTarget }>;
  /** long: the metric-name and value columns. */
  metricColumn: ColumnRef | undefined;
  valueColumn: ColumnRef | undefined;
  /** long: names declared under metrics:, with their units. */
  names: ReadonlyMap<string, ValueTarget>;
  catalog: ReadonlyMap<string, MetricDefinition>;
  unmapped: ColumnRef[];
}

export type MappingOutcome =
  | { ok: true; mapping: ResolvedMapping; warnings: CellProblem[] }
  | { ok: false; cellProblems: CellProblem[]; findings: Finding[] };

/**
 * Headers that name a date column in the exports of helpdesks, survey tools
 * and spreadsheets, folded by foldColumnName. Without --date-column, the one
 * column with such a name is the date.
 */
export const DATE_COLUMN_NAMES: ReadonlySet<string> = new Set([
  'date',
  'day',
  'week',
  'month',
  'quarter',
  'period',
  'created at',
  'created',
  'created date',
  'date created',
  'creation date',
  'timestamp',
  'datetime',
  'time',
  'week start',
  'week starting',
  'week of',
  'week beginning',
  'month start',
  'period start',
  'start date',
  'report date',
  'reporting date',
  'snapshot date',
]);

/** "Created_At", "created-at", "Created  at" → "created at". */
function foldColumnName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
}

/** Lays `spec` over `header`; collects every problem instead of stopping at the first. */
export function resolveMapping(
  header: readonly string[],
  headerLine: number,
  spec: ImportSpec,
  catalog: ReadonlyMap<string, MetricDefinition>,
  displayPath: string,
): MappingOutcome {
  const columnsOf = new HeaderColumns(header, headerLine, spec, displayPath);
  const { names, used, byName } = columnsOf;
  const warnings: CellProblem[] = [];
  const origin = spec.origin;
  const sourceName = spec.sourceId ? `source '${spec.sourceId}'` : 'the mapping';
  const listColumns = () => columnsOf.listColumns();
  const report = columnsOf.report.bind(columnsOf);
  const find = columnsOf.find.bind(columnsOf);

  /** A mapping target checked against the catalog and its unit. */
  const checkTarget = (
    target: MappingTarget,
    label: string,
    configPath: KeyPath,
    flag: string,
    unitHint?: (metricId: string) => string,
  ): ValueTarget | undefined => {
    const metric = catalog.get(target.metric);
    if (!metric) {
      const close = suggest(target.metric, catalog.keys());
      report(
        `${label} maps to "${target.metric}", which is not a metric.`,
        `${close ? `Did you mean ${close}? ` : ''}\`goals metrics\` lists the metrics; declare a new one under metrics: in goals.yaml${origin ? '' : `, or fix ${flag}`}.`,
        'import/unknown-metric',
        configPath,
      );
      return undefined;
    }
    const unitProblem = checkUnit(metric, target.unit);
    if (unitProblem) {
      report(
        `${label}: ${unitProblem}.`,
        origin
          ? `Fix the unit of ${label} under ${sourceName} in goals.yaml.`
          : `Fix the unit after ":" in ${flag}.`,
        'import/unknown-unit',
        configPath,
      );
      return undefined;
    }
    return makeValueTarget(metric, target.unit, unitHint?.(metric.id));
  };

  // The date column and its format.
  let dateFormat: DateFormat | undefined;
  if (spec.dateFormat !== undefined) {
    dateFormat = parseDateFormat(spec.dateFormat);
    if (!dateFormat) {
      report(
        `"${spec.dateFormat}" is not a date format goals reads.`,
        `Use one of ${DATE_FORMATS.join(', ')} (M/D/YYYY and D.M.YYYY also work; a time after the date is ignored).`,
        'import/date-format',
        ['date'],
      );
    }
  }
  let date: ColumnRef | undefined;
  let isDateRecognised = false;
  if (spec.dateColumn !== undefined) {
    date = find(spec.dateColumn, 'the date', ['date'], '--date-column');
  } else {
    // A column called "date" is the date; else the one column with a date's usual name.
    const named = (test: (folded: string) => boolean) =>
      names.map((n, index) => ({ n, index })).filter(({ n }) => test(foldColumnName(n)));
    const exact = named((n) => n === 'date');
    const usual = exact.length === 1 ? exact : named((n) => DATE_COLUMN_NAMES.has(n));
    if (usual.length === 1) {
      date = { index: usual[0]!.index, name: usual[0]!.n };
      isDateRecognised = exact.length !== 1;
      used.add(date.index);
    } else if (usual.length > 1) {
      const listed = usual.map(({ n }) => `"${n}"`).join(', ');
      report(
        `No date column given for ${displayPath}, and ${usual.length} columns could be it: ${listed}.`,
        `Name the date column: --date-column "${usual[0]!.n}" (or date: in the source in goals.yaml).`,
        'import/missing-column',
        undefined,
      );
    } else {
      report(
        `No date column given for ${displayPath}, and no column has a date's usual name (${[...DATE_COLUMN_NAMES].slice(0, 6).join(', ')} …).`,
        `${listColumns()} Name the date column: --date-column NAME (or date: in the source in goals.yaml).`,
        'import/missing-column',
        undefined,
      );
    }
  }

  // Segments, sorted by key so that keys come out canonical.
  const segments: ResolvedMapping['segments'] = [];
  for (const key of Object.keys(spec.segments ?? {}).sort()) {
    const column = find(
      spec.segments![key]!,
      `segment ${key}`,
      ['segments', key],
      `--segment ${key}=COLUMN`,
    );
    if (column) segments.push({ ...column, key });
  }

  const columns: ResolvedMapping['columns'] = [];
  const declaredNames = new Map<string, ValueTarget>();
  let metricColumn: ColumnRef | undefined;
  let valueColumn: ColumnRef | undefined;
  if (spec.layout === 'wide') {
    if (spec.columns && Object.keys(spec.columns).length > 0) {
      for (const [name, target] of Object.entries(spec.columns)) {
        const configPath = ['columns', name];
        const flag = `--metric "${name}=${target.metric}"`;
        const column = find(name, `mapped to ${target.metric}`, configPath, flag);
        const valueTarget = checkTarget(target, `Column "${name.trim()}"`, configPath, flag);
        if (column && valueTarget) columns.push({ ...column, target: valueTarget });
      }
    } else {
      // No mapping: columns named exactly like a metric id are that metric.
      names.forEach((n, index) => {
        const metric = catalog.get(n) ?? catalog.get(n.toLowerCase());
        if (metric && !used.has(index) && byName.get(n)?.length === 1) {
          used.add(index);
          columns.push({ index, name: n, target: makeValueTarget(metric, undefined) });
        }
      });
      if (columns.length === 0 && date) {
        report(
          `No column of ${displayPath} maps to a metric.`,
          `${listColumns()} Map them: columns: { "CSAT %": csat } in the source in goals.yaml, or --metric "CSAT %=csat"; \`goals metrics\` lists the metric ids. For a file with metric and value columns, use --layout long.`,
          'import/no-metrics',
          spec.origin ? ['columns'] : undefined,
        );
      }
    }
  } else {
    metricColumn = find(
      spec.metricColumn ?? 'metric',
      'the metric names',
      spec.metricColumn !== undefined ? ['metric_column'] : undefined,
      '--metric COLUMN',
    );
    valueColumn = find(
      spec.valueColumn ?? 'value',
      'the values',
      spec.valueColumn !== undefined ? ['value_column'] : undefined,
      '--value-column',
    );
    for (const [name, target] of Object.entries(spec.metrics ?? {})) {
      const valueTarget = checkTarget(
        target,
        `The name "${name}"`,
        ['metrics', name],
        `--metric "${name}=${target.metric}"`,
        (id) =>
          `Say the unit of the ${name} values: in goals.yaml metrics: { ${JSON.stringify(name)}: { metric: ${id}, unit: h } } (s, m, h or d), or --metric "${name}=${id}:h".`,
      );
      if (valueTarget) declaredNames.set(name.trim(), valueTarget);
    }
  }

  const unmapped = columnsOf.unmapped((index) => columns.some((c) => c.index === index));
  warnings.push(...columnsOf.duplicateWarnings());

  if (columnsOf.hasProblems || !date) {
    return { ok: false, cellProblems: columnsOf.cellProblems, findings: columnsOf.findings };
  }
  return {
    ok: true,
    warnings,
    mapping: {
      layout: spec.layout === 'long' ? 'long' : 'wide',
      header: names,
      headerLine,
      date,
      isDateRecognised,
      dateFormat,
      segments,
      columns,
      metricColumn,
      valueColumn,
      names: declaredNames,
      catalog,
      unmapped,
    },
  };
}
