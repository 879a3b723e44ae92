import { withinRoomHours } from '../constraints/room-hours.js';
import { IntervalSet } from './interval-set.js';
import type { PlannerRoom } from './planner.types.js';
import type { Slot } from './slots.js';

/**
 * Which rooms are free when: each room's busy intervals (confirmed meetings, kept drafts) plus the
 * meetings planned so far, and its available hours. Disabled (every check passes, no room is
 * booked) when the office has no active room: meetings then keep the default location.
 */
export class RoomBook {
  readonly enabled: boolean;
  readonly byId = new Map<string, PlannerRoom>();
  private readonly rooms: PlannerRoom[];
  private readonly busy = new Map<string, IntervalSet>();
  private readonly hoursFit = new Map<string, boolean>();

  constructor(
    rooms: readonly PlannerRoom[],
    private readonly timeZone: string,
  ) {
    // Smallest first (then by id): the best fit is the first free room large enough.
    this.rooms = [...rooms].sort((a, b) => a.capacity - b.capacity || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.enabled = this.rooms.length > 0;
    for (const r of this.rooms) {
      this.byId.set(r.id, r);
      this.busy.set(r.id, new IntervalSet(r.busy.map((b) => ({ start: b.start.getTime(), end: b.end.getTime() }))));
    }
  }

  isFree(roomId: string, slot: Slot): boolean {
    const room = this.byId.get(roomId);
    const set = this.busy.get(roomId);
    return room !== undefined && set !== undefined && set.isFree(slot.start, slot.end) && this.open(room, slot);
  }

  /** The smallest room free at `slot` with at least `seats` seats (undefined when none; always undefined when disabled). */
  smallestFitting(slot: Slot, seats: number): PlannerRoom | undefined {
    return this.rooms.find((r) => r.capacity >= seats && this.isFree(r.id, slot));
  }

  /** Seats of the largest room free at `slot` (Infinity when disabled: no room limits the meeting). */
  largestFreeSeats(slot: Slot): number {
    if (!this.enabled) return Number.POSITIVE_INFINITY;
    for (let i = this.rooms.length - 1; i >= 0; i--) if (this.isFree(this.rooms[i].id, slot)) return this.rooms[i].capacity;
    return 0;
  }

  /** Can a meeting of `seats` be held at `slot` as far as rooms go? */
  fits(slot: Slot, seats: number): boolean {
    return !this.enabled || this.smallestFitting(slot, seats) !== undefined;
  }

  book(roomId: string, slot: Slot): void {
    const set = this.busy.get(roomId);
    if (!set) throw new Error(`unknown room ${roomId}`);
    if (!set.isFree(slot.start, slot.end)) throw new Error(`room ${roomId} double-booked`);
    set.add(slot.start, slot.end);
  }

  private open(room: PlannerRoom, slot: Slot): boolean {
    if (room.availableHours === null) return true;
    const key = `${room.id}|${slot.start}|${slot.end}`;
    let fit = this.hoursFit.get(key);
    if (fit === undefined) {
      fit = withinRoomHours(room.availableHours, new Date(slot.start), new Date(slot.end), this.timeZone);
      this.hoursFit.set(key, fit);
    }
    return fit;
  }
}
