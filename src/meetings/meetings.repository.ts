import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, LessThan, MoreThan, Not, type Repository } from 'typeorm';
import type { MeetingType } from '../domain/case-vocabulary.js';
import { asRow, asRows } from '../database/rows.js';
import { AgendaItem } from './agenda-item.entity.js';
import { MeetingAttendee } from './meeting-attendee.entity.js';
import { MeetingOutcome } from './meeting-outcome.entity.js';
import { Meeting, type MeetingStatus } from './meeting.entity.js';

export interface MeetingAggregate {
  meeting: Meeting;
  attendees: MeetingAttendee[];
  agenda: AgendaItem[];
  outcomes: MeetingOutcome[];
}

export interface MeetingFilter {
  from?: Date;
  to?: Date;
  type?: MeetingType;
  status?: MeetingStatus;
  /** Only meetings in one of these statuses (an empty list matches nothing). */
  statuses?: readonly MeetingStatus[];
  /** Meetings this leader attends (as an active attendee). */
  leaderId?: string;
}

@Injectable()
export class MeetingsRepository {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(MeetingAttendee) private readonly attendees: Repository<MeetingAttendee>,
    @InjectRepository(AgendaItem) private readonly agenda: Repository<AgendaItem>,
    @InjectRepository(MeetingOutcome) private readonly outcomes: Repository<MeetingOutcome>,
  ) {}

  async insert(em: EntityManager, a: Omit<MeetingAggregate, 'outcomes'>): Promise<void> {
    await em.insert(Meeting, asRow(a.meeting));
    if (a.attendees.length) await em.insert(MeetingAttendee, asRows(a.attendees));
    if (a.agenda.length) await em.insert(AgendaItem, asRows(a.agenda));
  }

  async find(id: string, em?: EntityManager): Promise<MeetingAggregate | null> {
    const m = em ?? this.meetings.manager;
    const meeting = await m.findOneBy(Meeting, { id });
    if (!meeting) return null;
    const [attendees, agenda, outcomes] = await Promise.all([
      m.find(MeetingAttendee, { where: { meetingId: id }, order: { role: 'ASC', name: 'ASC' } }),
      m.find(AgendaItem, { where: { meetingId: id }, order: { position: 'ASC' } }),
      m.find(MeetingOutcome, { where: { meetingId: id }, order: { createdAt: 'ASC' } }),
    ]);
    return { meeting, attendees, agenda, outcomes };
  }

  async list(filter: MeetingFilter): Promise<MeetingAggregate[]> {
    const qb = this.meetings.createQueryBuilder('m').orderBy('m.startAt', 'ASC').addOrderBy('m.id', 'ASC');
    if (filter.from) qb.andWhere('m.endAt > :from', { from: filter.from });
    if (filter.to) qb.andWhere('m.startAt < :to', { to: filter.to });
    if (filter.type) qb.andWhere('m.type = :type', { type: filter.type });
    if (filter.status) qb.andWhere('m.status = :status', { status: filter.status });
    if (filter.statuses) {
      if (!filter.statuses.length) return [];
      qb.andWhere('m.status IN (:...statuses)', { statuses: [...filter.statuses] });
    }
    if (filter.leaderId) {
      qb.andWhere(
        "m.id IN (SELECT a.meetingId FROM meeting_attendees a WHERE a.kind = 'leader' AND a.refId = :leaderId AND a.active = :active)",
        { leaderId: filter.leaderId, active: true },
      );
    }
    const meetings = await qb.limit(2000).getMany();
    if (!meetings.length) return [];
    const ids = meetings.map((m) => m.id);
    const [attendees, agenda, outcomes] = await Promise.all([
      this.attendees.find({ where: { meetingId: In(ids) }, order: { role: 'ASC', name: 'ASC' } }),
      this.agenda.find({ where: { meetingId: In(ids) }, order: { position: 'ASC' } }),
      this.outcomes.find({ where: { meetingId: In(ids) }, order: { createdAt: 'ASC' } }),
    ]);
    return meetings.map((meeting) => ({
      meeting,
      attendees: attendees.filter((a) => a.meetingId === meeting.id),
      agenda: agenda.filter((a) => a.meetingId === meeting.id),
      outcomes: outcomes.filter((o) => o.meetingId === meeting.id),
    }));
  }

  /** Optimistic update of the meeting row; false when someone else changed it first. */
  async update(em: EntityManager, id: string, version: number, changes: Partial<Meeting>): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(Meeting)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  async replaceAgenda(em: EntityManager, meetingId: string, items: AgendaItem[]): Promise<void> {
    await em.delete(AgendaItem, { meetingId });
    if (items.length) await em.insert(AgendaItem, asRows(items));
  }

  /**
   * Attendees no longer invited stay as inactive rows (they are sent a cancellation); new ones are added.
   * Returns the attendees now invited (existing rows keep their ids) and those just removed.
   */
  async syncAttendees(em: EntityManager, meetingId: string, wanted: MeetingAttendee[]): Promise<{ active: MeetingAttendee[]; added: MeetingAttendee[]; removed: MeetingAttendee[] }> {
    const current = await em.find(MeetingAttendee, { where: { meetingId } });
    const key = (a: Pick<MeetingAttendee, 'kind' | 'refId'>): string => `${a.kind}:${a.refId}`;
    const wantedKeys = new Map(wanted.map((a) => [key(a), a]));
    const active: MeetingAttendee[] = [];
    const added: MeetingAttendee[] = [];
    const removed: MeetingAttendee[] = [];
    for (const a of current) {
      const w = wantedKeys.get(key(a));
      if (!w) {
        if (a.active) {
          await em.update(MeetingAttendee, { id: a.id }, { active: false });
          removed.push({ ...a, active: false });
        }
        continue;
      }
      if (!a.active || a.role !== w.role) await em.update(MeetingAttendee, { id: a.id }, { active: true, role: w.role });
      const row = { ...a, active: true, role: w.role };
      active.push(row);
      if (!a.active) added.push(row);
      wantedKeys.delete(key(a));
    }
    if (wantedKeys.size) {
      const fresh = [...wantedKeys.values()];
      await em.insert(MeetingAttendee, asRows(fresh));
      active.push(...fresh);
      added.push(...fresh);
    }
    return { active, added, removed };
  }

  /** Drafts proposed by earlier plans that overlap the window: re-planning replaces them. */
  async deletePlannedDrafts(em: EntityManager, from: Date, to: Date): Promise<number> {
    const drafts = await em.find(Meeting, { select: { id: true }, where: { status: 'draft', planId: Not(IsNull()), startAt: LessThan(to), endAt: MoreThan(from) } });
    const ids = drafts.map((d) => d.id);
    if (!ids.length) return 0;
    await em.delete(AgendaItem, { meetingId: In(ids) });
    await em.delete(MeetingAttendee, { meetingId: In(ids) });
    await em.delete(Meeting, { id: In(ids), status: 'draft' });
    return ids.length;
  }

  /** Confirmed or held meetings overlapping [from, to) with their active leader attendees (what makes leaders busy). */
  async leaderCommitments(from: Date, to: Date, exceptMeetingId?: string): Promise<{ meetingId: string; leaderId: string; startAt: Date; endAt: Date }[]> {
    const qb = this.meetings
      .createQueryBuilder('m')
      .innerJoin(MeetingAttendee, 'a', "a.meetingId = m.id AND a.kind = 'leader' AND a.active = :active", { active: true })
      .select(['m.id AS meetingId', 'a.refId AS leaderId', 'm.startAt AS startAt', 'm.endAt AS endAt'])
      .where('m.status IN (:...statuses) AND m.startAt < :to AND m.endAt > :from', { statuses: ['confirmed', 'held'], from, to });
    if (exceptMeetingId) qb.andWhere('m.id <> :except', { except: exceptMeetingId });
    const rows = await qb.getRawMany<{ meetingId: string; leaderId: string; startAt: Date | string; endAt: Date | string }>();
    return rows.map((r) => ({ ...r, startAt: toDate(r.startAt), endAt: toDate(r.endAt) }));
  }

  async insertOutcome(em: EntityManager, outcome: MeetingOutcome): Promise<void> {
    await em.insert(MeetingOutcome, asRow(outcome));
  }

  /** All outcomes recorded for these cases, newest first. */
  outcomesForCases(caseIds: string[]): Promise<MeetingOutcome[]> {
    return caseIds.length ? this.outcomes.find({ where: { caseId: In(caseIds) }, order: { createdAt: 'DESC' } }) : Promise.resolve([]);
  }
}

/** Raw rows give SQLite datetimes as 'YYYY-MM-DD HH:MM:SS.SSS' (UTC) and MySQL ones as Date. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value.replace(' ', 'T') + (value.endsWith('Z') ? '' : 'Z'));
}
