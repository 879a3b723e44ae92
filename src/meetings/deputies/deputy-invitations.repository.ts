import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { rawBool, rawDate } from '../../database/raw-values.js';
import { DeputyBooking } from '../deputy-booking.entity.js';
import { MeetingAttendee } from '../meeting-attendee.entity.js';
import { Meeting } from '../meeting.entity.js';
import { MinutesAttendance } from '../minutes/minutes.entity.js';
import type { DeputyCommitment } from '../planner/deputies.js';

/** Meetings that count as invitations: confirmed (invites sent) or held. */
const INVITED_STATUSES = ['confirmed', 'held'];

/** One deputy's invitation to a confirmed or held meeting (the dashboard's figures are computed from these). */
export interface DeputyInvitationRow {
  meetingId: string;
  deputyId: string;
  /** Recorded as present (出席) in the meeting's minutes (会议纪要). */
  attended: boolean;
  accepted: boolean;
}

/** Deputies' time and invitations as the meetings store them. */
@Injectable()
export class DeputyInvitationsRepository {
  constructor(
    @InjectRepository(DeputyBooking) private readonly bookings: Repository<DeputyBooking>,
    @InjectRepository(MeetingAttendee) private readonly attendees: Repository<MeetingAttendee>,
  ) {}

  /** Deputies' bookings (confirmed meetings) overlapping [from, to), other than the meeting's own. */
  async commitments(from: Date, to: Date, exceptMeetingId?: string): Promise<(DeputyCommitment & { meetingId: string })[]> {
    const qb = this.bookings
      .createQueryBuilder('b')
      .select(['b.deputyId AS deputyId', 'b.meetingId AS meetingId', 'b.startAt AS startAt', 'b.endAt AS endAt'])
      .where('b.startAt < :to AND b.endAt > :from', { from, to });
    if (exceptMeetingId) qb.andWhere('b.meetingId <> :except', { except: exceptMeetingId });
    const rows = await qb.getRawMany<{ deputyId: string; meetingId: string; startAt: Date | string; endAt: Date | string }>();
    return rows.map((r) => ({ deputyId: r.deputyId, meetingId: r.meetingId, startAt: rawDate(r.startAt), endAt: rawDate(r.endAt) }));
  }

  /** Invitations per deputy to confirmed or held meetings starting at or after `since`. */
  async invitationsSince(since: Date): Promise<Map<string, number>> {
    const rows = await this.attendees
      .createQueryBuilder('a')
      .innerJoin(Meeting, 'm', 'm.id = a.meetingId')
      .select('a.refId', 'deputyId')
      .addSelect('COUNT(*)', 'n')
      .where("a.kind = 'deputy' AND a.active = :active AND m.status IN (:...statuses) AND m.startAt >= :since", { active: true, statuses: INVITED_STATUSES, since })
      .groupBy('a.refId')
      .getRawMany<{ deputyId: string; n: number | string }>();
    return new Map(rows.map((r) => [r.deputyId, Number(r.n)]));
  }

  /** Deputies' invitations to confirmed or held meetings starting in [from, to). */
  async invitationsBetween(from: Date, to: Date): Promise<DeputyInvitationRow[]> {
    const rows = await this.attendees
      .createQueryBuilder('a')
      .innerJoin(Meeting, 'm', 'm.id = a.meetingId')
      .leftJoin(MinutesAttendance, 'p', 'p.meetingId = a.meetingId AND p.attendeeId = a.id')
      .select(['a.meetingId AS meetingId', 'a.refId AS deputyId', 'a.partstat AS partstat', 'p.present AS present'])
      .where("a.kind = 'deputy' AND a.active = :active AND m.status IN (:...statuses) AND m.startAt >= :from AND m.startAt < :to", { active: true, statuses: INVITED_STATUSES, from, to })
      .getRawMany<{ meetingId: string; deputyId: string; partstat: string; present: unknown }>();
    return rows.map((r) => ({ meetingId: r.meetingId, deputyId: r.deputyId, attended: rawBool(r.present), accepted: r.partstat === 'ACCEPTED' }));
  }
}
