import type { LeaderRank } from '../../domain/leader-ranks.js';
import { IntervalSet } from './interval-set.js';
import type { PlannerLeader } from './planner.types.js';
import type { Slot } from './slots.js';

/** Who is busy when: each leader's busy blocks plus the meetings planned so far. */
export class LeaderBook {
  private readonly busy = new Map<string, IntervalSet>();
  private readonly chaired = new Map<string, number>();
  private readonly attended = new Map<string, number>();
  readonly byId = new Map<string, PlannerLeader>();

  constructor(readonly leaders: readonly PlannerLeader[]) {
    for (const l of leaders) {
      this.byId.set(l.id, l);
      this.busy.set(l.id, new IntervalSet(l.busy.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }))));
      this.chaired.set(l.id, 0);
      this.attended.set(l.id, 0);
    }
  }

  isFree(leaderId: string, slot: Slot): boolean {
    const set = this.busy.get(leaderId);
    return set !== undefined && set.isFree(slot.start, slot.end);
  }

  /** Marks the leader busy for the slot (attending a meeting; `chair` counts chaired meetings). */
  book(leaderId: string, slot: Slot, chair: boolean): void {
    const set = this.busy.get(leaderId);
    if (!set) throw new Error(`unknown leader ${leaderId}`);
    if (!set.isFree(slot.start, slot.end)) throw new Error(`leader ${leaderId} double-booked`);
    set.add(slot.start, slot.end);
    this.attended.set(leaderId, (this.attended.get(leaderId) ?? 0) + 1);
    if (chair) this.chaired.set(leaderId, (this.chaired.get(leaderId) ?? 0) + 1);
  }

  withRank(ranks: readonly LeaderRank[]): PlannerLeader[] {
    return this.leaders.filter((l) => ranks.includes(l.rank));
  }

  /** Chair-rank leader free at `slot` who has chaired and attended the fewest meetings (then by id). */
  leastBusyFree(ranks: readonly LeaderRank[], slot: Slot): PlannerLeader | undefined {
    let best: PlannerLeader | undefined;
    for (const l of this.leaders) {
      if (!ranks.includes(l.rank) || !this.isFree(l.id, slot)) continue;
      if (!best || this.compareLoad(l, best) < 0) best = l;
    }
    return best;
  }

  /**
   * How many non-overlapping slots of the list the leader could still attend (greedy by earliest
   * end, which is maximal for intervals); `needsChair` also requires a free chair-rank leader.
   */
  disjointFreeSlots(leaderId: string, slots: readonly Slot[], needsChair: readonly LeaderRank[] | null): number {
    let count = 0;
    let lastEnd = Number.NEGATIVE_INFINITY;
    const byEnd = [...slots].sort((a, b) => a.end - b.end || a.start - b.start);
    for (const s of byEnd) {
      if (s.start < lastEnd || !this.isFree(leaderId, s)) continue;
      if (needsChair && !this.leaders.some((l) => l.id !== leaderId && needsChair.includes(l.rank) && this.isFree(l.id, s))) continue;
      count++;
      lastEnd = s.end;
    }
    return count;
  }

  private compareLoad(a: PlannerLeader, b: PlannerLeader): number {
    const chairDiff = (this.chaired.get(a.id) ?? 0) - (this.chaired.get(b.id) ?? 0);
    if (chairDiff) return chairDiff;
    const attendDiff = (this.attended.get(a.id) ?? 0) - (this.attended.get(b.id) ?? 0);
    if (attendDiff) return attendDiff;
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  }
}
