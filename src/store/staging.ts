/**
 * Staging of one file's snapshots. Rows stream into a temporary table in
 * batches (one prepared statement per batch transaction) without locking the
 * store; a unique index then proves the file has one value per key, and
 * `commit` merges everything in a single IMMEDIATE transaction. A process
 * killed before the commit leaves the store exactly as it was.
 */
import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { SnapshotBatch } from './snapshot-batch.js';

export type { StagedSnapshot } from './snapshot-batch.js';

/** Rows per multi-row INSERT: binding 320 values per call beats one call per row. */
const ROWS_PER_STATEMENT = 64;

/** How many replaced values a commit or a preview lists. */
export const LISTED_UPDATES = 10;

const REPEAT_MESSAGE = 'goals: the file gives one key two values';

export type CommitResult =
  | { kind: 'committed'; importId: number; counts: ImportCounts; updates: SnapshotUpdate[] }
  /** The file gives a key two different values: nothing was written. */
  | { kind: 'repeats' };

/** Two rows of one file that give different values for the same key. */
export interface DuplicateConflict {
  metric: string;
  segment: string;
  date: string;
  first: { line: number; value: number };
  second: { line: number; value: number };
}

export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** A staged value that would replace a different one in the store. */
export interface SnapshotUpdate {
  metric: string;
  segment: string;
  date: string;
  before: number;
  after: number;
  line: number;
}

/** What the imports table records about a committed file. */
export interface NewImport {
  source: string | null;
  path: string;
  sha256: string;
  mapping: string;
  rows: number;
  skipped: number;
  /** ISO 8601 instant. */
  importedAt: string;
}

interface Guard {
  guard<T>(fn: () => T): T;
}

export class Staging {
  private readonly insertBatch: Transaction<(batch: SnapshotBatch) => void>;
  private rows = 0;
  private isSettled = false;
  private isClosed = false;

  constructor(
    private readonly db: Database,
    private readonly store: Guard,
  ) {
    // One key column (metric, segment and date joined by \x1f, which none of
    // them contains): fewer values to bind, one column to sort on. The view
    // splits it again; the date is always the last 10 characters.
    db.exec(`
      DROP VIEW IF EXISTS temp.staged_rows;
      DROP TABLE IF EXISTS temp.staged;
      CREATE TEMP TABLE staged (
        key   TEXT    NOT NULL,
        value REAL    NOT NULL,
        line  INTEGER NOT NULL
      ) STRICT;
      CREATE TEMP VIEW staged_rows AS
        SELECT key, value, line,
               substr(key, 1, instr(key, char(31)) - 1) AS metric,
               substr(key, instr(key, char(31)) + 1, length(key) - instr(key, char(31)) - 11) AS segment,
               substr(key, -10) AS date
        FROM staged;
    `);
    const sql = (rows: number) =>
      `INSERT INTO temp.staged (key, value, line) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}`;
    // The same two statements serve every batch: the wide one for runs of
    // ROWS_PER_STATEMENT rows, the narrow one for the rest.
    const many: Statement<unknown[]> = db.prepare(sql(ROWS_PER_STATEMENT));
    const one: Statement<unknown[]> = db.prepare(sql(1));
    const args: unknown[] = new Array(ROWS_PER_STATEMENT * 3);
    const key = (b: SnapshotBatch, i: number) =>
      `${b.metric[i]}\x1f${b.segment[i]}\x1f${b.date[i]}`;
    this.insertBatch = db.transaction((b: SnapshotBatch) => {
      let i = 0;
      for (; i + ROWS_PER_STATEMENT <= b.length; i += ROWS_PER_STATEMENT) {
        for (let k = 0, o = 0; k < ROWS_PER_STATEMENT; k++, o += 3) {
          args[o] = key(b, i + k);
          args[o + 1] = b.value[i + k];
          args[o + 2] = b.line[i + k];
        }
        many.run(args);
      }
      for (; i < b.length; i++) one.run(key(b, i), b.value[i], b.line[i]);
    });
  }

  /** Snapshots staged so far (after settleDuplicates: distinct keys kept). */
  get size(): number {
    return this.rows;
  }

  /** Adds a batch in one transaction on the temporary table (no lock on the store). */
  add(batch: SnapshotBatch): void {
    if (batch.length === 0) return;
    this.store.guard(() => this.insertBatch(batch));
    this.rows += batch.length;
  }

  /**
   * Makes the staged keys unique. The same value twice for one key is fine
   * (the later row is dropped); different values are conflicts: every row
   * of such a key is dropped and each conflict is returned with both lines,
   * ordered by the later line.
   */
  settleDuplicates(): DuplicateConflict[] {
    return this.store.guard(() => {
      this.isSettled = true;
      // The index covers every column the merge reads, so counting and merging
      // walk it in key order without touching the table.
      this.db.exec('CREATE INDEX temp.staged_key ON staged (key, value)');
      const repeats = this.db
        .prepare(
          'SELECT 1 FROM temp.staged INDEXED BY staged_key GROUP BY key HAVING count(*) > 1 LIMIT 1',
        )
        .get();
      if (repeats === undefined) return [];
      const settle = this.db.transaction(() => {
        this.db.exec(`
          DROP TABLE IF EXISTS temp.staged_repeats;
          CREATE TEMP TABLE staged_repeats AS
            SELECT key, min(rowid) AS first FROM staged GROUP BY key HAVING count(*) > 1;
        `);
        const conflicts = this.db
          .prepare(
            `SELECT r.key, f.line AS firstLine, f.value AS firstValue,
                    s.line AS secondLine, s.value AS secondValue
             FROM staged_repeats r
             JOIN staged f ON f.rowid = r.first
             JOIN staged s ON s.key = r.key AND s.rowid <> r.first AND s.value <> f.value
             ORDER BY s.line, r.key`,
          )
          .all() as Array<{
          key: string;
          firstLine: number;
          firstValue: number;
          secondLine: number;
          secondValue: number;
        }>;
        // Conflicting keys lose every row; repeated equal values keep the first.
        this.db.exec(`
          DELETE FROM staged WHERE rowid IN (
            SELECT s.rowid FROM staged_repeats r JOIN staged s ON s.key = r.key
            WHERE s.rowid <> r.first
               OR EXISTS (SELECT 1 FROM staged o WHERE o.key = r.key AND o.value <> s.value));
          DROP TABLE temp.staged_repeats;
        `);
        this.rows = this.db.prepare('SELECT count(*) FROM temp.staged').pluck().get() as number;
        return conflicts.map((c) => {
          const [metric, segment, date] = c.key.split('\x1f') as [string, string, string];
          return {
            metric,
            segment,
            date,
            first: { line: c.firstLine, value: c.firstValue },
            second: { line: c.secondLine, value: c.secondValue },
          };
        });
      });
      return settle();
    });
  }

  /** What committing would do to the store now: new, updated and unchanged snapshots. */
  count(): ImportCounts {
    this.assertSettled();
    return this.store.guard(() => this.countNow());
  }

  /** The first staged values that differ from the store's (after settleDuplicates). */
  previewUpdates(limit = LISTED_UPDATES): SnapshotUpdate[] {
    this.assertSettled();
    return this.store.guard(
      () =>
        this.db
          .prepare(
            `SELECT st.metric, st.segment, st.date, s.value AS before, st.value AS after, st.line
             FROM temp.staged_rows st
             JOIN main.snapshots s
               ON s.metric = st.metric AND s.segment = st.segment AND s.date = st.date
             WHERE s.value <> st.value
             ORDER BY st.line, st.metric
             LIMIT ?`,
          )
          .all(limit) as SnapshotUpdate[],
    );
  }

  /**
   * Merges the staged snapshots into the store and records the import, all
   * in one IMMEDIATE transaction (waiting for other writers up to the busy
   * timeout). Replaced values go to the revisions table by trigger.
   *
   * The merge sorts the staged rows once and inserts them in key order. A key
   * that the file gives twice with different values makes the merge abort
   * (a trigger sees a value of this very import being replaced): the result
   * is then `repeats`, nothing is written, and settleDuplicates() tells which
   * keys before a second commit.
   */
  commit(record: NewImport): CommitResult {
    const outcome = this.store.guard(() => {
      try {
        return this.db.transaction(() => this.merge(record)).immediate();
      } catch (error) {
        if (String((error as Error).message).includes(REPEAT_MESSAGE)) return undefined;
        throw error;
      }
    });
    if (!outcome) return { kind: 'repeats' };
    return { kind: 'committed', ...outcome };
  }

  private merge(record: NewImport): {
    importId: number;
    counts: ImportCounts;
    updates: SnapshotUpdate[];
  } {
    const importId = Number(
      this.db
        .prepare(
          `INSERT INTO imports (source, path, sha256, mapping, rows, snapshots, inserted,
             updated, unchanged, skipped, imported_at)
           VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?)`,
        )
        .run(
          record.source,
          record.path,
          record.sha256,
          record.mapping,
          record.rows,
          this.rows,
          record.skipped,
          record.importedAt,
        ).lastInsertRowid,
    );
    this.db.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS goals_one_value_per_key
      BEFORE UPDATE OF value ON main.snapshots WHEN old.import_id = new.import_id
      BEGIN SELECT RAISE(ABORT, '${REPEAT_MESSAGE}'); END;
    `);
    // Key order makes the insert an append into the store's B-tree.
    const { changes } = this.db
      .prepare(
        `INSERT INTO snapshots (metric, segment, date, value, import_id)
         SELECT metric, segment, date, value, ? FROM temp.staged_rows WHERE true
         ORDER BY key
         ON CONFLICT (metric, segment, date) DO UPDATE
           SET value = excluded.value, import_id = excluded.import_id
           WHERE snapshots.value IS NOT excluded.value`,
      )
      .run(importId);
    // Every update left a revision behind; every other change is a new key.
    const updated = this.db
      .prepare('SELECT count(*) FROM revisions WHERE replaced_by = ?')
      .pluck()
      .get(importId) as number;
    const counts = {
      inserted: changes - updated,
      updated,
      unchanged: this.rows - changes,
    };
    this.db
      .prepare('UPDATE imports SET inserted = ?, updated = ?, unchanged = ? WHERE id = ?')
      .run(counts.inserted, counts.updated, counts.unchanged, importId);
    const updates =
      updated === 0
        ? []
        : (this.db
            .prepare(
              `SELECT r.metric, r.segment, r.date, r.value AS before, st.value AS after, st.line
               FROM (SELECT metric, segment, date, value FROM revisions
                     WHERE replaced_by = ? ORDER BY id LIMIT ?) r
               JOIN temp.staged st
                 ON st.key = r.metric || char(31) || r.segment || char(31) || r.date
               ORDER BY st.line, r.metric`,
            )
            .all(importId, LISTED_UPDATES) as SnapshotUpdate[]);
    return { importId, counts, updates };
  }

  /** Drops the staged rows; the store is untouched. */
  discard(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.db.open) {
      this.store.guard(() =>
        this.db.exec('DROP VIEW IF EXISTS temp.staged_rows; DROP TABLE IF EXISTS temp.staged'),
      );
    }
  }

  private countNow(): ImportCounts {
    const row = this.db
      .prepare(
        `SELECT count(*) FILTER (WHERE s.value IS NULL) AS inserted,
                count(*) FILTER (WHERE s.value <> st.value) AS updated,
                count(*) FILTER (WHERE s.value = st.value) AS unchanged
         FROM temp.staged_rows st
         LEFT JOIN main.snapshots s
           ON s.metric = st.metric AND s.segment = st.segment AND s.date = st.date`,
      )
      .get() as ImportCounts;
    return row;
  }

  private assertSettled(): void {
    if (!this.isSettled)
      throw new Error('settleDuplicates() must run before count() or previewUpdates()');
  }
}
