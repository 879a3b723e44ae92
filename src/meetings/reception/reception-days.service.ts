import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { EntityManager } from 'typeorm';
import { CaseActionsService } from '../../cases/case-actions.service.js';
import { CaseReader } from '../../cases/case-reader.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import type { Actor } from '../../domain/actor.js';
import { Clock } from '../../domain/clock.js';
import { DirectoryService } from '../../directory/directory.service.js';
import { OfficeSettings } from '../../settings/office-settings.js';
import { LeaderBookings } from '../booking/leader-bookings.js';
import { ResourceBusyError } from '../booking/resource-bookings.js';
import { RoomBookings } from '../booking/room-bookings.js';
import { describeRoomHours, withinRoomHours } from '../constraints/room-hours.js';
import { type SlotProblem, slotProblems } from '../planner/slots.js';
import { ReceptionAccess } from './reception-access.js';
import type { ReceptionDay } from './reception-day.entity.js';
import { ReceptionDaysRepository } from './reception-days.repository.js';
import { type ReceptionClash, ReceptionErrors } from './reception.errors.js';
import type { CancelReceptionDayDto, HeldReceptionDayDto, ListReceptionDaysQuery, UpdateReceptionDayDto } from './reception.dto.js';
import { halfDayLabel, monthWindow } from './reception-rota.js';
import type { ReceptionDayView } from './reception-view.js';
import { ReceptionViews } from './reception-views.js';

const MAX_WINDOW_DAYS = 366;

/**
 * A reception day after planning: read, moved, confirmed (the leader's time, and the room, booked under
 * the database guarantee shared with meetings), cancelled, and recorded as held (领导接访 on each case).
 */
@Injectable()
export class ReceptionDaysService {
  constructor(
    private readonly repo: ReceptionDaysRepository,
    private readonly views: ReceptionViews,
    private readonly directory: DirectoryService,
    private readonly cases: CaseReader,
    private readonly caseActions: CaseActionsService,
    private readonly leaderBookings: LeaderBookings,
    private readonly roomBookings: RoomBookings,
    private readonly settings: OfficeSettings,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(query: ListReceptionDaysQuery, actor: Actor): Promise<ReceptionDayView[]> {
    const window = this.window(query);
    const filter = ReceptionAccess.listScope(actor, { ...window, leaderId: query.leaderId, status: query.status });
    return this.views.of(await this.repo.list(filter), actor);
  }

  async get(id: string, actor: Actor): Promise<ReceptionDayView> {
    return this.views.one(await this.load(id, actor), actor);
  }

  async update(id: string, input: UpdateReceptionDayDto, actor: Actor): Promise<ReceptionDayView> {
    const day = await this.load(id, actor);
    if (day.status !== 'planned' && day.status !== 'confirmed') throw ReceptionErrors.notEditable(day.status);
    if (input.version !== undefined && input.version !== day.version) throw ReceptionErrors.changedConcurrently();
    const startAt = input.startAt ? new Date(input.startAt) : day.startAt;
    const endAt = input.endAt ? new Date(input.endAt) : day.endAt;
    const leaderId = input.leaderId ?? day.leaderId;
    const roomId = input.roomId === undefined ? day.roomId : input.roomId;
    const moved = startAt.getTime() !== day.startAt.getTime() || endAt.getTime() !== day.endAt.getTime();
    if (moved) this.assertTime(startAt, endAt);
    if (leaderId !== day.leaderId) await this.assertLeader(leaderId);
    if (roomId && (roomId !== day.roomId || moved)) await this.assertRoom(roomId, { startAt, endAt });
    if (input.proposedCaseIds) await this.assertCases(input.proposedCaseIds);
    const rebook = day.status === 'confirmed' && (moved || leaderId !== day.leaderId || roomId !== day.roomId);
    if (rebook) await this.assertNotBusy(leaderId, startAt, endAt);
    const changes: Partial<ReceptionDay> = { startAt, endAt, leaderId, roomId, updatedAt: this.clock.now() };
    if (input.proposedCaseIds) changes.proposedCaseIds = input.proposedCaseIds;
    if (input.note !== undefined) changes.note = input.note === '' ? null : input.note;
    await this.run(async (em) => {
      if (rebook) changes.roomBooked = await this.book(em, id, leaderId, roomId, { startAt, endAt });
      if (!(await this.repo.update(em, id, day.version, changes))) throw ReceptionErrors.changedConcurrently();
    });
    return this.get(id, actor);
  }

  async confirm(id: string, actor: Actor): Promise<ReceptionDayView> {
    const day = await this.load(id, actor);
    if (day.status !== 'planned') throw ReceptionErrors.notPlanned();
    await this.assertNotBusy(day.leaderId, day.startAt, day.endAt);
    if (day.roomId) await this.assertRoom(day.roomId, day);
    await this.run(async (em) => {
      const roomBooked = await this.book(em, id, day.leaderId, day.roomId, day);
      if (!(await this.repo.update(em, id, day.version, { status: 'confirmed', roomBooked, updatedAt: this.clock.now() }))) throw ReceptionErrors.changedConcurrently();
    });
    return this.get(id, actor);
  }

  async cancel(id: string, input: CancelReceptionDayDto, actor: Actor): Promise<ReceptionDayView> {
    const day = await this.load(id, actor);
    if (day.status !== 'planned' && day.status !== 'confirmed') throw ReceptionErrors.notEditable(day.status);
    await this.tx.run(async (em) => {
      if (!(await this.repo.update(em, id, day.version, { status: 'cancelled', cancelReason: input.reason ?? null, roomBooked: false, updatedAt: this.clock.now() }))) {
        throw ReceptionErrors.changedConcurrently();
      }
      await this.leaderBookings.release(em, id);
      await this.roomBookings.release(em, id);
    });
    return this.get(id, actor);
  }

  /**
   * 接访情况: after the start, each case received gets the `leader-reception` action with the day's
   * leader, through the owner of case changes, in the same transaction as the day's status.
   */
  async held(id: string, input: HeldReceptionDayDto, actor: Actor): Promise<ReceptionDayView> {
    const day = await this.load(id, actor);
    if (day.status === 'planned') throw ReceptionErrors.notConfirmed();
    if (day.status !== 'confirmed') throw ReceptionErrors.notEditable(day.status);
    const now = this.clock.now();
    if (now.getTime() < day.startAt.getTime()) throw ReceptionErrors.notStarted();
    const caseIds = input.received.map((r) => r.caseId);
    if (new Set(caseIds).size !== caseIds.length) throw ReceptionErrors.caseDuplicate();
    await this.assertCases(caseIds);
    const when = halfDayLabel(day.startAt, this.settings.snapshot().policy.timeZone);
    await this.tx.run(async (em) => {
      const received = input.received.map((r) => ({ caseId: r.caseId, note: r.note ?? null }));
      if (!(await this.repo.update(em, id, day.version, { status: 'held', heldAt: now, received, updatedAt: now }))) throw ReceptionErrors.changedConcurrently();
      for (const r of received) {
        await this.caseActions.performIn(em, { id: r.caseId }, { action: 'leader-reception', leaderId: day.leaderId, note: r.note ?? `领导接访日（${when}）接待` }, actor, now);
      }
    });
    return this.get(id, actor);
  }

  private async load(id: string, actor: Actor): Promise<ReceptionDay> {
    const day = await this.repo.findById(id);
    if (!day || !ReceptionAccess.visible(actor, day)) throw ReceptionErrors.notFound();
    return day;
  }

  private window(query: ListReceptionDaysQuery): { from: Date; to: Date } {
    const zone = this.settings.snapshot().policy.timeZone;
    if (query.month) {
      if (query.from || query.to) throw ReceptionErrors.windowInvalid();
      return monthWindow(query.month, zone) ?? (() => { throw ReceptionErrors.windowInvalid(); })();
    }
    if (!query.from && !query.to) {
      const current = DateTime.fromJSDate(this.clock.now(), { zone }).toFormat('yyyy-MM');
      return monthWindow(current, zone) as { from: Date; to: Date };
    }
    if (!query.from || !query.to) throw ReceptionErrors.windowInvalid();
    const from = new Date(query.from);
    const to = new Date(query.to);
    const span = to.getTime() - from.getTime();
    if (!(span > 0) || span > MAX_WINDOW_DAYS * 86_400_000) throw ReceptionErrors.windowInvalid();
    return { from, to };
  }

  /** On one working day, within one office-hours period, not in the past. */
  private assertTime(startAt: Date, endAt: Date): void {
    const office = this.settings.snapshot();
    const [problem] = slotProblems({ timeZone: office.policy.timeZone, officeHours: office.policy.officeHours, calendar: office.calendar }, startAt, endAt);
    if (problem) throw ReceptionErrors.timeInvalid(problemZh(problem, office.policy.officeHours), problem.kind);
    if (startAt.getTime() < this.clock.now().getTime()) throw ReceptionErrors.timeInvalid('时间已经过去。', 'the time is past');
  }

  private async assertLeader(leaderId: string): Promise<void> {
    const leader = (await this.directory.listLeaders()).find((l) => l.id === leaderId);
    if (!leader?.active) throw ReceptionErrors.leaderUnknown();
  }

  /** An active room open for the whole span (its available hours, as for meetings). */
  private async assertRoom(roomId: string, span: { startAt: Date; endAt: Date }): Promise<void> {
    const room = (await this.directory.listRooms()).find((r) => r.id === roomId);
    if (!room?.active) throw ReceptionErrors.roomUnknown();
    if (!withinRoomHours(room.availableHours, span.startAt, span.endAt, this.settings.snapshot().policy.timeZone)) {
      throw ReceptionErrors.roomClosed(room.name, describeRoomHours(room.availableHours));
    }
  }

  private async assertCases(ids: string[]): Promise<void> {
    if (!ids.length) return;
    const found = await this.cases.findManyByIds(ids);
    if (found.length !== new Set(ids).size) throw ReceptionErrors.caseUnknown();
  }

  /** A leader's busy block (not a booking: those are checked under the lock) refuses the time. */
  private async assertNotBusy(leaderId: string, startAt: Date, endAt: Date): Promise<void> {
    const busy = (await this.directory.busyBetween(startAt, endAt)).filter((b) => b.leaderId === leaderId);
    if (busy.length) {
      throw ReceptionErrors.conflict(busy.map((b) => ({ leaderId, roomId: null, bookedBy: null, what: 'busy', startAt: b.startAt.toISOString(), endAt: b.endAt.toISOString() })));
    }
  }

  /** Books the leader (and the room, if any) for the day's span; returns whether a room is booked. */
  private async book(em: EntityManager, id: string, leaderId: string, roomId: string | null, span: { startAt: Date; endAt: Date }): Promise<boolean> {
    await this.leaderBookings.book(em, id, [leaderId], span);
    try {
      await this.roomBookings.book(em, id, roomId ? [roomId] : [], span);
    } catch (error) {
      if (error instanceof ResourceBusyError) throw new RoomTaken(error);
      throw error;
    }
    return roomId !== null;
  }

  private async run(work: (em: EntityManager) => Promise<void>): Promise<void> {
    try {
      await this.tx.run(work);
    } catch (error) {
      if (error instanceof RoomTaken) throw ReceptionErrors.conflict(error.busy.clashes.map((c) => clash(c, 'room')));
      if (error instanceof ResourceBusyError) throw ReceptionErrors.conflict(error.clashes.map((c) => clash(c, 'booking')));
      throw error;
    }
  }
}

function problemZh(p: SlotProblem, officeHours: readonly (readonly [string, string])[]): string {
  if (p.kind === 'order') return '结束时间须晚于开始时间。';
  if (p.kind === 'day-off') return `${p.date} 不是工作日（法定节假日或周末）。`;
  return `须安排在同一工作日的同一办公时段内（${officeHours.map(([a, b]) => `${a}–${b}`).join('、')}）。`;
}

class RoomTaken extends Error {
  constructor(readonly busy: ResourceBusyError) {
    super('room taken');
  }
}

function clash(c: { resourceId: string; meetingId: string; startAt: Date; endAt: Date }, what: 'booking' | 'room'): ReceptionClash {
  return {
    leaderId: what === 'booking' ? c.resourceId : null,
    roomId: what === 'room' ? c.resourceId : null,
    bookedBy: c.meetingId,
    what,
    startAt: c.startAt.toISOString(),
    endAt: c.endAt.toISOString(),
  };
}
