import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Between, type EntityManager, In, IsNull, LessThan, MoreThan, Not, type Repository } from 'typeorm';
import { asRow, asRows } from '../database/rows.js';
import { AgendaItem } from './agenda-item.entity.js';
import { MeetingAttendee } from './meeting-attendee.entity.js';
import { MeetingOutcome } from './meeting-outcome.entity.js';
import { AGENDA_SHARED_STATUSES as AGENDA_SHARED } from './meeting-access.js';
import type { MeetingAggregate, MeetingFilter } from './meeting-aggregate.js';
import { Meeting } from './meeting.entity.js';
import { Room } from '../directory/room.entity.js';
import type { MeetingRoomFacts } from './meeting-aggregate.js';
import { rawDate } from '../database/raw-values.js';

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
    const room = meeting.roomId ? ((await this.roomsById(m, [meeting.roomId])).get(meeting.roomId) ?? null) : null;
    return { meeting, attendees, agenda, outcomes, room };
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
    const rooms = await this.roomsById(this.meetings.manager, meetings.flatMap((m) => m.roomId ?? []));
    return meetings.map((meeting) => ({
      meeting,
      room: meeting.roomId ? (rooms.get(meeting.roomId) ?? null) : null,
      attendees: attendees.filter((a) => a.meetingId === meeting.id),
      agenda: agenda.filter((a) => a.meetingId === meeting.id),
      outcomes: outcomes.filter((o) => o.meetingId === meeting.id),
    }));
  }

  private async roomsById(em: EntityManager, ids: string[]): Promise<Map<string, MeetingRoomFacts>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rooms = await em.find(Room, { where: { id: In(unique) } });
    return new Map(rooms.map((r) => [r.id, { id: r.id, name: r.name, capacity: r.capacity, equipment: r.equipment }]));
  }

  /** Confirmed or held meetings in a room overlapping [from, to) (what makes rooms busy), with their titles. */
  async roomCommitments(from: Date, to: Date, exceptMeetingIds: string[] = []): Promise<{ meetingId: string; roomId: string; title: string; startAt: Date; endAt: Date }[]> {
    const qb = this.meetings
      .createQueryBuilder('m')
      .select(['m.id AS meetingId', 'm.roomId AS roomId', 'm.title AS title', 'm.startAt AS startAt', 'm.endAt AS endAt'])
      .where('m.roomId IS NOT NULL AND m.status IN (:...statuses) AND m.startAt < :to AND m.endAt > :from', { statuses: ['confirmed', 'held'], from, to });
    if (exceptMeetingIds.length) qb.andWhere('m.id NOT IN (:...except)', { except: exceptMeetingIds });
    const rows = await qb.getRawMany<{ meetingId: string; roomId: string; title: string; startAt: Date | string; endAt: Date | string }>();
    return rows.map((r) => ({ ...r, startAt: rawDate(r.startAt), endAt: rawDate(r.endAt) }));
  }

  /** Confirmed or held meetings overlapping [from, to) with the units they invite (an outside unit in two places at once is a soft constraint). */
  async unitCommitments(from: Date, to: Date, exceptMeetingIds: string[] = []): Promise<{ meetingId: string; title: string; startAt: Date; endAt: Date; unitCode: string }[]> {
    const qb = this.meetings
      .createQueryBuilder('m')
      .innerJoin(MeetingAttendee, 'a', "a.meetingId = m.id AND a.kind = 'unit' AND a.active = :active", { active: true })
      .select(['m.id AS meetingId', 'm.title AS title', 'm.startAt AS startAt', 'm.endAt AS endAt', 'a.refId AS unitCode'])
      .where('m.status IN (:...statuses) AND m.startAt < :to AND m.endAt > :from', { statuses: ['confirmed', 'held'], from, to });
    if (exceptMeetingIds.length) qb.andWhere('m.id NOT IN (:...except)', { except: exceptMeetingIds });
    const rows = await qb.getRawMany<{ meetingId: string; title: string; startAt: Date | string; endAt: Date | string; unitCode: string }>();
    return rows.map((r) => ({ ...r, startAt: rawDate(r.startAt), endAt: rawDate(r.endAt) }));
  }

  /** Which of these titles a meeting that is not cancelled already has (read in the caller's transaction). */
  async takenTitles(em: EntityManager, titles: string[]): Promise<Set<string>> {
    if (!titles.length) return new Set();
    const rows = await em.find(Meeting, { select: { title: true }, where: { title: In(titles), status: Not('cancelled') } });
    return new Set(rows.map((r) => r.title));
  }

  /**
   * The drafts a plan replaces: proposed by a plan (not made by hand), of one of `types`, starting in
   * [from, to), and not edited by hand unless `replaceEdited`. Returns them with the drafts it keeps
   * (edited by hand, same types and window), read in the caller's transaction.
   */
  async plannedDraftsIn(from: Date, to: Date, types: string[], em: EntityManager = this.meetings.manager): Promise<Meeting[]> {
    if (!types.length) return [];
    return em.find(Meeting, { where: { status: 'draft', planId: Not(IsNull()), type: In(types), startAt: Between(from, new Date(to.getTime() - 1)) }, order: { startAt: 'ASC' } });
  }

  /** Deletes these drafts with their agendas and attendees (only while still drafts). */
  async deleteDrafts(em: EntityManager, ids: string[]): Promise<void> {
    if (!ids.length) return;
    await em.delete(AgendaItem, { meetingId: In(ids) });
    await em.delete(MeetingAttendee, { meetingId: In(ids) });
    await em.delete(Meeting, { id: In(ids), status: 'draft' });
  }

  /** Drafts (any plan or by hand) overlapping [from, to) other than `exceptIds`, with their agendas and attendees: what a new plan must not clash with or duplicate. */
  async draftsOverlapping(from: Date, to: Date, exceptIds: string[], em: EntityManager = this.meetings.manager): Promise<MeetingAggregate[]> {
    const drafts = (await em.find(Meeting, { where: { status: 'draft', startAt: LessThan(to), endAt: MoreThan(from) } })).filter((d) => !exceptIds.includes(d.id));
    if (!drafts.length) return [];
    const ids = drafts.map((d) => d.id);
    const [attendees, agenda] = await Promise.all([em.find(MeetingAttendee, { where: { meetingId: In(ids) } }), em.find(AgendaItem, { where: { meetingId: In(ids) } })]);
    return drafts.map((meeting) => ({ meeting, attendees: attendees.filter((a) => a.meetingId === meeting.id), agenda: agenda.filter((a) => a.meetingId === meeting.id), outcomes: [] }));
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
  /**
   * A meeting moved to another time: the answers (回执) given for the old time no longer hold, so every
   * attendee is asked again (RFC 5546 rescheduling: PARTSTAT back to NEEDS-ACTION, RSVP in the update).
   */
  async resetReplies(em: EntityManager, meetingId: string): Promise<void> {
    await em.update(MeetingAttendee, { meetingId }, NO_REPLY);
  }

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

  /** Confirmed or held meetings overlapping [from, to) with their active leader attendees (what makes leaders busy). */
  async leaderCommitments(from: Date, to: Date, exceptMeetingId?: string): Promise<{ meetingId: string; leaderId: string; startAt: Date; endAt: Date }[]> {
    const qb = this.meetings
      .createQueryBuilder('m')
      .innerJoin(MeetingAttendee, 'a', "a.meetingId = m.id AND a.kind = 'leader' AND a.active = :active", { active: true })
      .select(['m.id AS meetingId', 'a.refId AS leaderId', 'm.startAt AS startAt', 'm.endAt AS endAt'])
      .where('m.status IN (:...statuses) AND m.startAt < :to AND m.endAt > :from', { statuses: ['confirmed', 'held'], from, to });
    if (exceptMeetingId) qb.andWhere('m.id <> :except', { except: exceptMeetingId });
    const rows = await qb.getRawMany<{ meetingId: string; leaderId: string; startAt: Date | string; endAt: Date | string }>();
    return rows.map((r) => ({ ...r, startAt: rawDate(r.startAt), endAt: rawDate(r.endAt) }));
  }

  async insertOutcome(em: EntityManager, outcome: MeetingOutcome): Promise<void> {
    await em.insert(MeetingOutcome, asRow(outcome));
  }

  /** Which of these cases are on the agenda of a confirmed or held meeting (the planner's backlog leaves them out). */
  async onConfirmedAgendas(caseIds: string[]): Promise<Set<string>> {
    if (!caseIds.length) return new Set();
    const rows = await this.agenda
      .createQueryBuilder('i')
      .innerJoin(Meeting, 'm', 'm.id = i.meetingId')
      .select('DISTINCT i.caseId', 'caseId')
      .where('i.caseId IN (:...caseIds) AND m.status IN (:...shared)', { caseIds, shared: AGENDA_SHARED })
      .getRawMany<{ caseId: string }>();
    return new Set(rows.map((r) => r.caseId));
  }

  /** Is the case on the agenda of a confirmed or held meeting this leader attends (as an active attendee)? */
  async onAgendaAttendedBy(caseId: string, leaderId: string): Promise<boolean> {
    const rows: unknown[] = await this.agenda
      .createQueryBuilder('i')
      .innerJoin(Meeting, 'm', 'm.id = i.meetingId')
      .innerJoin(MeetingAttendee, 'a', 'a.meetingId = m.id')
      .select('1', 'one')
      .where('i.caseId = :caseId AND m.status IN (:...shared)', { caseId, shared: AGENDA_SHARED })
      .andWhere("a.kind = 'leader' AND a.refId = :leaderId AND a.active = :active", { leaderId, active: true })
      .limit(1)
      .getRawMany();
    return rows.length > 0;
  }

  /** The cases on the agendas of the confirmed or held meetings this leader attends. */
  async agendaCasesAttendedBy(leaderId: string): Promise<string[]> {
    const rows = await this.agenda
      .createQueryBuilder('i')
      .innerJoin(Meeting, 'm', 'm.id = i.meetingId')
      .innerJoin(MeetingAttendee, 'a', 'a.meetingId = m.id')
      .select('DISTINCT i.caseId', 'caseId')
      .where('m.status IN (:...shared)', { shared: AGENDA_SHARED })
      .andWhere("a.kind = 'leader' AND a.refId = :leaderId AND a.active = :active", { leaderId, active: true })
      .getRawMany<{ caseId: string }>();
    return rows.map((r) => r.caseId);
  }

  /** Meetings starting in [from, to), counted by type and status (the office's figures). */
  async countByTypeAndStatus(from: Date, to: Date): Promise<{ type: string; status: string; n: number }[]> {
    const rows = await this.meetings
      .createQueryBuilder('m')
      .select('m.type', 'type')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('m.startAt >= :from AND m.startAt < :to', { from, to })
      .groupBy('m.type')
      .addGroupBy('m.status')
      .getRawMany<{ type: string; status: string; n: unknown }>();
    return rows.map((r) => ({ type: r.type, status: r.status, n: Number(r.n ?? 0) }));
  }

  /** All outcomes recorded for these cases, newest first. */
  outcomesForCases(caseIds: string[]): Promise<MeetingOutcome[]> {
    return caseIds.length ? this.outcomes.find({ where: { caseId: In(caseIds) }, order: { createdAt: 'DESC' } }) : Promise.resolve([]);
  }
}

/** An attendee's reply state before any answer. */
export const NO_REPLY = { partstat: 'NEEDS-ACTION', repliedAt: null, replyVia: null, substituteName: null, substitutePost: null, replyComment: null } as const;
