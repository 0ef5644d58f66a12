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
}

export class SnapshotBatch {
  readonly metric: string[] = [];
  readonly segment: string[] = [];
  readonly date: string[] = [];
  readonly value: number[] = [];
  readonly line: number[] = [];
  length = 0;

  push(metric: string, segment: string, date: string, value: number, line: number): void {
    const i = this.length++;
    this.metric[i] = metric;
    this.segment[i] = segment;
    this.date[i] = date;
    this.value[i] = value;
    this.line[i] = line;
  }

  /** Drops the snapshots after the first `length` (a row that turned out bad). */
  truncate(length: number): void {
    this.length = Math.min(this.length, length);
  }

  clear(): void {
    this.length = 0;
  }

  at(i: number): StagedSnapshot {
    return {
      metric: this.metric[i]!,
      segment: this.segment[i]!,
      date: this.date[i]!,
      value: this.value[i]!,
      line: this.line[i]!,
    };
  }

  /** A batch holding `snapshots`, for tests and small callers. */
  static of(snapshots: readonly StagedSnapshot[]): SnapshotBatch {
    const batch = new SnapshotBatch();
    for (const s of snapshots) batch.push(s.metric, s.segment, s.date, s.value, s.line);
    return batch;
  }
}
