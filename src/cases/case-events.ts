import { randomUUID } from 'node:crypto';
import { type Actor, SYSTEM_ACTOR } from '../domain/actor.js';
import type { CaseStatus } from '../domain/case-vocabulary.js';
import type { CaseEvent } from './case-event.entity.js';
import type { PetitionCase } from './case.entity.js';
import type { TimelineAction } from './lifecycle.js';

/** Who a timeline event names: a user, or the system (jobs, the sweep, re-grades). */
export type EventActor = Pick<Actor, 'id' | 'displayName' | 'role'>;

export interface EventInput {
  caseId: string;
  /** The case's version after the change this event records. */
  caseVersion: number;
  action: TimelineAction;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  actor: EventActor;
  at: Date;
  reason: string | null;
  /** Action details; never personal data of the petitioner. */
  data: Record<string, unknown>;
  /** Given when the event shares the id of a row made with it (the sweep's notice). */
  id?: string;
}

/**
 * The one definition of a timeline row (`case_events`): every path builds its events here, and the
 * sweep's bulk statement is derived from `overdueUrgeEvent` (`CaseEventRepository.insertSelected`).
 */
export function caseEvent(input: EventInput): CaseEvent {
  return {
    id: input.id ?? randomUUID(),
    caseId: input.caseId,
    at: input.at,
    caseVersion: input.caseVersion,
    action: input.action,
    fromStatus: input.fromStatus,
    toStatus: input.toStatus,
    actorId: input.actor.id,
    actorName: input.actor.displayName,
    actorRole: input.actor.id === SYSTEM_ACTOR.id ? 'system' : input.actor.role,
    reason: input.reason,
    data: input.data,
  };
}

/** The first event of a case: registered, with the rules' verdict. */
export function registrationEvent(c: PetitionCase, actor: EventActor): CaseEvent {
  return caseEvent({
    caseId: c.id,
    caseVersion: 1,
    action: 'register',
    fromStatus: null,
    toStatus: 'registered',
    actor,
    at: c.registeredAt,
    reason: null,
    data: {
      channel: c.channel,
      grade: c.grade,
      route: { committee: c.routeCommittee, handledBy: c.routeHandledBy, mode: c.routeMode },
      meetingType: c.meetingType,
      flags: c.flags,
      ruleSetVersion: c.ruleSetVersion,
      rulesFired: c.evaluation.firedRules.map((r) => r.name),
      acceptDueAt: c.acceptDueAt.toISOString(),
    },
  });
}

export const OVERDUE_URGE_REASON = '办理期限已过，系统自动催办。';

/** What the sweep knows of one overdue case when it urges it: the values a bulk statement reads per row. */
export interface OverdueRow {
  /** The overdue notice's id: the event takes it, so it is created once. */
  id: string;
  caseId: string;
  /** The case's version as it is: the automatic urge changes no field and does not bump it (`CaseChanges.urgeOverdueIn`). */
  caseVersion: number;
  status: CaseStatus;
  unitCode: string;
}

/** The sweep's automatic urge of an overdue case, by the system (one per overdue notice). */
export function overdueUrgeEvent(row: OverdueRow, at: Date): CaseEvent {
  return caseEvent({
    id: row.id,
    caseId: row.caseId,
    caseVersion: row.caseVersion,
    action: 'urge',
    fromStatus: row.status,
    toStatus: row.status,
    actor: SYSTEM_ACTOR,
    at,
    reason: OVERDUE_URGE_REASON,
    data: { automatic: true, kind: 'overdue', unit: row.unitCode },
  });
}
