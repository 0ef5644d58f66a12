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
    if (
      // Stryker disable next-line EqualityOperator: growing at i = 0 only copies the same counts
      i < 0 ||
      i >= this.counts.length
    ) {
      this.grow(day);
      i = day - this.base;
    }
    this.counts[i]! += delta;
  }

  private grow(day: number): void {
    const length = this.counts.length;
    // Capacity only, here and in base and end below: any of their mutants still covers
    // `day` and the old counts (at a cost in copies or memory), so no count changes.
    // Stryker disable next-line all: capacity only
    if (length === 0) {
      this.base = day - 32;
      this.counts = new Float64Array(64);
      return;
    }
    // Stryker disable next-line all: capacity only
    const base = Math.min(day, day < this.base ? this.base - length : this.base);
    const end = Math.max(
      day + 1,
      // Stryker disable next-line all: capacity only
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
    // Stryker disable next-line EqualityOperator: a write past the end of a typed array is dropped
    for (let i = 0; i < counts.length; i++) sums[i] = sum += counts[i]!;
    // before the first day (a negative index) or without any day: 0
    return (day) => sums[Math.min(day - base, sums.length - 1)] ?? 0;
  }
}
