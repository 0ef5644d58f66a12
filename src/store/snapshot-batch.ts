/**
 * A batch of snapshots on their way to the staging table, kept as columns
 * and reused from batch to batch: a million-row import then allocates no
 * object per snapshot.
 */

/** One snapshot read from a file, with the physical line it came from. */
export interface StagedSnapshot {
  metric: string;
  /** Canonical segment key, '' for the whole team. */
  segment: string;
  date: string;
  value: number;
  line: number;
  /** Records sources (DESIGN §11): the rows behind the value. Absent for a KPI file's value. */
  n?: number | undefined;
  /** Records sources: the export does not cover the whole period. */
  partial?: boolean | undefined;
}

export class SnapshotBatch {
  readonly metric: string[] = [];
  readonly segment: string[] = [];
  readonly date: string[] = [];
  readonly value: number[] = [];
  readonly line: number[] = [];
  /** Per snapshot, its rows and whether its period is partial (undefined for a KPI file's value). */
  readonly n: Array<number | undefined> = [];
  readonly partial: Array<boolean | undefined> = [];
  /** Some snapshot of the batch came with its rows (a records source's). */
  hasSamples = false;
  length = 0;

  push(
    metric: string,
    segment: string,
    date: string,
    value: number,
    line: number,
    sample?: { n: number; partial: boolean },
  ): void {
    const i = this.length++;
    this.metric[i] = metric;
    this.segment[i] = segment;
    this.date[i] = date;
    this.value[i] = value;
    this.line[i] = line;
    this.n[i] = sample?.n;
    this.partial[i] = sample?.partial;
    if (sample) this.hasSamples = true;
  }

  /** Drops the snapshots after the first `length` (a row that turned out bad). */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }

  clear(): void {
    this.length = 0;
    this.hasSamples = false;
  }

  at(i: number): StagedSnapshot {
    const n = this.n[i];
    return {
      metric: this.metric[i]!,
      segment: this.segment[i]!,
      date: this.date[i]!,
      value: this.value[i]!,
      line: this.line[i]!,
      ...(n === undefined ? {} : { n, partial: this.partial[i] ?? false }),
    };
  }

  /** A batch holding `snapshots`, for tests and small callers. */
  static of(snapshots: readonly StagedSnapshot[]): SnapshotBatch {
    const batch = new SnapshotBatch();
    for (const s of snapshots) {
      batch.push(
        s.metric,
        s.segment,
        s.date,
        s.value,
        s.line,
        s.n === undefined ? undefined : { n: s.n, partial: s.partial ?? false },
      );
    }
    return batch;
  }
}
