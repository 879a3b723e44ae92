import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { DeputyBookings } from './deputy-bookings.js';
import { LeaderBookings } from './leader-bookings.js';
import type { BookingSpan } from './resource-bookings.js';
import { RoomBookings } from './room-bookings.js';

/** Everything a confirmed meeting takes: its leaders' time and its room. */
export interface MeetingResources {
  leaderIds: string[];
  roomId: string | null;
  /** Deputies invited (人大代表): their time is booked like leaders'; absent = none. */
  deputyIds?: string[];
}

/**
 * Books all of a meeting's resources in the caller's transaction (confirm, PATCH of a confirmed
 * meeting) and frees them (cancel). Each kind is guaranteed by the database (`ResourceBookings`);
 * a busy one throws `ResourceBusyError` naming its kind, and the transaction rolls back whole.
 */
@Injectable()
export class MeetingBookings {
  constructor(
    private readonly leaders: LeaderBookings,
    private readonly rooms: RoomBookings,
    private readonly deputies: DeputyBookings,
  ) {}

  async book(em: EntityManager, meetingId: string, resources: MeetingResources, span: BookingSpan): Promise<void> {
    await this.leaders.book(em, meetingId, resources.leaderIds, span);
    await this.rooms.book(em, meetingId, resources.roomId ? [resources.roomId] : [], span);
    await this.deputies.book(em, meetingId, resources.deputyIds ?? [], span);
  }

  async release(em: EntityManager, meetingId: string): Promise<void> {
    await this.leaders.release(em, meetingId);
    await this.rooms.release(em, meetingId);
    await this.deputies.release(em, meetingId);
  }
}
