import { randomUUID } from 'node:crypto';
import { OfficeSettings } from '../settings/office-settings.js';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MeetingsConfig } from '../../config/meetings-config.js';
import { type Actor, seesPersonalData } from '../domain/actor.js';
import { CaseActionsService } from '../cases/case-actions.service.js';
import { CaseChanges } from '../cases/case-changes.js';
import { CaseErrors } from '../cases/case.errors.js';
import { CaseReader } from '../cases/case-reader.js';
import { OPEN_STATUSES } from '../domain/case-vocabulary.js';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { DirectoryErrors } from '../directory/directory.errors.js';
import type { Leader } from '../directory/leader.entity.js';
import type { AgendaItem } from './agenda-item.entity.js';
import type { AgendaItemDto, CancelMeetingDto, CreateMeetingDto, ListMeetingsQuery, OutcomeDto, UpdateMeetingDto } from './dto/meeting.dto.js';
import { AttendeeFactory } from './attendee-factory.js';
import { MeetingBookings } from './booking/meeting-bookings.js';
import { unitOverlaps } from './constraints/unit-overlap.js';
import { meetingTitleCandidates } from './planner/meeting-title.js';
import { roomLocation } from './meeting-rooms.js';
import type { MeetingAttendee } from './meeting-attendee.entity.js';
import type { Room } from '../directory/room.entity.js';
import { ResourceBusyError } from './booking/resource-bookings.js';
import { MeetingEvents } from './meeting-events.js';
import { MeetingAccess } from './meeting-access.js';
import { allowedActionsOf } from './meeting-allowed-actions.js';
import { MeetingContextService } from './meeting-context.service.js';
import { meetingViolations } from './constraints/meeting-rules.js';
import { MeetingErrors } from './meeting.errors.js';
import { DeputyInvitations } from './deputies/deputy-invitations.service.js';
import type { Meeting } from './meeting.entity.js';
import { type AgendaCaseFacts, toMeetingView, type MeetingView } from './meeting-view.js';
import { MeetingsRepository, NO_REPLY } from './meetings.repository.js';
import { type MeetingAggregate } from './meeting-aggregate.js';
import { ZH } from '../domain/labels.js';
import { assertStarted } from './meeting-start.js';
import { MinutesErrors } from './minutes/minutes.errors.js';
import { MinutesRepository } from './minutes/minutes.repository.js';

/** Meetings from proposal to outcome: every change re-checks the hard constraints; confirmation is atomic. */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly repo: MeetingsRepository,
    private readonly cases: CaseReader,
    private readonly caseActions: CaseActionsService,
    private readonly caseChanges: CaseChanges,
    private readonly directory: DirectoryService,
    private readonly context: MeetingContextService,
    private readonly attendees: AttendeeFactory,
    private readonly events: MeetingEvents,
    private readonly bookings: MeetingBookings,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: OfficeSettings,
    private readonly minutesRecords: MinutesRepository,
    private readonly deputies: DeputyInvitations,
  ) {}

  /** The meeting settings in force now. */
  private get config(): MeetingsConfig {
    return this.settings.meetings();
  }

  async list(query: ListMeetingsQuery, actor: Actor): Promise<MeetingView[]> {
    const filter = MeetingAccess.listScope(actor, {
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      type: query.type,
      status: query.status,
      leaderId: query.leaderId,
    });
    const found = await this.repo.list(filter);
    const minutes = await this.minutesRecords.findMany(found.map((a) => a.meeting.id));
    for (const a of found) a.minutes = minutes.get(a.meeting.id) ?? null;
    const seen = found.flatMap((a) => MeetingAccess.visible(actor, a) ?? []);
    const cases = await this.agendaCases(seen);
    const now = this.clock.now();
    return seen.map((a) => toMeetingView(a, cases, allowedActionsOf(a, actor, now), { secretariat: seesPersonalData(actor) }));
  }

  async get(id: string, actor: Actor): Promise<MeetingView> {
    const seen = await this.load(id, actor);
    return toMeetingView(seen, await this.agendaCases([seen]), allowedActionsOf(seen, actor, this.clock.now()), { secretariat: seesPersonalData(actor) });
  }

  /** Subject, grade, category and region of the cases on these agendas, for the views. */
  private async agendaCases(meetings: MeetingAggregate[]): Promise<Map<string, AgendaCaseFacts>> {
    const ids = [...new Set(meetings.flatMap((a) => a.agenda.map((i) => i.caseId)))];
    const found = await this.cases.findManyByIds(ids);
    return new Map(found.map((c) => [c.id, { subject: c.subject, grade: c.grade, category: c.category, region: c.region }]));
  }

  /** The meeting as the actor may see it (`MeetingAccess`); one he or she may not see answers exactly like a missing one. */
  async load(id: string, actor: Actor): Promise<MeetingAggregate> {
    const found = await this.repo.find(id);
    if (found) found.minutes = await this.minutesRecords.find(id);
    const seen = found ? MeetingAccess.visible(actor, found) : null;
    if (!seen) throw MeetingErrors.notFound();
    return seen;
  }

  async create(input: CreateMeetingDto, actor: Actor): Promise<MeetingView> {
    const now = this.clock.now();
    const id = randomUUID();
    const startAt = new Date(input.startAt);
    const endAt = new Date(input.endAt);
    const leaders = await this.context.leadersById();
    const agenda = await this.agendaItems(id, input.agenda, leaders);
    const room = await this.roomOf(input.roomId ?? null);
    const meeting: Meeting = {
      id,
      type: input.type,
      // Without a title, the plans' scheme (督办会（12月3日上午）), made unique when stored.
      title: input.title ?? '',
      startAt,
      endAt,
      location: room ? roomLocation(room) : (input.location ?? this.config.defaultLocation),
      roomId: room?.id ?? null,
      // Made by hand: a plan never replaces it.
      handEdited: true,
      chairId: input.chairId,
      status: 'draft',
      sequence: 0,
      uid: meetingUid(id),
      planId: null,
      cancelReason: null,
      createdBy: actor.username,
      createdAt: now,
      updatedAt: now,
      version: 1,
    };
    await this.deputies.assertMayInvite(meeting, agenda.map((i) => i.caseId), input.deputies ?? []);
    const attendees = await this.attendees.build(id, meeting.chairId, agenda, input.units ?? [], input.deputies ?? []);
    await this.assertFeasible(meeting, agenda, leaders, attendees, room);
    await this.tx.run(async (em) => {
      if (!input.title) meeting.title = await this.untakenTitle(em, ZH.meetingType[input.type], startAt);
      await this.repo.insert(em, { meeting, attendees, agenda });
    });
    return this.get(id, actor);
  }

  async update(id: string, input: UpdateMeetingDto, actor: Actor): Promise<MeetingView> {
    const current = await this.load(id, actor);
    const m = current.meeting;
    if (m.status === 'cancelled' || m.status === 'held') throw MeetingErrors.notEditable(m.status);
    const leaders = await this.context.leadersById();
    const agenda = input.agenda ? await this.agendaItems(id, input.agenda, leaders) : current.agenda;
    const next: Meeting = {
      ...m,
      title: input.title ?? m.title,
      startAt: input.startAt ? new Date(input.startAt) : m.startAt,
      endAt: input.endAt ? new Date(input.endAt) : m.endAt,
      chairId: input.chairId ?? m.chairId,
      // A location given without a room moves the meeting out of its room.
      ...(await this.placeOf(input, m)),
      // A draft edited by hand is kept by later plans.
      handEdited: m.status === 'draft' ? true : m.handEdited,
    };
    const units = input.units ?? current.attendees.filter((a) => a.kind === 'unit' && a.active).map((a) => a.refId);
    const deputies = input.deputies ?? current.attendees.filter((a) => a.kind === 'deputy' && a.active).map((a) => a.refId);
    await this.deputies.assertMayInvite(next, agenda.map((i) => i.caseId), deputies);
    const attendees = await this.attendees.build(id, next.chairId, agenda, units, deputies);
    await this.assertFeasible(next, agenda, leaders, attendees, await this.roomOf(next.roomId));
    const now = this.clock.now();
    await this.run(async (em) => {
      const sync = await this.repo.syncAttendees(em, id, attendees);
      if (next.startAt.getTime() !== m.startAt.getTime() || next.endAt.getTime() !== m.endAt.getTime()) {
        await this.repo.resetReplies(em, id);
        for (const a of sync.active) Object.assign(a, NO_REPLY);
      }
      const matters =
        next.startAt.getTime() !== m.startAt.getTime() ||
        next.endAt.getTime() !== m.endAt.getTime() ||
        next.location !== m.location ||
        next.roomId !== m.roomId ||
        next.chairId !== m.chairId ||
        next.title !== m.title ||
        input.agenda !== undefined ||
        sync.added.length + sync.removed.length > 0;
      const sequence = m.status === 'confirmed' && matters ? m.sequence + 1 : m.sequence;
      const changes = {
        title: next.title,
        startAt: next.startAt,
        endAt: next.endAt,
        location: next.location,
        roomId: next.roomId,
        handEdited: next.handEdited,
        chairId: next.chairId,
        sequence,
        updatedAt: now,
      };
      if (!(await this.repo.update(em, id, m.version, changes))) throw MeetingErrors.changedConcurrently();
      if (input.agenda) await this.repo.replaceAgenda(em, id, agenda);
      if (m.status === 'confirmed') {
        await this.bookings.book(em, id, { leaderIds: leaderIdsOf(sync.active), roomId: next.roomId, deputyIds: deputyIdsOf(sync.active) }, next);
        await this.assignLeaders(em, agenda, actor, now);
        // Everyone invited gets the update in place; whoever was dropped gets a cancellation.
        if (matters) await this.events.emit(em, { kind: 'changed', meetingId: id, sequence, invited: sync.active, removed: sync.removed, at: now });
      }
    });
    this.events.committed();
    return { ...(await this.get(id, actor)), warnings: await this.unitWarnings(id) };
  }

  /** Draft → confirmed, atomically: leaders' time is booked (refused when another confirmed meeting overlaps) and leaders in charge assigned. */
  async confirm(id: string, actor: Actor): Promise<MeetingView> {
    const current = await this.load(id, actor);
    const m = current.meeting;
    if (m.status !== 'draft') throw MeetingErrors.notDraft();
    const leaders = await this.context.leadersById();
    await this.assertFeasible(m, current.agenda, leaders, current.attendees, await this.roomOf(m.roomId));
    const now = this.clock.now();
    await this.run(async (em) => {
      if (!(await this.repo.update(em, id, m.version, { status: 'confirmed', updatedAt: now }))) throw MeetingErrors.changedConcurrently();
      const invited = current.attendees.filter((a) => a.active);
      await this.bookings.book(em, id, { leaderIds: leaderIdsOf(invited), roomId: m.roomId, deputyIds: deputyIdsOf(invited) }, m);
      await this.assignLeaders(em, current.agenda, actor, now);
      await this.events.emit(em, { kind: 'confirmed', meetingId: id, sequence: m.sequence, invited, removed: [], at: now });
    });
    this.events.committed();
    return { ...(await this.get(id, actor)), warnings: await this.unitWarnings(id) };
  }

  async cancel(id: string, input: CancelMeetingDto, actor: Actor): Promise<MeetingView> {
    const current = await this.load(id, actor);
    const m = current.meeting;
    if (m.status === 'cancelled' || m.status === 'held') throw MeetingErrors.notEditable(m.status);
    const now = this.clock.now();
    await this.run(async (em) => {
      const sequence = m.status === 'confirmed' ? m.sequence + 1 : m.sequence;
      if (!(await this.repo.update(em, id, m.version, { status: 'cancelled', cancelReason: input.reason, sequence, updatedAt: now }))) {
        throw MeetingErrors.changedConcurrently();
      }
      await this.bookings.release(em, id);
      if (m.status === 'confirmed') {
        const invited = current.attendees.filter((a) => a.active);
        await this.events.emit(em, { kind: 'cancelled', meetingId: id, sequence, invited, removed: [], at: now });
      }
    });
    this.events.committed();
    return this.get(id, actor);
  }

  /**
   * 会议要求: recorded on the meeting once it has started (409 MEETING_NOT_STARTED before) and until its
   * minutes are issued (409 MINUTES_ISSUED), and fed back into the case through the owner of case changes
   * (a timeline event and, when given, its new deadline), in one transaction. A deadline for a case not
   * yet accepted (409 CASE_NOT_ACCEPTED) or whose reply deadline no longer runs (409 NO_RUNNING_DEADLINE)
   * is refused and nothing is recorded. The meeting's version moves with every outcome, so an outcome
   * and the issue of the minutes cannot both pass.
   */
  async addOutcome(id: string, input: OutcomeDto, actor: Actor): Promise<MeetingView> {
    const current = await this.load(id, actor);
    const m = current.meeting;
    if (m.status !== 'confirmed' && m.status !== 'held') throw MeetingErrors.notHeldYet();
    const now = this.clock.now();
    assertStarted(m, now, this.settings.timeZone());
    if (current.minutes?.status === 'issued') throw MinutesErrors.issued(current.minutes.number);
    if (!current.agenda.some((i) => i.caseId === input.caseId)) throw MeetingErrors.caseNotOnAgenda();
    const dueAt = input.dueAt ? new Date(input.dueAt) : null;
    await this.run(async (em) => {
      await this.repo.insertOutcome(em, {
        id: randomUUID(),
        meetingId: id,
        caseId: input.caseId,
        decision: input.decision,
        requirements: input.requirements ?? null,
        dueAt,
        createdBy: actor.username,
        createdAt: now,
      });
      if (!(await this.repo.update(em, id, m.version, { status: 'held', updatedAt: now }))) throw MeetingErrors.changedConcurrently();
      const outcome = { meetingId: id, meetingTitle: m.title, decision: input.decision, requirements: input.requirements ?? null, dueAt };
      await this.caseChanges.recordMeetingOutcomeIn(em, input.caseId, outcome, { actor, at: now });
    });
    return this.get(id, actor);
  }

  private async agendaItems(meetingId: string, items: AgendaItemDto[], leaders: Map<string, Leader>): Promise<AgendaItem[]> {
    const cases = new Map((await this.cases.findManyByIds(items.map((i) => i.caseId))).map((c) => [c.id, c]));
    const seen = new Set<string>();
    return items.map((item, position) => {
      const c = cases.get(item.caseId);
      if (!c) throw CaseErrors.notFound();
      if (seen.has(c.id)) throw MeetingErrors.duplicateCase(c.code);
      seen.add(c.id);
      if (!OPEN_STATUSES.includes(c.status)) throw MeetingErrors.caseNotOpen(c.code);
      const leadLeaderId = item.leadLeaderId ?? c.leadLeaderId;
      if (leadLeaderId && !leaders.has(leadLeaderId)) throw DirectoryErrors.leaderNotFound();
      return { id: randomUUID(), meetingId, position, caseId: c.id, caseCode: c.code, leadLeaderId, presenterUnit: item.presenterUnit ?? c.routeHandledBy, minutes: item.minutes };
    });
  }

  /** The one per-meeting check (`meetingViolations`), as the planner's plans pass it too. */
  private async assertFeasible(m: Meeting, agenda: AgendaItem[], leaders: Map<string, Leader>, attendees: MeetingAttendee[], room: Room | null): Promise<void> {
    const chair = leaders.get(m.chairId);
    if (!chair) throw DirectoryErrors.leaderNotFound();
    const lead = (id: string | null): { id: string; name: string; rank: Leader['rank']; active: boolean } | null => {
      const l = id ? leaders.get(id) : undefined;
      return l ? { id: l.id, name: l.name, rank: l.rank, active: l.active } : null;
    };
    // A leader already in charge of the case is kept whatever the rank; a new one must be of a lead rank.
    const inCharge = new Map((await this.cases.findManyByIds(agenda.map((i) => i.caseId))).map((c) => [c.id, c.leadLeaderId]));
    const commitments = await this.context.commitments(m.startAt, m.endAt, leaders, m.id);
    const roomTaken = room ? await this.context.roomCommitments(m.startAt, m.endAt, m.id) : [];
    const violations = meetingViolations(
      {
        type: m.type,
        startAt: m.startAt,
        endAt: m.endAt,
        chair: { id: chair.id, name: chair.name, rank: chair.rank },
        agenda: agenda.map((i) => ({ caseCode: i.caseCode, minutes: i.minutes, lead: lead(i.leadLeaderId), kept: i.leadLeaderId !== null && inCharge.get(i.caseId) === i.leadLeaderId })),
        room,
        attendeeCount: attendees.filter((a) => a.active).length,
      },
      this.context.calendarContext(),
      commitments,
      roomTaken,
    );
    if (violations.length) throw MeetingErrors.violations(violations);
  }

  /** Each agenda case gets its leader in charge (the `assign-leader` case action, with its event) in the same transaction. */
  private async assignLeaders(em: EntityManager, agenda: AgendaItem[], actor: Actor, now: Date): Promise<void> {
    for (const item of agenda) {
      if (item.leadLeaderId) await this.caseActions.assignLeaderIn(em, item.caseId, item.leadLeaderId, actor, now);
    }
  }

  /** A transaction in which a leader found busy (another meeting booked the time first) answers MEETING_CONFLICT. */
  private async run(work: (em: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.tx.run(work);
    } catch (error) {
      if (error instanceof ResourceBusyError && error.resource === 'roomId') {
        const room = await this.roomOf(error.clashes[0]?.resourceId ?? null).catch(() => null);
        throw MeetingErrors.roomDoubleBookedAtConfirm(room?.name ?? '', error.clashes);
      }
      if (error instanceof ResourceBusyError && error.resource === 'deputyId') {
        const names = new Map((await this.directory.deputiesByIds(error.clashes.map((c) => c.resourceId))).map((d) => [d.id, d.name]));
        throw MeetingErrors.deputyDoubleBooked(error.clashes.map((c) => ({ deputyId: c.resourceId, name: names.get(c.resourceId) ?? '', meetingId: c.meetingId })));
      }
      if (error instanceof ResourceBusyError) throw MeetingErrors.doubleBookedAtConfirm(error.clashes);
      throw error;
    }
  }

  /** The room asked for (null: none); an unknown id answers ROOM_NOT_FOUND. */
  private async roomOf(roomId: string | null): Promise<Room | null> {
    return roomId ? this.directory.getRoom(roomId) : null;
  }

  /** Room and location after a PATCH: a room names the place; a location alone leaves the room. */
  private async placeOf(input: UpdateMeetingDto, m: Meeting): Promise<Pick<Meeting, 'roomId' | 'location'>> {
    const roomId = input.roomId !== undefined ? input.roomId : input.location !== undefined ? null : m.roomId;
    const room = roomId === m.roomId && input.roomId === undefined ? null : await this.roomOf(roomId);
    if (room) return { roomId: room.id, location: roomLocation(room) };
    return { roomId, location: input.location ?? m.location };
  }

  /** The first title of the scheme no meeting (not cancelled) has, read in the transaction that stores it. */
  private async untakenTitle(em: EntityManager, base: string, startAt: Date): Promise<string> {
    const zone = this.settings.snapshot().policy.timeZone;
    for (let count = 20; ; count += 20) {
      const candidates = meetingTitleCandidates(base, startAt, zone, count).slice(count - 20);
      const taken = await this.repo.takenTitles(em, candidates);
      const free = candidates.find((t) => !taken.has(t));
      if (free) return free;
    }
  }

  /**
   * Outside units invited here and to another confirmed meeting at the same time (SOFT): listed as
   * warnings with the answer of an edit or a confirmation, never refused.
   */
  async unitWarnings(id: string): Promise<{ constraint: string; message: string }[]> {
    const found = await this.repo.find(id);
    if (!found) return [];
    const units = found.attendees.filter((a) => a.kind === 'unit' && a.active);
    if (!units.length) return [];
    const others = await this.repo.unitCommitments(found.meeting.startAt, found.meeting.endAt, [id]);
    const byMeeting = new Map<string, { title: string; startAt: Date; endAt: Date; unitCodes: string[] }>();
    for (const r of others) {
      const o = byMeeting.get(r.meetingId) ?? { title: r.title, startAt: r.startAt, endAt: r.endAt, unitCodes: [] };
      o.unitCodes.push(r.unitCode);
      byMeeting.set(r.meetingId, o);
    }
    const names = new Map(units.map((u) => [u.refId, u.name]));
    const me = { title: found.meeting.title, startAt: found.meeting.startAt, endAt: found.meeting.endAt, unitCodes: units.map((u) => u.refId) };
    return unitOverlaps([me], [...byMeeting.values()], (c) => names.get(c) ?? c, this.settings.snapshot().policy.timeZone);
  }
}

export const meetingUid = (id: string): string => `meeting-${id}@xinfang.renda`;
const leaderIdsOf = (attendees: { kind: string; refId: string; active: boolean }[]): string[] =>
  [...new Set(attendees.filter((a) => a.kind === 'leader' && a.active).map((a) => a.refId))];
const deputyIdsOf = (attendees: { kind: string; refId: string; active: boolean }[]): string[] =>
  [...new Set(attendees.filter((a) => a.kind === 'deputy' && a.active).map((a) => a.refId))];
