import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import { MeetingAttendee } from '../meeting-attendee.entity.js';
import { Meeting } from '../meeting.entity.js';
import type { ReplyState } from './reply-state.js';

/** The SQL of replies: an attendee's answer, written only if nobody answered in between (compare-and-set). */
@Injectable()
export class RepliesRepository {
  constructor(@InjectRepository(Meeting) private readonly meetings: Repository<Meeting>) {}

  /** Writes the new answer if the row still holds `before`'s; false when another answer came first. */
  async writeReply(em: EntityManager, attendeeId: string, before: Pick<ReplyState, 'partstat' | 'repliedAt'>, next: ReplyState): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(MeetingAttendee)
      .set({ ...next })
      .where({ id: attendeeId, partstat: before.partstat, repliedAt: before.repliedAt ?? IsNull() })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The meeting with this iCalendar UID (an iTIP REPLY names the meeting by it). */
  async meetingIdByUid(uid: string): Promise<string | null> {
    const row = await this.meetings.findOne({ select: { id: true }, where: { uid } });
    return row?.id ?? null;
  }

  /** Confirmed or held meetings overlapping [from, to) (what makes a room or a leader busy for the alternatives). */
  confirmedBetween(from: Date, to: Date): Promise<Meeting[]> {
    return this.meetings
      .createQueryBuilder('m')
      .where('m.status IN (:...statuses) AND m.startAt < :to AND m.endAt > :from', { statuses: ['confirmed', 'held'], from, to })
      .getMany();
  }
}
