/**
 * A records source for `goals init` and `goals new` (DESIGN §11): a ticket
 * or survey export is recognised by its header (recogniseRecordsExport), and
 * the source that reads it — preset, period, segments, the time zone of its
 * timestamps — is read once as a sync would read it, so that what is
 * proposed is known to work, and its snapshots can propose a baseline before
 * anything is written. A "no value" cell the export writes in timestamps
 * (the 1900-01-01 of BI tools) joins `missing:` and the file is read again.
 */
import type { Settings, SourceInput } from '../config/schema.js';
import type { MetricDefinition } from '../core/metrics.js';
import { sortPoints } from '../core/snapshot.js';
import type { Point } from '../core/snapshot.js';
import { specFromSource } from './import-spec.js';
import { inspectRecords } from './inspect-records.js';
import type { RecordsInspectResult } from './inspect-records.js';
import { firstRecords } from './inspect-file.js';
import { fileRows } from './row-source.js';
import { recogniseRecordsExport } from './presets/index.js';
import type { PresetId } from './presets/index.js';
import type { PresetMatch } from './presets/preset.js';
import type { SnapshotSink } from './read-snapshots.js';
import { scanFile } from './scan-file.js';
import { sniffDialect } from './sniff-dialect.js';

export type Period = NonNullable<SourceInput['period']>;

/** An export's header, and the preset it is an export of (undefined: none goals knows). */
export async function recogniseExport(
  path: string,
  displayPath: string,
): Promise<{ header: string[]; match: PresetMatch | undefined }> {
  const scan = await scanFile(path, displayPath);
  const dialect = sniffDialect(scan.head, displayPath, {});
  const [first] = await firstRecords(fileRows(scan, dialect, displayPath), 1);
  const header = (first?.fields ?? []).map((h) => h.trim());
  return { header, match: recogniseRecordsExport(header) };
}

export interface ProposeSourceOptions {
  path: string;
  displayPath: string;
  /** The path as goals.yaml writes it: relative to its folder. */
  sourcePath: string;
  match: PresetMatch;
  settings: Settings;
  catalog: ReadonlyMap<string, MetricDefinition>;
  /** Ids of the sources goals.yaml has: the new one gets another. */
  sourceIds: ReadonlySet<string>;
  /** Default week. */
  period?: Period | undefined;
  /** Time zone of the export's timestamps; default: the header's, else settings.timezone. */
  timezone?: string | undefined;
  /** Segment key → column; default: the preset's usual segment columns the header has. */
  segments?: Readonly<Record<string, string>> | undefined;
  signal?: AbortSignal | undefined;
}

export interface SourceProposal {
  /** The source to write under sources:. */
  source: SourceInput;
  /** The export read with it: rows, periods, what it computes, what would stop a sync. */
  inspected: RecordsInspectResult;
  /** Cells added to missing: because the export writes them for "no value". */
  addedMissing: string[];
  /** The snapshots it gives of a metric and segment (canonical key), sorted by date. */
  pointsOf(metric: string, segment: string): Point[];
}

/** Reads the export as the proposed source; throws CSV_UNREADABLE as an import does. */
export async function proposeRecordsSource(options: ProposeSourceOptions): Promise<SourceProposal> {
  const { match } = options;
  const timezone = options.timezone ?? match.timezone;
  const segments = options.segments ?? match.segments;
  const sourceWith = (missing: string[]): SourceInput => ({
    id: freeId(match.preset.id, options.sourceIds),
    path: options.sourcePath,
    layout: 'records',
    preset: match.preset.id as PresetId,
    ...(timezone !== undefined && timezone !== options.settings.timezone ? { timezone } : {}),
    period: options.period ?? 'week',
    ...(missing.length > 0 ? { missing } : {}),
    ...(Object.keys(segments).length > 0 ? { segments: { ...segments } } : {}),
  });
  const series = new Map<string, Point[]>();
  const sink: SnapshotSink = {
    add: (batch) => {
      for (let i = 0; i < batch.length; i++) {
        const { metric, segment, date, value, n, partial } = batch.at(i);
        const key = `${metric}\x1f${segment}`;
        const point = n === undefined ? { date, value } : { date, value, n, partial };
        const points = series.get(key);
        if (points) points.push(point);
        else series.set(key, [point]);
      }
    },
    reset: () => series.clear(),
  };
  const read = (source: SourceInput) => {
    series.clear();
    return inspectRecords({
      path: options.path,
      displayPath: options.displayPath,
      spec: specFromSource(source, { settings: options.settings }),
      catalog: options.catalog,
      signal: options.signal,
      sink,
    });
  };
  let source = sourceWith([]);
  let inspected = await read(source);
  const suspects = [...(inspected.outcome?.suspects.keys() ?? [])];
  if (suspects.length > 0 && inspected.refusal !== undefined) {
    source = sourceWith(suspects);
    inspected = await read(source);
  }
  return {
    source,
    inspected,
    addedMissing: source.missing ?? [],
    pointsOf: (metric, segment) => sortPoints(series.get(`${metric}\x1f${segment}`) ?? []),
  };
}

/** `zendesk`, else `zendesk-2`, `zendesk-3` … */
function freeId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}
