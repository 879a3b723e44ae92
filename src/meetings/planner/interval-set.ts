/** Disjoint, sorted half-open intervals [start, end) in epoch milliseconds: a leader's busy time. */
export class IntervalSet {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  constructor(intervals: Iterable<{ start: number; end: number }> = []) {
    for (const i of intervals) this.add(i.start, i.end);
  }

  /** True when [start, end) overlaps no interval of the set. */
  isFree(start: number, end: number): boolean {
    // The last interval starting before `end` is the only one that may overlap (they are disjoint and sorted).
    const i = this.lastStartingBefore(end);
    return i < 0 || this.ends[i] <= start;
  }

  /** Adds [start, end), merging with overlapping or touching intervals. Empty intervals are ignored. */
  add(start: number, end: number): void {
    if (!(start < end)) return;
    let lo = this.lastStartingBefore(start + 1); // last interval with start <= `start`
    if (lo >= 0 && this.ends[lo] < start) lo++;
    if (lo < 0) lo = 0;
    let hi = lo;
    let s = start;
    let e = end;
    while (hi < this.starts.length && this.starts[hi] <= e) {
      s = Math.min(s, this.starts[hi]);
      e = Math.max(e, this.ends[hi]);
      hi++;
    }
    this.starts.splice(lo, hi - lo, s);
    this.ends.splice(lo, hi - lo, e);
  }

  get size(): number {
    return this.starts.length;
  }

  private lastStartingBefore(t: number): number {
    let lo = 0;
    let hi = this.starts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid] < t) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}
