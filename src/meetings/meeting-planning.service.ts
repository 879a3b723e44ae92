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
import type { PlanResult, UnmetConstraint } from './planner/planner.types.js';

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

export interface PlanView extends Omit<PlanResult, 'meetings' | 'unscheduled' | 'unmet'> {
  planId: string;
  window: { from: string; to: string };
  meetings: MeetingView[];
  unscheduled: PlanUnscheduledView[];
  unmet: PlanUnmetView[];
}

/**
 * 会议规划: the planner proposes draft meetings from the graded backlog; they are stored as drafts
 * (replacing the drafts of earlier plans in the same window) for the secretariat to adjust and confirm.
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
  ) {}

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

    const plannerInput = await this.context.plannerInput(start, to, types);
    const result = planMeetings(plannerInput);
    const planId = randomUUID();
    const aggregates: Omit<MeetingAggregate, 'outcomes'>[] = [];
    const directory = await this.attendees.snapshot();
    for (const planned of result.meetings) {
      const id = randomUUID();
      const meeting: Meeting = {
        id,
        type: planned.type,
        title: planned.title,
        startAt: planned.startAt,
        endAt: planned.endAt,
        location: this.config.defaultLocation,
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
      const attendees = await this.attendees.build(id, planned.chairId, agenda, planned.unitCodes, [], directory);
      aggregates.push({ meeting, attendees, agenda });
    }
    await this.tx.run(async (em) => {
      await this.repo.deletePlannedDrafts(em, start, to);
      for (const a of aggregates) await this.repo.insert(em, a);
    });
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
      unmet: result.unmet.map((u) => ({ ...u, meetingId: u.caseId ? (meetingOf.get(u.caseId) ?? null) : null })),
      warnings: result.warnings,
      fairness: result.fairness,
    };
  }
}
