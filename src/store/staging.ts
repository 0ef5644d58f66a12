/**
 * Staging of one file's snapshots. Rows stream into a temporary table in
 * batches (one prepared statement per batch transaction) without locking the
 * store; an index then sorts them once, which proves the file has one value
 * per key whatever the store holds, and the merge walks it in key order.
 * A process killed before the merge leaves the store exactly as it was.
 */
import type { Database, Statement, Transaction } from 'better-sqlite3';
import type { SnapshotBatch } from './snapshot-batch.js';

export type { StagedSnapshot } from './snapshot-batch.js';

/** Rows per multi-row INSERT: binding 320 values per call beats one call per row. */
const ROWS_PER_STATEMENT = 64;

/** How many replaced values, removed values or conflicts a merge or a preview lists. */
export const LISTED_UPDATES = 10;

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
  /** Snapshots of the file's source that its file no longer gives (deleted, kept as revisions). */
  removed: number;
}

/** The rows behind a records source's value, and whether its period is partial. */
export interface SampleSize {
  n: number;
  partial: boolean;
}

/**
 * A staged snapshot that would replace a different one in the store: another
 * value, or the same value from other rows (a period that became complete).
 */
export interface SnapshotUpdate {
  metric: string;
  segment: string;
  date: string;
  before: number;
  after: number;
  /** Null for a KPI file's value. */
  sampleBefore: SampleSize | null;
  sampleAfter: SampleSize | null;
  line: number;
}

interface RawUpdate extends Omit<SnapshotUpdate, 'sampleBefore' | 'sampleAfter'> {
  nBefore: number | null;
  partialBefore: number | null;
  nAfter: number | null;
  partialAfter: number | null;
}

function toUpdate({ nBefore, partialBefore, nAfter, partialAfter, ...rest }: RawUpdate) {
  const sample = (n: number | null, partial: number | null): SampleSize | null =>
    n === null ? null : { n, partial: partial === 1 };
  return {
    ...rest,
    sampleBefore: sample(nBefore, partialBefore),
    sampleAfter: sample(nAfter, partialAfter),
  };
}

/** A snapshot of the file's source that its file no longer gives. */
export interface SnapshotRemoval {
  metric: string;
  segment: string;
  date: string;
  value: number;
}

/** What the imports table records about a committed file. */
export interface NewImport {
  /** The source whose file this is: it then owns exactly the file's snapshots. Null: a one-off file. */
  source: string | null;
  path: string;
  sha256: string;
  mapping: string;
  rows: number;
  skipped: number;
  /** ISO 8601 instant. */
  importedAt: string;
  /** 'size mtime_ns ctime_ns inode' of the file as read, when it can be trusted. */
  stat?: string | undefined;
  /**
   * A source part that gives only what is new (a warehouse query since a
   * date): its snapshots dated before this are kept, not removed.
   */
  exactFrom?: string | undefined;
}

/** One file of a merge: its staged rows and its import record. */
export interface MergePart {
  staging: Staging;
  record: NewImport;
}

/**
 * A staged row that gives a key another source owns: `owner` is a source
 * outside the merge (its snapshot in the store), or another part of the
 * merge (`ownerPart`, with the line in that file).
 */
export interface OwnerConflict {
  /** Index of the part whose row it is. */
  part: number;
  metric: string;
  segment: string;
  date: string;
  line: number;
  value: number;
  owner: string;
  ownerValue: number;
  ownerPart?: number | undefined;
  ownerLine?: number | undefined;
}

export interface MergeOptions {
  /**
   * Sources whose snapshots no part may change: the declared sources that
   * are not parts of the merge. A source part may take over a snapshot
   * owned by no source, by a source no longer declared, or by another part.
   */
  protectedSources: readonly string[];
}

export interface PartOutcome {
  counts: ImportCounts;
  /** The first values replaced, in file order. */
  updates: SnapshotUpdate[];
  /** The first values removed, in key order. */
  removals: SnapshotRemoval[];
}

export type MergeResult =
  | { kind: 'committed'; parts: Array<PartOutcome & { importId: number }> }
  /** A part gives a key another source owns: nothing was written. */
  | { kind: 'conflicts'; conflicts: OwnerConflict[] };

export interface Preview {
  parts: PartOutcome[];
  conflicts: OwnerConflict[];
}

const OWNED_MESSAGE = 'goals: a snapshot of another source';

interface Guard {
  guard<T>(fn: () => T): T;
}

let nextTable = 0;

export class Staging {
  /** The temporary table's name (staged_N): several files can be staged at once. */
  readonly table: string;
  private readonly insertBatch: Transaction<(batch: SnapshotBatch) => void>;
  private rows = 0;
  private isSettled = false;
  private isClosed = false;

  constructor(
    private readonly db: Database,
    private readonly store: Guard,
  ) {
    this.table = `staged_${++nextTable}`;
    const t = this.table;
    // One key column (metric, segment and date joined by \x1f, which none of
    // them contains): fewer values to bind, one column to sort on. The view
    // splits it again; the date is always the last 10 characters.
    db.exec(`
      DROP VIEW IF EXISTS temp.${t}_rows;
      DROP TABLE IF EXISTS temp.${t};
      CREATE TEMP TABLE ${t} (
        key     TEXT    NOT NULL,
        value   REAL    NOT NULL,
        line    INTEGER NOT NULL,
        n       INTEGER,          -- records sources: rows behind the value
        partial INTEGER           -- records sources: 1 when the period is partial
      ) STRICT;
      CREATE TEMP VIEW ${t}_rows AS
        SELECT key, value, line, n, partial,
               substr(key, 1, instr(key, char(31)) - 1) AS metric,
               substr(key, instr(key, char(31)) + 1, length(key) - instr(key, char(31)) - 11) AS segment,
               substr(key, -10) AS date
        FROM ${t};
    `);
    const sql = (rows: number) =>
      `INSERT INTO temp.${t} (key, value, line) VALUES ${Array(rows).fill('(?, ?, ?)').join(', ')}`;
    // The same two statements serve every batch: the wide one for runs of
    // ROWS_PER_STATEMENT rows, the narrow one for the rest.
    const many: Statement<unknown[]> = db.prepare(sql(ROWS_PER_STATEMENT));
    const one: Statement<unknown[]> = db.prepare(sql(1));
    const args: unknown[] = new Array(ROWS_PER_STATEMENT * 3);
    const key = (b: SnapshotBatch, i: number) =>
      `${b.metric[i]}\x1f${b.segment[i]}\x1f${b.date[i]}`;
    // A records source's few snapshots, each with its rows and partial flag.
    const sample: Statement<unknown[]> = db.prepare(
      `INSERT INTO temp.${t} (key, value, line, n, partial) VALUES (?, ?, ?, ?, ?)`,
    );
    this.insertBatch = db.transaction((b: SnapshotBatch) => {
      if (b.hasSamples) {
        for (let i = 0; i < b.length; i++) {
          const partial = b.partial[i];
          sample.run(
            key(b, i),
            b.value[i],
            b.line[i],
            b.n[i] ?? null,
            partial === undefined ? null : Number(partial),
          );
        }
        return;
      }
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

  get isReady(): boolean {
    return this.isSettled && !this.isClosed;
  }

  /** Adds a batch in one transaction on the temporary table (no lock on the store). */
  add(batch: SnapshotBatch): void {
    if (batch.length === 0) return;
    this.store.guard(() => this.insertBatch(batch));
    this.rows += batch.length;
  }

  /**
   * Sorts the staged rows (an index on the key, which every later step walks
   * in order) and makes the keys unique. The same value twice for one key is
   * fine (the later row is dropped); different values are conflicts: every
   * row of such a key is dropped and each conflict is returned with both
   * lines, ordered by the later line. What the store holds plays no part.
   */
  settleDuplicates(): DuplicateConflict[] {
    return this.store.guard(() => {
      if (this.isSettled) return [];
      this.isSettled = true;
      const t = this.table;
      // The index covers every column the merge reads, so counting and merging
      // walk it in key order without touching the table.
      this.db.exec(`CREATE INDEX temp.${t}_key ON ${t} (key, value, n, partial)`);
      const keys = this.db
        .prepare(`SELECT count(*) FROM (SELECT 1 FROM temp.${t} INDEXED BY ${t}_key GROUP BY key)`)
        .pluck()
        .get() as number;
      if (keys === this.rows) return [];
      const settle = this.db.transaction(() => {
        this.db.exec(`
          DROP TABLE IF EXISTS temp.${t}_repeats;
          CREATE TEMP TABLE ${t}_repeats AS
            SELECT key, min(rowid) AS first FROM ${t} GROUP BY key HAVING count(*) > 1;
        `);
        const conflicts = this.db
          .prepare(
            `SELECT r.key, f.line AS firstLine, f.value AS firstValue,
                    s.line AS secondLine, s.value AS secondValue
             FROM temp.${t}_repeats r
             JOIN temp.${t} f ON f.rowid = r.first
             JOIN temp.${t} s ON s.key = r.key AND s.rowid <> r.first AND s.value <> f.value
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
          DELETE FROM temp.${t} WHERE rowid IN (
            SELECT s.rowid FROM temp.${t}_repeats r JOIN temp.${t} s ON s.key = r.key
            WHERE s.rowid <> r.first
               OR EXISTS (SELECT 1 FROM temp.${t} o WHERE o.key = r.key AND o.value <> s.value));
          DROP TABLE temp.${t}_repeats;
        `);
        this.rows = this.db.prepare(`SELECT count(*) FROM temp.${t}`).pluck().get() as number;
        return conflicts.map((c) => {
          const [metric, segment, date] = splitKey(c.key);
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

  /** Drops the staged rows; the store is untouched. */
  discard(): void {
    if (this.isClosed) return;
    this.isClosed = true;
    if (this.db.open) {
      this.store.guard(() =>
        this.db.exec(`DROP VIEW IF EXISTS temp.${this.table}_rows;
                      DROP TABLE IF EXISTS temp.${this.table}`),
      );
    }
  }
}

function splitKey(key: string): [string, string, string] {
  return key.split('\x1f') as [string, string, string];
}

/**
 * A stored snapshot `s` and a staged one `st` differ: in value, or in the rows
 * behind it or its partial flag (a period that became complete is an update).
 */
const CHANGED = (s: string, st: string) =>
  `(${s}.value IS NOT ${st}.value OR ${s}.n IS NOT ${st}.n OR ${s}.partial IS NOT ${st}.partial)`;

const SPLIT_KEY = (column: string) =>
  `substr(${column}, 1, instr(${column}, char(31)) - 1),
   substr(${column}, instr(${column}, char(31)) + 1, length(${column}) - instr(${column}, char(31)) - 11),
   substr(${column}, -10)`;

/**
 * Merging staged files into the store, and previewing what a merge would
 * do: the only code that writes snapshots.
 */
export class Merger {
  constructor(
    private readonly db: Database,
    private readonly store: Guard,
  ) {}

  /**
   * Merges every part in one IMMEDIATE transaction (waiting for other
   * writers up to the busy timeout), each part recorded as an import.
   * Replaced and removed values go to the revisions table by trigger.
   * A source part's snapshots become exactly its staged keys: new ones are
   * inserted, changed ones updated, and the ones it owned that no part gives
   * any more are deleted. A one-off part (source null) inserts and updates.
   * No part may change a snapshot of a protected source, and no two source
   * parts may give one key: then nothing is written and the conflicts are
   * returned.
   */
  merge(parts: readonly MergePart[], options: MergeOptions): MergeResult {
    this.assertReady(parts);
    return this.store.guard(() => {
      const overlaps = this.overlapsBetweenParts(parts);
      if (overlaps.length > 0) return { kind: 'conflicts', conflicts: overlaps };
      this.protect(options.protectedSources);
      try {
        const committed = this.db
          .transaction(() => parts.map((part, i) => this.mergePart(parts, i)))
          .immediate();
        return { kind: 'committed', parts: committed };
      } catch (error) {
        if (!String((error as Error).message).includes(OWNED_MESSAGE)) throw error;
        return { kind: 'conflicts', conflicts: this.ownedConflicts(parts) };
      }
    });
  }

  /** What merge() would do now, writing nothing (a dry run, or a store that cannot be written). */
  preview(parts: readonly MergePart[], options: MergeOptions): Preview {
    this.assertReady(parts);
    return this.store.guard(() => {
      this.protect(options.protectedSources);
      const conflicts = [...this.overlapsBetweenParts(parts), ...this.ownedConflicts(parts)];
      return {
        conflicts,
        parts: parts.map((part, i) => {
          const t = part.staging.table;
          const isSource = part.record.source !== null;
          const row = this.db
            .prepare(
              `SELECT count(*) FILTER (WHERE s.value IS NULL) AS inserted,
                      count(*) FILTER (WHERE s.value IS NOT NULL AND ${CHANGED('s', 'st')}) AS updated,
                      count(*) FILTER (WHERE s.value IS NOT NULL AND NOT ${CHANGED('s', 'st')}) AS unchanged
               FROM temp.${t}_rows st
               LEFT JOIN main.snapshots s
                 ON s.metric = st.metric AND s.segment = st.segment AND s.date = st.date`,
            )
            .get() as Omit<ImportCounts, 'removed'>;
          const removals = isSource ? this.removable(parts, i) : undefined;
          const updates = this.db
            .prepare(
              `SELECT st.metric, st.segment, st.date, s.value AS before, st.value AS after,
                      s.n AS nBefore, s.partial AS partialBefore,
                      st.n AS nAfter, st.partial AS partialAfter, st.line
               FROM temp.${t}_rows st
               JOIN main.snapshots s
                 ON s.metric = st.metric AND s.segment = st.segment AND s.date = st.date
               WHERE ${CHANGED('s', 'st')}
               ORDER BY st.line, st.metric
               LIMIT ?`,
            )
            .all(LISTED_UPDATES) as RawUpdate[];
          return {
            counts: { ...row, removed: removals?.count ?? 0 },
            updates: updates.map(toUpdate),
            removals: removals?.listed ?? [],
          };
        }),
      };
    });
  }

  private assertReady(parts: readonly MergePart[]): void {
    for (const p of parts) {
      if (!p.staging.isReady) throw new Error('settleDuplicates() must run before a merge');
    }
  }

  private protect(sources: readonly string[]): void {
    this.db.exec(`
      CREATE TEMP TABLE IF NOT EXISTS goals_protected (id TEXT PRIMARY KEY) STRICT;
      CREATE TEMP TABLE IF NOT EXISTS goals_takeovers (n INTEGER NOT NULL) STRICT;
      CREATE TEMP TRIGGER IF NOT EXISTS goals_keep_owner
      BEFORE UPDATE OF value, source ON main.snapshots
      WHEN old.source IS NOT new.source AND old.source IN (SELECT id FROM temp.goals_protected)
      BEGIN SELECT RAISE(ABORT, '${OWNED_MESSAGE}'); END;
      CREATE TEMP TRIGGER IF NOT EXISTS goals_count_takeover
      AFTER UPDATE OF source ON main.snapshots
      WHEN NOT ${CHANGED('old', 'new')} AND old.source IS NOT new.source
      BEGIN UPDATE temp.goals_takeovers SET n = n + 1; END;
      DELETE FROM temp.goals_protected;
    `);
    const insert = this.db.prepare('INSERT OR IGNORE INTO temp.goals_protected (id) VALUES (?)');
    for (const id of sources) insert.run(id);
  }

  private mergePart(
    parts: readonly MergePart[],
    index: number,
  ): PartOutcome & { importId: number } {
    const { staging, record } = parts[index]!;
    const t = staging.table;
    const isSource = record.source !== null;
    const importId = Number(
      this.db
        .prepare(
          `INSERT INTO imports (source, path, sha256, mapping, rows, snapshots, inserted,
             updated, unchanged, skipped, imported_at, exact, stat)
           VALUES (?, ?, ?, ?, ?, ?, 0, 0, 0, ?, ?, ?, ?)`,
        )
        .run(
          record.source,
          record.path,
          record.sha256,
          record.mapping,
          record.rows,
          staging.size,
          record.skipped,
          record.importedAt,
          isSource ? 1 : 0,
          record.stat ?? null,
        ).lastInsertRowid,
    );
    this.db.exec('DELETE FROM temp.goals_takeovers; INSERT INTO temp.goals_takeovers VALUES (0)');
    // Key order (the staging's index) makes the insert an append into the store's B-tree.
    const { changes } = this.db
      .prepare(
        `INSERT INTO snapshots (metric, segment, date, value, n, partial, import_id, source)
         SELECT ${SPLIT_KEY('key')}, value, n, partial, ?, ? FROM temp.${t} INDEXED BY ${t}_key WHERE true
         ORDER BY key
         ON CONFLICT (metric, segment, date) DO UPDATE
           SET value = excluded.value, n = excluded.n, partial = excluded.partial,
               import_id = excluded.import_id, source = excluded.source
           WHERE ${CHANGED('snapshots', 'excluded')}
              OR (excluded.source IS NOT NULL AND snapshots.source IS NOT excluded.source)`,
      )
      .run(importId, record.source);
    const takeovers = this.db.prepare('SELECT n FROM temp.goals_takeovers').pluck().get() as number;
    let removed = 0;
    if (isSource) {
      const from = record.exactFrom ?? '';
      const owned = this.db
        .prepare('SELECT count(*) FROM snapshots WHERE source = ? AND date >= ?')
        .pluck()
        .get(record.source, from) as number;
      // Every staged key is owned now; only a source that gave more before has any to delete.
      if (owned > staging.size) {
        removed = this.db
          .prepare(
            `DELETE FROM snapshots WHERE source = ? AND date >= ? AND ${this.notGiven(parts, 'snapshots')}`,
          )
          .run(record.source, from).changes;
      }
    }
    // Every update of a value left a revision behind; every other change is a
    // new key or a snapshot taken over with its value unchanged.
    const updated = this.db
      .prepare('SELECT count(*) FROM revisions WHERE replaced_by = ? AND deleted = 0')
      .pluck()
      .get(importId) as number;
    const inserted = changes - updated - takeovers;
    const counts = { inserted, updated, unchanged: staging.size - inserted - updated, removed };
    this.db
      .prepare('UPDATE imports SET inserted = ?, updated = ?, unchanged = ? WHERE id = ?')
      .run(counts.inserted, counts.updated, counts.unchanged, importId);
    const updates =
      updated === 0
        ? []
        : (
            this.db
              .prepare(
                `SELECT r.metric, r.segment, r.date, r.value AS before, st.value AS after,
                      r.n AS nBefore, r.partial AS partialBefore,
                      st.n AS nAfter, st.partial AS partialAfter, st.line
               FROM (SELECT metric, segment, date, value, n, partial FROM revisions
                     WHERE replaced_by = ? AND deleted = 0 ORDER BY id LIMIT ?) r
               JOIN temp.${t} st
                 ON st.key = r.metric || char(31) || r.segment || char(31) || r.date
               ORDER BY st.line, r.metric`,
              )
              .all(importId, LISTED_UPDATES) as RawUpdate[]
          ).map(toUpdate);
    const removals =
      removed === 0
        ? []
        : (this.db
            .prepare(
              `SELECT metric, segment, date, value FROM revisions
               WHERE replaced_by = ? AND deleted = 1 ORDER BY id LIMIT ?`,
            )
            .all(importId, LISTED_UPDATES) as SnapshotRemoval[]);
    return { importId, counts, updates, removals };
  }

  /**
   * A condition on a snapshots row: no source part of the merge gives its
   * key. (A key that another part takes over is not removed, so the result
   * does not depend on the order of the parts.)
   */
  private notGiven(parts: readonly MergePart[], alias: string): string {
    const key = `${alias}.metric || char(31) || ${alias}.segment || char(31) || ${alias}.date`;
    return parts
      .filter((p) => p.record.source !== null)
      .map((p) => `NOT EXISTS (SELECT 1 FROM temp.${p.staging.table} WHERE key = ${key})`)
      .join(' AND ');
  }

  /** A source part's snapshots that no part gives: how many, and the first ones. */
  private removable(
    parts: readonly MergePart[],
    index: number,
  ): { count: number; listed: SnapshotRemoval[] } {
    const { source, exactFrom } = parts[index]!.record;
    const where = `s.source = ? AND s.date >= ? AND ${this.notGiven(parts, 's')}`;
    const count = this.db
      .prepare(`SELECT count(*) FROM snapshots s WHERE ${where}`)
      .pluck()
      .get(source, exactFrom ?? '') as number;
    const listed =
      count === 0
        ? []
        : (this.db
            .prepare(
              `SELECT s.metric, s.segment, s.date, s.value FROM snapshots s WHERE ${where}
               ORDER BY s.metric, s.segment, s.date LIMIT ?`,
            )
            .all(source, exactFrom ?? '', LISTED_UPDATES) as SnapshotRemoval[]);
    return { count, listed };
  }

  /** Keys that two source parts both give: reported at the later part, the first LISTED_UPDATES + 1. */
  private overlapsBetweenParts(parts: readonly MergePart[]): OwnerConflict[] {
    const conflicts: OwnerConflict[] = [];
    for (let j = 1; j < parts.length; j++) {
      const later = parts[j]!;
      if (later.record.source === null) continue;
      for (let i = 0; i < j; i++) {
        const earlier = parts[i]!;
        if (earlier.record.source === null) continue;
        const rows = this.db
          .prepare(
            `SELECT b.key, b.line, b.value, a.line AS ownerLine, a.value AS ownerValue
             FROM temp.${later.staging.table} b
             JOIN temp.${earlier.staging.table} a ON a.key = b.key
             ORDER BY b.line, b.key LIMIT ?`,
          )
          .all(LISTED_UPDATES + 1) as Array<{
          key: string;
          line: number;
          value: number;
          ownerLine: number;
          ownerValue: number;
        }>;
        for (const r of rows) {
          const [metric, segment, date] = splitKey(r.key);
          conflicts.push({
            part: j,
            metric,
            segment,
            date,
            line: r.line,
            value: r.value,
            owner: earlier.record.source,
            ownerValue: r.ownerValue,
            ownerPart: i,
            ownerLine: r.ownerLine,
          });
        }
      }
    }
    return conflicts;
  }

  /**
   * Staged rows that would change a snapshot of a protected source: any
   * such key for a source part; a different value for a one-off part.
   */
  private ownedConflicts(parts: readonly MergePart[]): OwnerConflict[] {
    const conflicts: OwnerConflict[] = [];
    parts.forEach((part, index) => {
      const isSource = part.record.source !== null;
      const rows = this.db
        .prepare(
          `SELECT st.metric, st.segment, st.date, st.line, st.value,
                  s.source AS owner, s.value AS ownerValue
           FROM temp.${part.staging.table}_rows st
           JOIN main.snapshots s
             ON s.metric = st.metric AND s.segment = st.segment AND s.date = st.date
           WHERE s.source IN (SELECT id FROM temp.goals_protected)
             ${isSource ? '' : `AND ${CHANGED('s', 'st')}`}
           ORDER BY st.line, st.metric LIMIT ?`,
        )
        .all(LISTED_UPDATES + 1) as Array<Omit<OwnerConflict, 'part'>>;
      for (const r of rows) conflicts.push({ part: index, ...r });
    });
    return conflicts;
  }
}
