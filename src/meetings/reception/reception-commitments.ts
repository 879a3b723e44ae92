import { Injectable } from '@nestjs/common';
import { ReceptionAccess } from './reception-access.js';
import type { ReceptionDay } from './reception-day.entity.js';
import { ReceptionDaysRepository } from './reception-days.repository.js';

/** A confirmed or held reception day as the meetings' checks and planner see it: the leader's (and room's) time taken. */
export interface ReceptionCommitment {
  receptionDayId: string;
  leaderId: string;
  /** The room booked, if any. */
  roomId: string | null;
  startAt: Date;
  endAt: Date;
}

/**
 * What the meetings module reads of reception days (exported by `ReceptionModule`): the meeting planner
 * and the per-meeting checks avoid them up front; the bookings refuse an overlap anyway.
 */
@Injectable()
export class ReceptionCommitments {
  constructor(private readonly repo: ReceptionDaysRepository) {}

  async between(from: Date, to: Date): Promise<ReceptionCommitment[]> {
    const days = await this.repo.list({ from, to, statuses: ['confirmed', 'held'] });
    return days.map((d) => ({ receptionDayId: d.id, leaderId: d.leaderId, roomId: d.roomBooked ? d.roomId : null, startAt: d.startAt, endAt: d.endAt }));
  }

  /** A leader's reception days in [from, to) past the planned stage, as the leader sees them (the calendar feed). */
  ofLeader(leaderId: string, from: Date, to: Date): Promise<ReceptionDay[]> {
    return this.repo.list(ReceptionAccess.listScope({ role: 'leader', leaderId }, { from, to }));
  }
}
