/**
 * Typed access to the snapshot store: the only code besides the migrations
 * that speaks SQL. Every call translates SQLite's errors into GoalsErrors.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { Point } from '../core/snapshot.js';
import { Staging } from './staging.js';
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
}

/** A value that a later import replaced. */
export interface Revision {
  metric: string;
  segment: string;
  date: string;
  value: number;
  importId: number;
  replacedBy: number;
}

export interface StoredSnapshot {
  metric: string;
  segment: string;
  date: string;
  value: number;
  importId: number;
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
  private pointsStatement: Statement<[string, string], Point> | undefined;
  private rangeStatement: Statement<[string, string, string, string], Point> | undefined;
  private beforeStatement: Statement<[string, string, string, number], Point> | undefined;
  private staging: Staging | undefined;

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

  /** Snapshots of one metric and segment (canonical key), oldest first. */
  pointsOf(metric: string, segment: string): Point[] {
    return this.guard(() => {
      this.pointsStatement ??= this.db.prepare<[string, string], Point>(
        'SELECT date, value FROM snapshots WHERE metric = ? AND segment = ? ORDER BY date',
      );
      return this.pointsStatement.all(metric, segment);
    });
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
      this.rangeStatement ??= this.db.prepare<[string, string, string, string], Point>(
        'SELECT date, value FROM snapshots WHERE metric = ? AND segment = ? AND date >= ? AND date <= ? ORDER BY date',
      );
      this.beforeStatement ??= this.db.prepare<[string, string, string, number], Point>(
        'SELECT date, value FROM snapshots WHERE metric = ? AND segment = ? AND date < ? ORDER BY date DESC LIMIT ?',
      );
      const before = this.beforeStatement.all(metric, segment, window.from, window.before);
      return [
        ...before.reverse(),
        ...this.rangeStatement.all(metric, segment, window.from, window.to),
      ];
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
      this.db
        .prepare(
          'SELECT metric, segment, date, value, import_id AS importId FROM snapshots ORDER BY metric, segment, date',
        )
        .all(),
    ) as StoredSnapshot[];
  }

  /** The latest import of `source` with these bytes and this mapping, if any. */
  findImport(query: {
    source: string | null;
    sha256: string;
    mapping: string;
  }): ImportRecord | undefined {
    return this.guard(
      () =>
        this.db
          .prepare(
            `SELECT ${IMPORT_COLUMNS} FROM imports
             WHERE source IS ? AND sha256 = ? AND mapping = ? ORDER BY id DESC LIMIT 1`,
          )
          .get(query.source, query.sha256, query.mapping) as ImportRecord | undefined,
    );
  }

  listImports(): ImportRecord[] {
    return this.guard(
      () =>
        this.db
          .prepare(`SELECT ${IMPORT_COLUMNS} FROM imports ORDER BY id`)
          .all() as ImportRecord[],
    );
  }

  /** Replaced values of one metric and segment, oldest first. */
  revisionsOf(metric: string, segment: string): Revision[] {
    return this.guard(
      () =>
        this.db
          .prepare(
            `SELECT metric, segment, date, value, import_id AS importId, replaced_by AS replacedBy
             FROM revisions WHERE metric = ? AND segment = ? ORDER BY date, id`,
          )
          .all(metric, segment) as Revision[],
    );
  }

  /**
   * A fresh staging area for one file: rows go to a temporary table that
   * takes no lock on the store; `commit` merges them in one transaction.
   */
  stage(): Staging {
    this.staging?.discard();
    this.staging = this.guard(() => new Staging(this.db, this));
    return this.staging;
  }

  close(): void {
    this.staging?.discard();
    this.staging = undefined;
    if (this.db.open) this.db.close();
  }
}

const IMPORT_COLUMNS = `id, source, path, sha256, mapping, rows, snapshots, inserted, updated,
  unchanged, skipped, imported_at AS importedAt`;
