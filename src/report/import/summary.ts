/**
 * What `goals import` prints on stdout: one summary line per file with its
 * counts ("12 new, 3 updated, 85 unchanged"), and the values it replaced.
 */
import type { ChalkInstance } from 'chalk';
import { formatMetricValue } from '../../core/format-value.js';
import type { MetricDefinition } from '../../core/metrics.js';
import { formatSegment, parseSegmentKey } from '../../core/snapshot.js';
import { sanitizeLine } from '../../core/text.js';
import type { ImportResult } from '../../import/import-file.js';
import { queryDisplayPath } from '../../warehouse/query-rows.js';
import type { ImportCounts, SampleSize } from '../../store/staging.js';

const count = (n: number) => n.toLocaleString('en-US');
/** "1 row", "150,000 rows". */
const noun = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;

/** "12 new, 3 updated, 85 unchanged" (", 2 removed" when a source's file dropped rows). */
export function formatCounts(counts: ImportCounts): string {
  const removed = counts.removed > 0 ? `, ${count(counts.removed)} removed` : '';
  return `${count(counts.inserted)} new, ${count(counts.updated)} updated, ${count(counts.unchanged)} unchanged${removed}`;
}

/** Rows of a warehouse query: named by their source, numbered from the first row of the result. */
function isQuery(result: ImportResult): boolean {
  return result.sourceId !== undefined && result.file === queryDisplayPath(result.sourceId);
}

function describeFile(result: ImportResult): string {
  const file = sanitizeLine(result.file);
  if (result.sourceId === undefined) return file;
  if (isQuery(result)) return `the query of source ${sanitizeLine(result.sourceId)}`;
  return `${file} (source ${sanitizeLine(result.sourceId)})`;
}

function describeRows(result: ImportResult): string {
  const skipped = result.skippedRows > 0 ? ` (${noun(result.skippedRows, 'bad row')} skipped)` : '';
  const since = result.since ? ` dated ${result.since} or later` : '';
  return `${noun(result.rows, 'row')}${since}${skipped}, ${noun(result.snapshots, 'snapshot')}`;
}

/** The summary of one imported (or dry-run) file, with the values it replaces. */
export function formatImportSummary(
  result: ImportResult,
  options: {
    chalk: ChalkInstance;
    catalog: ReadonlyMap<string, MetricDefinition>;
    quiet?: boolean;
  },
): string {
  const { chalk } = options;
  const { counts } = result;
  const isNoop = counts.inserted === 0 && counts.updated === 0 && counts.removed === 0;
  // Quiet: an import that changed nothing has nothing to say.
  if (options.quiet && isNoop && result.status !== 'dry-run') return '';
  let out: string;
  if (result.status === 'dry-run') {
    out = `${chalk.bold('Dry run')} of ${describeFile(result)}: ${describeRows(result)}: would be ${formatCounts(counts)}. Nothing was written.\n`;
  } else {
    out = `${chalk.green('Imported')} ${describeFile(result)}: ${describeRows(result)}: ${formatCounts(counts)}.${isNoop ? ' Nothing changed.' : ''}\n`;
  }
  const mapping =
    result.outcome && 'mapping' in result.outcome ? result.outcome.mapping : undefined;
  if (!options.quiet && mapping?.isDateRecognised) {
    out += `  dates from column "${sanitizeLine(mapping.date.name)}" ${recognisedDate()}\n`;
  }
  const isRecords = result.outcome?.kind === 'records';
  if (!options.quiet && result.updates.length > 0) {
    for (const u of result.updates) {
      const metric = options.catalog.get(u.metric);
      const value = (v: number) => (metric ? formatMetricValue(v, metric.unit) : String(v));
      // A records snapshot shows the rows behind it: a period that became
      // complete may keep its value and gain rows.
      const show = (v: number, sample: SampleSize | null) =>
        sample
          ? `${value(v)} (${noun(sample.n, 'row')}${sample.partial ? ', partial period' : ''})`
          : value(v);
      const segment = formatSegment(parseSegmentKey(u.segment));
      // A records snapshot comes from many rows, not from a line.
      const where = isRecords
        ? ''
        : `  ${chalk.dim(isQuery(result) ? `row ${u.line - 1}` : `line ${u.line}`)}`;
      out += `  ${result.status === 'dry-run' ? 'would update' : 'updated'} ${sanitizeLine(u.metric)} (${sanitizeLine(segment)}) on ${u.date}: ${show(u.before, u.sampleBefore)} → ${show(u.after, u.sampleAfter)}${where}\n`;
    }
    if (counts.updated > result.updates.length) {
      out += `  ${chalk.dim(`… and ${count(counts.updated - result.updates.length)} more`)}\n`;
    }
  }
  if (!options.quiet && result.removals.length > 0) {
    for (const r of result.removals) {
      const metric = options.catalog.get(r.metric);
      const show = metric ? formatMetricValue(r.value, metric.unit) : String(r.value);
      const segment = formatSegment(parseSegmentKey(r.segment));
      out += `  ${result.status === 'dry-run' ? 'would remove' : 'removed'} ${sanitizeLine(r.metric)} (${sanitizeLine(segment)}) on ${r.date}: ${show}  ${chalk.dim('no longer in the file')}\n`;
    }
    if (counts.removed > result.removals.length) {
      out += `  ${chalk.dim(`… and ${count(counts.removed - result.removals.length)} more`)}\n`;
    }
  }
  return out;
}

/** Why a date column that was not named was taken: said by the import summary and --inspect. */
export function recognisedDate(): string {
  return '(recognised by its name; --date-column NAME takes another)';
}

/** One stderr line for a source that a sync imported. */
export function formatSyncLine(result: ImportResult, chalk: ChalkInstance): string {
  return `${chalk.dim('Synced')} ${describeFile(result)}: ${formatCounts(result.counts)}.\n`;
}
