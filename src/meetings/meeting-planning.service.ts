import { randomUUID } from 'node:crypto';
import { OfficeSettings } from '../settings/office-settings.js';
import { Injectable } from '@nestjs/common';
import type { MeetingsConfig } from '../../config/meetings-config.js';
import type { Actor } from '../domain/actor.js';
import { type Grade, MEETING_TYPES, type MeetingType } from '../domain/case-vocabulary.js';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { AgendaItem } from './agenda-item.entity.js';
import { AttendeeFactory } from './attendee-factory.js';
import type { PlanMeetingsDto } from './dto/meeting.dto.js';
import { MeetingContextService } from './meeting-context.service.js';
import { MeetingErrors } from './meeting.errors.js';
import type { Meeting } from './meeting.entity.js';
import { allowedActionsOf } from './meeting-allowed-actions.js';
import { toMeetingView, type MeetingView } from './meeting-view.js';
import { meetingUid } from './meetings.service.js';
import { MeetingsRepository } from './meetings.repository.js';
import { type MeetingAggregate } from './meeting-aggregate.js';
import { planMeetings } from './planner/planner.js';
import { meetingTitleCandidates, titleBaseOf } from './planner/meeting-title.js';
import { unitOverlaps, type UnitMeeting } from './constraints/unit-overlap.js';
import { DirectoryService } from '../directory/directory.service.js';
import { roomLocation } from './meeting-rooms.js';
import type { Room } from '../directory/room.entity.js';
import type { EntityManager } from 'typeorm';
import { DeputyInvitations } from './deputies/deputy-invitations.service.js';
import { deputyMeetingOf } from './planner/deputies.js';
import type { PlannerInput, PlanResult, UnmetConstraint } from './planner/planner.types.js';

/** A case the plan could not place: the planner's machine code and the reason in words (Chinese). */
export interface PlanUnscheduledView {
  caseId: string;
  caseCode: string;
  subject: string;
  grade: Grade;
  code: string;
  reason: string;
}

/** An unmet soft constraint in words, with the proposed meeting it concerns when it concerns one case. */
export interface PlanUnmetView extends UnmetConstraint {
  meetingId: string | null;
}

/** A draft a plan replaced (deleted) or kept (edited by hand): what the secretariat had before. */
export interface PlanDraftRef {
  id: string;
  title: string;
  type: MeetingType;
  startAt: string;
}

export interface PlanView extends Omit<PlanResult, 'meetings' | 'unscheduled' | 'unmet'> {
  planId: string;
  /** Drafts of earlier plans (of the types asked for, starting in the window) this plan replaced. */
  replaced: PlanDraftRef[];
  /** Drafts of those types and window edited by hand, kept (their times stay taken); `replaceEdited: true` replaces them too. */
  keptEdited: PlanDraftRef[];
  window: { from: string; to: string };
  meetings: MeetingView[];
  unscheduled: PlanUnscheduledView[];
  unmet: PlanUnmetView[];
}

/**
 * 会议规划: the planner proposes draft meetings from the graded backlog; they are stored as drafts
 * for the secretariat to adjust and confirm. A plan never loses work: it replaces only the drafts of
 * earlier plans of the types asked for that start in its window, never a draft edited by hand unless
 * asked (`replaceEdited`), and says which it replaced and kept. Every draft it leaves in the window
 * (kept, other types, made by hand) keeps its leaders' and room's time and its cases. Titles say when
 * and are unique among the meetings not cancelled.
 */
@Injectable()
export class MeetingPlanningService {
  constructor(
    private readonly context: MeetingContextService,
    private readonly repo: MeetingsRepository,
    private readonly attendees: AttendeeFactory,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    private readonly settings: OfficeSettings,
    private readonly deputies: DeputyInvitations,
    private readonly directory: DirectoryService,
  ) {}

  /** The first title of the scheme for `base` at `startAt` that no meeting (not cancelled) has, nor one named in this plan. */
  private async uniqueTitle(em: EntityManager, base: string, startAt: Date, titled: ReadonlySet<string>): Promise<string> {
    const zone = this.settings.snapshot().policy.timeZone;
    for (let batch = 0; ; batch += 20) {
      const candidates = meetingTitleCandidates(base, startAt, zone, batch + 20).slice(batch);
      const taken = await this.repo.takenTitles(em, candidates);
      const free = candidates.find((t) => !taken.has(t) && !titled.has(t));
      if (free) return free;
    }
  }

  /** The meeting settings in force now. */
  private get config(): MeetingsConfig {
    return this.settings.meetings();
  }

  async plan(input: PlanMeetingsDto, actor: Actor): Promise<PlanView> {
    const from = new Date(input.from);
    const to = new Date(input.to);
    const now = this.clock.now();
    if (!(to > from)) throw MeetingErrors.planWindowInvalid();
    if (to.getTime() - from.getTime() > this.config.maxPlanDays * 86_400_000) throw MeetingErrors.planWindowTooLong(this.config.maxPlanDays);
    if (to <= now) throw MeetingErrors.planWindowPast();
    const earliest = new Date(now.getTime() + this.config.minNoticeHours * 3_600_000);
    const start = from > earliest ? from : earliest;
    if (start >= to) throw MeetingErrors.planWindowPast();
    const types: MeetingType[] = input.types?.length ? input.types : [...MEETING_TYPES];

    const existing = await this.repo.plannedDraftsIn(from, to, types);
    const replaced = existing.filter((d) => input.replaceEdited === true || !d.handEdited);
    const keptEdited = existing.filter((d) => !replaced.includes(d));
    const staying = await this.repo.draftsOverlapping(
      start,
      to,
      replaced.map((d) => d.id),
    );
    const plannerInput = withDraftsKept(await this.context.plannerInput(start, to, types), staying);
    const result = planMeetings(plannerInput);
    const planId = randomUUID();
    const aggregates: Omit<MeetingAggregate, 'outcomes'>[] = [];
    const directory = await this.attendees.snapshot();
    const rooms = new Map((await this.directory.listRooms()).map((r) => [r.id, r]));
    const roomAt = (id: string | null): Room | undefined => (id ? rooms.get(id) : undefined);
    const deputies = await this.deputies.forPlan(result.meetings.map(deputyMeetingOf));
    const invitedTo = new Map(result.meetings.map((m, i) => [m, (deputies.invitations[i] ?? []).map((d) => d.deputyId)]));
    for (const planned of result.meetings) {
      const id = randomUUID();
      const meeting: Meeting = {
        id,
        type: planned.type,
        title: planned.title,
        startAt: planned.startAt,
        endAt: planned.endAt,
        location: roomAt(planned.roomId) ? roomLocation(roomAt(planned.roomId) as Room) : this.config.defaultLocation,
        roomId: planned.roomId,
        handEdited: false,
        chairId: planned.chairId,
        status: 'draft',
        sequence: 0,
        uid: meetingUid(id),
        planId,
        cancelReason: null,
        createdBy: actor.username,
        createdAt: now,
        updatedAt: now,
        version: 1,
      };
      const agenda: AgendaItem[] = planned.agenda.map((item, position) => ({ id: randomUUID(), meetingId: id, position, ...item }));
      const attendees = await this.attendees.build(id, planned.chairId, agenda, planned.unitCodes, invitedTo.get(planned) ?? [], directory);
      const room = roomAt(planned.roomId);
      aggregates.push({ meeting, attendees, agenda, room: room ? { id: room.id, name: room.name, capacity: room.capacity, equipment: room.equipment } : null });
    }
    await this.tx.run(async (em) => {
      await this.repo.deleteDrafts(
        em,
        replaced.map((d) => d.id),
      );
      const titled = new Set<string>();
      for (const a of aggregates) {
        a.meeting.title = await this.uniqueTitle(em, titleBaseOf(a.meeting.title), a.meeting.startAt, titled);
        titled.add(a.meeting.title);
        await this.repo.insert(em, a);
      }
    });
    const unitNames = new Map(directory.units.map((u) => [u.code, u.name]));
    const confirmedUnits = await this.repo.unitCommitments(start, to);
    const unitMeetings = aggregates.map((a) => ({ ...a.meeting, unitCodes: a.attendees.filter((x) => x.kind === 'unit').map((x) => x.refId) }));
    const overlaps = unitOverlaps(unitMeetings, groupUnitCommitments(confirmedUnits), (c) => unitNames.get(c) ?? c, plannerInput.timeZone);
    const cases = new Map(plannerInput.cases.map((c) => [c.id, c]));
    const meetingOf = new Map(aggregates.flatMap((a) => a.agenda.map((i) => [i.caseId, a.meeting.id] as const)));
    return {
      planId,
      window: { from: start.toISOString(), to: to.toISOString() },
      meetings: aggregates.map((a) => toMeetingView({ ...a, outcomes: [] }, cases, allowedActionsOf(a, actor, now))),
      assignments: result.assignments,
      unscheduled: result.unscheduled.map((u) => {
        const c = cases.get(u.caseId);
        return { caseId: u.caseId, caseCode: c?.code ?? '', subject: c?.subject ?? '', grade: c?.grade ?? 'normal', code: u.code, reason: u.reason };
      }),
      score: result.score,
      unmet: [...result.unmet, ...deputies.unmet, ...overlaps].map((u) => ({ ...u, meetingId: u.caseId ? (meetingOf.get(u.caseId) ?? null) : null })),
      replaced: replaced.map(draftRef),
      keptEdited: keptEdited.map(draftRef),
      warnings: result.warnings,
      fairness: result.fairness,
    };
  }
}

const draftRef = (m: Meeting): PlanDraftRef => ({ id: m.id, title: m.title, type: m.type, startAt: m.startAt.toISOString() });

/**
 * The drafts left in the window (kept, other types, made by hand) keep what they hold: their leaders'
 * and their room's time is busy for the new plan, and their cases are not planned a second time.
 */
export function withDraftsKept(input: PlannerInput, drafts: readonly Omit<MeetingAggregate, 'outcomes'>[]): PlannerInput {
  if (!drafts.length) return input;
  const onAgenda = new Set(drafts.flatMap((d) => d.agenda.map((i) => i.caseId)));
  const span = (d: Omit<MeetingAggregate, 'outcomes'>): { start: Date; end: Date } => ({ start: d.meeting.startAt, end: d.meeting.endAt });
  const leaderBusy = (id: string): { start: Date; end: Date }[] =>
    drafts.filter((d) => d.attendees.some((a) => a.kind === 'leader' && a.active && a.refId === id)).map(span);
  return {
    ...input,
    cases: input.cases.filter((c) => !onAgenda.has(c.id)),
    leaders: input.leaders.map((l) => ({ ...l, busy: [...l.busy, ...leaderBusy(l.id)] })),
    rooms: input.rooms?.map((r) => ({ ...r, busy: [...r.busy, ...drafts.filter((d) => d.meeting.roomId === r.id).map(span)] })),
  };
}

/** Confirmed meetings' unit rows grouped back into meetings. */
function groupUnitCommitments(rows: { meetingId: string; title: string; startAt: Date; endAt: Date; unitCode: string }[]): UnitMeeting[] {
  const byMeeting = new Map<string, UnitMeeting & { unitCodes: string[] }>();
  for (const r of rows) {
    const m = byMeeting.get(r.meetingId) ?? { title: r.title, startAt: r.startAt, endAt: r.endAt, unitCodes: [] };
    m.unitCodes.push(r.unitCode);
    byMeeting.set(r.meetingId, m);
  }
  return [...byMeeting.values()];
}
