import type { Evaluation } from '../rules/evaluation.types.js';
import type { PetitionCase } from './case.entity.js';
import { CaseErrors } from './case.errors.js';
import type { DeadlineCalculator } from './deadlines.js';
import { iso, REPLY_DEADLINE_STATUSES, STATUS_LABELS_ZH, type RecordedAction } from './lifecycle.js';

/**
 * The changes recorded for other reasons than a case action, as pure plans (no Nest, no database):
 * which fields change and what the timeline event says. `CaseChanges` checks the transition
 * (`transitionOf`), bumps the version and writes the event.
 */
export interface RecordedPlan {
  action: RecordedAction;
  fields: Partial<PetitionCase>;
  reason: string | null;
  data: Record<string, unknown>;
}

export interface ConversionRecord {
  conversionId: string;
  kind: string;
  title: string;
  relatedCaseIds: string[];
}

/** 四个转化: the case's status and deadlines stay; the timeline says what it was turned into. */
export function planConversion(input: ConversionRecord): RecordedPlan {
  return {
    action: 'convert',
    fields: {},
    reason: input.title,
    data: { conversionId: input.conversionId, kind: input.kind, relatedCaseIds: input.relatedCaseIds },
  };
}

export interface MeetingOutcomeRecord {
  meetingId: string;
  meetingTitle: string;
  decision: string;
  requirements: string | null;
  /** The follow-up deadline the meeting set, if any: it becomes the case's reply deadline. */
  dueAt: Date | null;
}

/**
 * 会议要求: a decision for a case in any status; a follow-up deadline only where a reply deadline runs
 * (accepted, routed, in handling: where `extend` may run), never silently dropped: a case not yet
 * accepted is refused with `409 CASE_NOT_ACCEPTED` (accept it first: only its acceptance deadline runs),
 * one answered, closed, rejected or withdrawn with `409 NO_RUNNING_DEADLINE`.
 */
export function planMeetingOutcome(state: Pick<PetitionCase, 'status' | 'dueAt'>, input: MeetingOutcomeRecord): RecordedPlan {
  const setsDeadline = input.dueAt !== null;
  if (setsDeadline && state.status === 'registered') throw CaseErrors.outcomeCaseNotAccepted();
  if (setsDeadline && !REPLY_DEADLINE_STATUSES.includes(state.status)) throw CaseErrors.outcomeDeadlineNotRunning(state.status, STATUS_LABELS_ZH[state.status]);
  return {
    action: 'meeting-outcome',
    fields: input.dueAt ? { replyDueAt: input.dueAt, dueAt: input.dueAt } : {},
    reason: input.decision,
    data: {
      meetingId: input.meetingId,
      meetingTitle: input.meetingTitle,
      requirements: input.requirements,
      dueAt: iso(input.dueAt),
      ...(setsDeadline ? { previousDueAt: iso(state.dueAt) } : {}),
    },
  };
}

/** What a rule set's verdict sets on a case: grade, route, meeting, flags, and the evaluation kept for "why". */
export function evaluatedFields(evaluation: Evaluation): Pick<
  PetitionCase,
  'grade' | 'routeCommittee' | 'routeHandledBy' | 'routeMode' | 'meetingType' | 'flags' | 'ruleSetVersion' | 'evaluation'
> {
  return {
    grade: evaluation.grade,
    routeCommittee: evaluation.route.committee,
    routeHandledBy: evaluation.route.handledBy,
    routeMode: evaluation.route.mode,
    meetingType: evaluation.meetingType,
    flags: evaluation.flags,
    ruleSetVersion: evaluation.ruleSetVersion,
    evaluation,
  };
}

type GradedState = Pick<
  PetitionCase,
  'status' | 'grade' | 'routeCommittee' | 'routeHandledBy' | 'routeMode' | 'meetingType' | 'registeredAt' | 'ruleSetVersion'
>;

/**
 * A new rule set's verdict on a case not yet routed: grade, route, meeting, flags, the evaluation kept
 * for "why", and for a registered case the acceptance deadline the new set gives. `changed`: the grade,
 * route or meeting differ (then the timeline says so; otherwise the case only records the new version).
 */
export function planRegrade(state: GradedState, evaluation: Evaluation, deadlines: DeadlineCalculator): RecordedPlan & { changed: boolean } {
  const fields: Partial<PetitionCase> = evaluatedFields(evaluation);
  if (state.status === 'registered') {
    fields.acceptDueAt = deadlines.acceptDue(state.registeredAt, evaluation.deadlines.acceptDays);
    fields.dueAt = fields.acceptDueAt;
  }
  const changed =
    state.grade !== evaluation.grade ||
    state.routeCommittee !== evaluation.route.committee ||
    state.routeHandledBy !== evaluation.route.handledBy ||
    state.routeMode !== evaluation.route.mode ||
    state.meetingType !== evaluation.meetingType;
  return {
    action: 'regrade',
    fields,
    reason: `规则集 v${evaluation.ruleSetVersion} 发布后重新分级`,
    data: {
      fromVersion: state.ruleSetVersion,
      toVersion: evaluation.ruleSetVersion,
      before: { grade: state.grade, route: { committee: state.routeCommittee, handledBy: state.routeHandledBy, mode: state.routeMode }, meetingType: state.meetingType },
      after: { grade: fields.grade, route: { committee: fields.routeCommittee, handledBy: fields.routeHandledBy, mode: fields.routeMode }, meetingType: fields.meetingType },
    },
    changed,
  };
}
