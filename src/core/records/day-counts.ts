/**
 * Counts per day number, in a typed array that grows to the days it is given:
 * the running state of backlog and churn, flat in the number of rows.
 */
export class DayCounts {
  private base = 0;
  private counts = new Float64Array(0);

  /** Adds `delta` to a day's count. */
  add(day: number, delta: number): void {
    let i = day - this.base;
    if (i < 0 || i >= this.counts.length) {
      this.grow(day);
      i = day - this.base;
    }
    this.counts[i]! += delta;
  }

  private grow(day: number): void {
    const length = this.counts.length;
    if (length === 0) {
      this.base = day - 32;
      this.counts = new Float64Array(64);
      return;
    }
    const base = Math.min(day, day < this.base ? this.base - length : this.base);
    const end = Math.max(
      day + 1,
      day >= this.base + length ? this.base + 2 * length : this.base + length,
    );
    const counts = new Float64Array(end - base);
    counts.set(this.counts, this.base - base);
    this.base = base;
    this.counts = counts;
  }

  /**
   * A function giving the sum of the counts of all days ≤ `day`; it reads the
   * counts as they are now (call it when every row has been added).
   */
  cumulative(): (day: number) => number {
    const { base, counts } = this;
    const sums = new Float64Array(counts.length);
    let sum = 0;
    for (let i = 0; i < counts.length; i++) sums[i] = sum += counts[i]!;
    return (day) => {
      const i = day - base;
      if (i < 0) return 0;
      return sums[Math.min(i, sums.length - 1)] ?? 0;
    };
  }
}
