import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { CaseReader } from '../../cases/case-reader.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import type { Actor } from '../../domain/actor.js';
import { Clock } from '../../domain/clock.js';
import { LEADER_RANKS } from '../../domain/leader-ranks.js';
import { DirectoryService } from '../../directory/directory.service.js';
import type { Leader } from '../../directory/leader.entity.js';
import { OfficeSettings } from '../../settings/office-settings.js';
import type { ReceptionDay } from './reception-day.entity.js';
import { ReceptionDaysRepository } from './reception-days.repository.js';
import { ReceptionErrors } from './reception.errors.js';
import type { PlanReceptionDaysDto } from './reception.dto.js';
import { monthWindow, planReceptionRota, type RotaCase, type RotaInput, type RotaLeftover } from './reception-rota.js';
import type { ReceptionDayView } from './reception-view.js';
import { ReceptionViews } from './reception-views.js';

/** At most this many cases proposed for one reception day. */
export const CASES_PER_RECEPTION = 8;
/** Candidates read for a month's rota (soonest deadline first). */
const CANDIDATE_LIMIT = 2000;

export interface ReceptionPlanView {
  month: string;
  days: ReceptionDayView[];
  replacedIds: string[];
  unplaced: (RotaLeftover & { leaderName: string })[];
  warnings: string[];
}

/** 接访日排班: plans a month's rota and stores it, replacing only that month's planned days. */
@Injectable()
export class ReceptionPlanningService {
  constructor(
    private readonly repo: ReceptionDaysRepository,
    private readonly directory: DirectoryService,
    private readonly cases: CaseReader,
    private readonly settings: OfficeSettings,
    private readonly views: ReceptionViews,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async plan(input: PlanReceptionDaysDto, actor: Actor): Promise<ReceptionPlanView> {
    const office = this.settings.snapshot();
    const zone = office.policy.timeZone;
    const window = monthWindow(input.month, zone);
    if (!window) throw ReceptionErrors.windowInvalid();
    const now = this.clock.now();
    if (window.to.getTime() <= now.getTime()) throw ReceptionErrors.monthPast();

    const all = await this.directory.listLeaders();
    const { taking, unplaced } = this.participants(all, input.leaderIds, office.meetings.leadRanks);
    const ids = taking.map((l) => l.id);
    const room = input.roomId ? await this.room(input.roomId, window) : null;
    const [existing, busyBlocks, bookings, candidates] = await Promise.all([
      this.repo.list({ ...window, statuses: ['confirmed', 'held'] }),
      this.directory.busyBetween(window.from, window.to),
      this.repo.leaderBookings(window.from, window.to),
      this.cases.receptionCandidates(ids, CANDIDATE_LIMIT),
    ]);
    const rota = planReceptionRota({
      month: input.month,
      timeZone: zone,
      officeHours: office.policy.officeHours,
      calendar: office.calendar,
      now,
      leaders: taking,
      busy: [...busyBlocks, ...bookings].map((b) => ({ leaderId: b.leaderId, start: b.startAt, end: b.endAt })),
      kept: existing.map((d) => ({ leaderId: d.leaderId, start: d.startAt, end: d.endAt })),
      cases: candidates.map((c): RotaCase => ({ id: c.id, code: c.code, grade: c.grade, category: c.category, region: c.region, repeatCount: c.repeatCount, leadLeaderId: c.leadLeaderId, dueAt: c.dueAt })),
      maxCasesPerDay: CASES_PER_RECEPTION,
      room,
    });
    const rows: ReceptionDay[] = rota.days.map((d) => ({
      id: randomUUID(),
      leaderId: d.leaderId,
      startAt: d.start,
      endAt: d.end,
      roomId: input.roomId ?? null,
      roomBooked: false,
      status: 'planned',
      proposedCaseIds: d.caseIds,
      received: [],
      note: null,
      cancelReason: null,
      heldAt: null,
      createdBy: actor.id,
      createdAt: now,
      updatedAt: now,
      version: 1,
    }));
    const replacedIds = await this.tx.run(async (em) => {
      const replaced = await this.repo.deletePlanned(em, window.from, window.to);
      await this.repo.insertMany(em, rows);
      return replaced;
    });
    const names = new Map(all.map((l) => [l.id, l.name]));
    const year = Number(input.month.slice(0, 4));
    const warnings = office.calendar.hasDataForYear(year) ? [] : [`${year}年的法定节假日和调休安排尚无数据，本次按普通周末排定，请在办公设置中补充后重新排班。`];
    if (!taking.length) warnings.push('没有参加接访排班的领导。');
    return {
      month: input.month,
      days: await this.views.of(rows, actor),
      replacedIds,
      unplaced: [...unplaced, ...rota.unplaced].map((u) => ({ ...u, leaderName: names.get(u.leaderId) ?? '' })),
      warnings,
    };
  }

  /** The chosen reception room: an active one, with its hours and what is booked in it this month. */
  private async room(roomId: string, window: { from: Date; to: Date }): Promise<RotaInput['room']> {
    const room = (await this.directory.listRooms()).find((r) => r.id === roomId);
    if (!room?.active) throw ReceptionErrors.roomUnknown();
    const booked = await this.repo.roomBookings(roomId, window.from, window.to);
    return { hours: room.availableHours, busy: booked.map((b) => ({ start: b.startAt, end: b.endAt })) };
  }

  /** The leaders taking part: those asked for (an inactive one is left out with a reason), or every active leader of a lead rank. */
  private participants(all: Leader[], asked: string[] | undefined, leadRanks: readonly string[]): { taking: Leader[]; unplaced: RotaLeftover[] } {
    const byRank = (a: Leader, b: Leader): number => LEADER_RANKS.indexOf(a.rank) - LEADER_RANKS.indexOf(b.rank) || a.name.localeCompare(b.name, 'zh') || a.id.localeCompare(b.id);
    if (!asked) return { taking: all.filter((l) => l.active && leadRanks.includes(l.rank)).sort(byRank), unplaced: [] };
    const byId = new Map(all.map((l) => [l.id, l]));
    const chosen = asked.map((id) => byId.get(id));
    if (chosen.some((l) => !l)) throw ReceptionErrors.leaderUnknown();
    const leaders = (chosen as Leader[]).sort(byRank);
    return {
      taking: leaders.filter((l) => l.active),
      unplaced: leaders.filter((l) => !l.active).map((l) => ({ leaderId: l.id, reason: '该领导已停用，不参加接访排班。' })),
    };
  }
}
