/**
 * Typed access to the snapshot store: the only code besides the migrations
 * that speaks SQL. Every call translates SQLite's errors into GoalsErrors.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Point } from '../core/snapshot.js';
import { Merger, Staging } from './staging.js';
import type { MergeOptions, MergePart, MergeResult, Preview } from './staging.js';
import { translateStoreError } from './store-error.js';

/** A recorded import, as the `imports` table holds it. */
export interface ImportRecord {
  id: number;
  source: string | null;
  path: string;
  sha256: string;
  mapping: string;
  rows: number;
  snapshots: number;
  inserted: number;
  updated: number;
  unchanged: number;
  skipped: number;
  importedAt: string;
  /** After it, the source's snapshots were exactly what the file gave (source imports from migration 2 on). */
  exact: boolean;
  /** 'size mtime_ns ctime_ns inode' of the file as read; null when not trusted. */
  stat: string | null;
}

/** A value that a later import replaced. */
export interface Revision {
  metric: string;
  segment: string;
  date: string;
  value: number;
  importId: number;
  replacedBy: number;
  /** The value was deleted (its source's file no longer gave it), not replaced. */
  deleted: boolean;
  /** Records sources: the rows behind the replaced value (absent for a KPI file's value). */
  n?: number;
  partial?: boolean;
}

export interface StoredSnapshot {
  metric: string;
  segment: string;
  date: string;
  value: number;
  importId: number;
  /** The source that owns it; null for a one-off import. */
  source: string | null;
  /** Records sources (DESIGN §11): the rows behind the value, and whether its period is partial. */
  n?: number;
  partial?: boolean;
}

/** A row of the snapshots or revisions table: n and partial are NULL for a KPI file's value. */
interface RawSample {
  n: number | null;
  partial: number | null;
}

/** The row with n and partial as a Point has them: present for a records source's value only. */
function withSample<T extends RawSample>(
  row: T,
): Omit<T, 'n' | 'partial'> & { n?: number; partial?: boolean } {
  const { n, partial, ...rest } = row;
  return n === null ? rest : { ...rest, n, partial: partial === 1 };
}

interface StoreInfo {
  path: string;
  timeoutMs: number;
  readonly: boolean;
}

export class SnapshotStore {
  readonly path: string;
  readonly readonly: boolean;
  private readonly timeoutMs: number;
  private pointsStatement: Statement<[string, string], RawPoint> | undefined;
  private rangeStatement: Statement<[string, string, string, string], RawPoint> | undefined;
  private beforeStatement: Statement<[string, string, string, number], RawPoint> | undefined;
  private readonly stagings = new Set<Staging>();
  private merger: Merger | undefined;

  constructor(
    private readonly db: Database,
    info: StoreInfo,
  ) {
    this.path = info.path;
    this.timeoutMs = info.timeoutMs;
    this.readonly = info.readonly;
  }

  /** Runs `fn`, turning SQLite's errors into GoalsErrors that name the store. */
  guard<T>(fn: () => T): T {
    try {
      return fn();
    } catch (error) {
      throw translateStoreError(error, this.path, this.timeoutMs);
    }
  }

  /** Snapshots of one metric and segment (canonical key), oldest first, with n and partial for records. */
  pointsOf(metric: string, segment: string): Point[] {
    return this.guard(() => {
      this.pointsStatement ??= this.db
        .prepare<[string, string], RawPoint>(
          `SELECT ${POINT_COLUMNS} FROM snapshots WHERE metric = ? AND segment = ? ORDER BY date`,
        )
        .raw(true);
      return this.pointsStatement.all(metric, segment).map(pointOf);
    });
  }

  /**
   * The segments (canonical keys, sorted) with snapshots of a metric: every
   * team, agent, channel … a breakdown of the metric can rank.
   */
  segmentsOf(metric: string): string[] {
    return this.guard(() =>
      this.db
        .prepare<[string], { segment: string }>(
          'SELECT DISTINCT segment FROM snapshots WHERE metric = ? ORDER BY segment',
        )
        .all(metric)
        .map((row) => row.segment),
    );
  }

  /**
   * Snapshots of one series dated from `from` to `to`, plus the `before`
   * newest ones before `from`, oldest first: what evaluating a goal needs,
   * without reading years of history (see core's pointWindowOf).
   */
  pointsNear(
    metric: string,
    segment: string,
    window: { from: string; to: string; before: number },
  ): Point[] {
    return this.guard(() => {
      this.rangeStatement ??= this.db
        .prepare<[string, string, string, string], RawPoint>(
          `SELECT ${POINT_COLUMNS} FROM snapshots WHERE metric = ? AND segment = ? AND date >= ? AND date <= ? ORDER BY date`,
        )
        .raw(true);
      this.beforeStatement ??= this.db
        .prepare<[string, string, string, number], RawPoint>(
          `SELECT ${POINT_COLUMNS} FROM snapshots WHERE metric = ? AND segment = ? AND date < ? ORDER BY date DESC LIMIT ?`,
        )
        .raw(true);
      const before = this.beforeStatement.all(metric, segment, window.from, window.before);
      const points: Point[] = [];
      for (let i = before.length - 1; i >= 0; i--) points.push(pointOf(before[i]!));
      for (const row of this.rangeStatement.all(metric, segment, window.from, window.to)) {
        points.push(pointOf(row));
      }
      return points;
    });
  }

  countSnapshots(): number {
    return this.guard(
      () =>
        (this.db.prepare('SELECT count(*) AS n FROM snapshots').get() as { n: number } | undefined)
          ?.n ?? 0,
    );
  }

  /** Every snapshot, ordered by key; for tests and small stores. */
  listSnapshots(): StoredSnapshot[] {
    return this.guard(() =>
      (
        this.db
          .prepare(
            'SELECT metric, segment, date, value, import_id AS importId, source, n, partial FROM snapshots ORDER BY metric, segment, date',
          )
          .all() as Array<Omit<StoredSnapshot, 'n' | 'partial'> & RawSample>
      ).map(withSample),
    );
  }

  /** The latest import of a source (what the store reflects of it), if any. */
  latestImport(source: string): ImportRecord | undefined {
    return this.guard(() => {
      const row = this.db
        .prepare(`SELECT ${IMPORT_COLUMNS} FROM imports WHERE source = ? ORDER BY id DESC LIMIT 1`)
        .get(source) as RawImport | undefined;
      return row && toImportRecord(row);
    });
  }

  /** The newest date of the snapshots a source owns: where a warehouse query reads on from. */
  newestDateOf(source: string): string | undefined {
    return this.guard(
      () =>
        (this.db.prepare('SELECT max(date) FROM snapshots WHERE source = ?').pluck().get(source) as
          string | null) ?? undefined,
    );
  }

  /** Records a trusted stat of a file the import read, once a sync found its bytes unchanged. */
  refreshStat(importId: number, stat: string): void {
    this.guard(() =>
      this.db.prepare('UPDATE imports SET stat = ? WHERE id = ?').run(stat, importId),
    );
  }

  /** Every source id that ever imported into this store. */
  sourcesOfImports(): string[] {
    return this.guard(
      () =>
        this.db
          .prepare('SELECT DISTINCT source FROM imports WHERE source IS NOT NULL ORDER BY source')
          .pluck()
          .all() as string[],
    );
  }

  listImports(): ImportRecord[] {
    return this.guard(() =>
      (
        this.db.prepare(`SELECT ${IMPORT_COLUMNS} FROM imports ORDER BY id`).all() as RawImport[]
      ).map(toImportRecord),
    );
  }

  /** Replaced values of one metric and segment, oldest first. */
  revisionsOf(metric: string, segment: string): Revision[] {
    return this.guard(
      () =>
        this.db
          .prepare(
            `SELECT metric, segment, date, value, import_id AS importId, replaced_by AS replacedBy,
                    deleted, n, partial
             FROM revisions WHERE metric = ? AND segment = ? ORDER BY date, id`,
          )
          .all(metric, segment) as Array<
          Omit<Revision, 'deleted' | 'n' | 'partial'> & { deleted: number } & RawSample
        >,
    ).map((r) => withSample({ ...r, deleted: r.deleted === 1 }));
  }

  /**
   * A fresh staging area for one file: rows go to a temporary table that
   * takes no lock on the store; `merge` writes one or more of them in one
   * transaction.
   */
  stage(): Staging {
    const staging = this.guard(() => new Staging(this.db, this));
    this.stagings.add(staging);
    return staging;
  }

  /** Merges staged files into the store (see Merger.merge). */
  merge(parts: readonly MergePart[], options: MergeOptions): MergeResult {
    return this.mergerOf().merge(parts, options);
  }

  /** What merge() would do, writing nothing. */
  preview(parts: readonly MergePart[], options: MergeOptions): Preview {
    return this.mergerOf().preview(parts, options);
  }

  close(): void {
    for (const staging of this.stagings) staging.discard();
    this.stagings.clear();
    if (this.db.open) this.db.close();
  }

  private mergerOf(): Merger {
    this.merger ??= new Merger(this.db, this);
    return this.merger;
  }
}

/**
 * A row of POINT_COLUMNS as an array: points are read with raw statements,
 * which build no object per row (check reads tens of thousands of rows).
 */
type RawPoint = [date: string, value: number, n: number | null, partial: number | null];

const POINT_COLUMNS = 'date, value, n, partial';

/** A point as withSample gives it: n and partial only for a records source's value. */
function pointOf(row: RawPoint): Point {
  // By index: destructuring an array walks its iterator.
  return row[2] === null
    ? { date: row[0], value: row[1] }
    : { date: row[0], value: row[1], n: row[2], partial: row[3] === 1 };
}

interface RawImport extends Omit<ImportRecord, 'exact'> {
  exact: number;
}

function toImportRecord(row: RawImport): ImportRecord {
  return { ...row, exact: row.exact === 1 };
}

const IMPORT_COLUMNS = `id, source, path, sha256, mapping, rows, snapshots, inserted, updated,
  unchanged, skipped, imported_at AS importedAt, exact, stat`;
