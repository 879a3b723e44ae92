import { ZH } from '../domain/labels.js';
import { ECHO_SHAPES, echoable } from '../common/pii/safe-echo.js';
import type { DomainError } from '../common/errors.js';
import type { Unit } from '../directory/unit.entity.js';
import type { PetitionCase } from './case.entity.js';
import { CaseErrors } from './case.errors.js';
import { CASE_STATUSES, FEEDBACK_VALUES, OPEN_STATUSES, type CaseStatus, type Feedback, type HandlingMode } from '../domain/case-vocabulary.js';
import type { DeadlineCalculator } from './deadlines.js';
import type { Role } from '../domain/actor.js';

/**
 * The case lifecycle as a pure state machine: given the case's current state, an action and
 * its context (clock, deadline calculator, the unit looked up by the caller), `planAction`
 * returns the new status, the field changes and the timeline payload, or throws a DomainError.
 * No Nest, no database: the caller persists the plan and appends the timeline event.
 *
 * The same state machine decides the changes recorded for other reasons (`RECORDED_ACTIONS`: a
 * registration, a conversion, a meeting's outcome, a re-grade, the sweep's automatic urge):
 * `transitionOf` is the one rule every change to a case passes (`CaseChanges`).
 */

export const CASE_ACTIONS = [
  'accept',
  'reject',
  'route',
  'transfer',
  'start',
  'reply',
  'feedback',
  'extend',
  'resupervise',
  'close',
  'withdraw',
  'assign-leader',
  'urge',
  'leader-reception',
  'leader-instruction',
  // The handling unit's loop (部门联动): the unit signs, asks, asks for the one extension; the secretariat answers and decides.
  'sign',
  'ask',
  'answer-question',
  'request-extension',
  'refuse-extension',
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

/** Timeline actions that are not requested through `POST /cases/:id/actions` but recorded by other paths. */
export const RECORDED_ACTIONS = ['register', 'convert', 'meeting-outcome', 'regrade', 'import'] as const;
export type RecordedAction = (typeof RECORDED_ACTIONS)[number];

/** Every action a timeline event records. */
export type TimelineAction = CaseAction | RecordedAction;

export interface ActionInput {
  action: CaseAction;
  reason?: string;
  committee?: string;
  handledBy?: string;
  days?: number;
  approver?: string;
  feedback?: Feedback;
  leaderId?: string;
  report?: string;
  note?: string;
  /** reply: the case's attachments the answer refers to (checked to belong to the case by the caller). */
  attachmentIds?: string[];
}

export type CaseState = Pick<
  PetitionCase,
  | 'status'
  | 'grade'
  | 'routeCommittee'
  | 'routeHandledBy'
  | 'routeMode'
  | 'acceptDueAt'
  | 'replyDueAt'
  | 'dueAt'
  | 'extensionUsed'
  | 'reportRequired'
  | 'feedback'
  | 'repliedAt'
  | 'resupervisionCount'
  | 'leadLeaderId'
  | 'signDueAt'
  | 'signedAt'
  | 'extensionRequestedAt'
  | 'extensionRequestedDays'
  | 'extensionRequestReason'
  | 'openQuestionAt'
>;

export interface ActionContext {
  now: Date;
  deadlines: DeadlineCalculator;
  /** the unit named by committee/handledBy (after defaulting), looked up by the caller; null if unknown */
  unit: Pick<Unit, 'code' | 'kind' | 'active'> | null;
  /** day-count overrides from the rule set evaluation stored on the case */
  handleDays?: number;
  supervisedReplyMonths?: number;
  /** Who acts: a handling unit's reply of a supervised item needs an attachment (the written report as a file). */
  actorRole?: Role;
}

export interface ActionPlan {
  toStatus: CaseStatus;
  changes: Partial<PetitionCase>;
  /** for the timeline event; never petitioner personal data */
  data: Record<string, unknown>;
  reason: string | null;
  /** a manual urging notice must be created */
  createsNotice?: boolean;
}

export const STATUS_LABELS_ZH: Readonly<Record<CaseStatus, string>> = ZH.status;

export const ACTION_LABELS_ZH: Readonly<Record<CaseAction, string>> = {
  accept: '受理',
  reject: '不予受理',
  route: '分流交办',
  transfer: '转送',
  start: '开始办理',
  reply: '答复',
  feedback: '记录反馈',
  extend: '延期',
  resupervise: '再督办',
  close: '办结',
  withdraw: '撤回',
  'assign-leader': '指定包案领导',
  urge: '催办',
  'leader-reception': '领导接访',
  'leader-instruction': '领导批示',
  sign: '签收',
  ask: '提出问题',
  'answer-question': '答复问题',
  'request-extension': '申请延期',
  'refuse-extension': '不同意延期',
};

/** Longest reason, note or report accepted, in characters. */
export const MAX_TEXT_LENGTH = 2000;

/** Statuses in which a case is still being dealt with: open, or answered and awaiting feedback or closing. */
export const NOT_FINAL_STATUSES: readonly CaseStatus[] = [...OPEN_STATUSES, 'replied'];
/** Statuses in which a reply deadline runs: it may be extended, or set by a meeting's outcome. */
export const REPLY_DEADLINE_STATUSES: readonly CaseStatus[] = ['accepted', 'routed', 'in_handling'];
/** Routed to a handling unit and not yet answered: the unit's loop (sign, questions, an extension request) runs. */
export const HANDLING_STATUSES: readonly CaseStatus[] = ['routed', 'in_handling'];
/** Not yet routed: a new rule set may still grade the case again. */
export const UNROUTED_STATUSES: readonly CaseStatus[] = ['registered', 'accepted'];
/**
 * The deadline sweep urges every open case whose running deadline has passed (an automatic `urge`, by the
 * system): the acceptance deadline too, while a secretary's urge needs a routed case.
 */
export const AUTOMATIC_URGE_STATUSES: readonly CaseStatus[] = OPEN_STATUSES;

/** From which statuses an action may run, and where it leads (`same`: status unchanged). */
const TRANSITIONS: Readonly<Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus | 'same' }>> = {
  accept: { from: ['registered'], to: 'accepted' },
  reject: { from: ['registered'], to: 'rejected' },
  route: { from: ['accepted'], to: 'routed' },
  transfer: { from: ['accepted'], to: 'routed' },
  start: { from: ['routed'], to: 'in_handling' },
  reply: { from: ['in_handling'], to: 'replied' },
  feedback: { from: ['replied'], to: 'same' },
  extend: { from: REPLY_DEADLINE_STATUSES, to: 'same' },
  resupervise: { from: ['replied'], to: 'in_handling' },
  close: { from: ['replied'], to: 'closed' },
  withdraw: { from: OPEN_STATUSES, to: 'withdrawn' },
  'assign-leader': { from: NOT_FINAL_STATUSES, to: 'same' },
  urge: { from: ['routed', 'in_handling'], to: 'same' },
  // A leader may receive the petitioner (接访) or read and instruct the letter (批示) at any point but after a withdrawal.
  'leader-reception': { from: ['registered', 'accepted', 'rejected', 'routed', 'in_handling', 'replied', 'closed'], to: 'same' },
  'leader-instruction': { from: ['registered', 'accepted', 'rejected', 'routed', 'in_handling', 'replied', 'closed'], to: 'same' },
  // 签收: the unit takes the routed case into handling (the secretariat's `start` stays for cases it handles itself).
  sign: { from: ['routed'], to: 'in_handling' },
  ask: { from: HANDLING_STATUSES, to: 'same' },
  'answer-question': { from: HANDLING_STATUSES, to: 'same' },
  'request-extension': { from: HANDLING_STATUSES, to: 'same' },
  'refuse-extension': { from: REPLY_DEADLINE_STATUSES, to: 'same' },
};

/**
 * The changes recorded for other reasons, in the same terms. A registration creates the case (no status
 * before it); a conversion or a meeting's outcome may concern a case in any status (an outcome's deadline
 * only where a reply deadline runs: `planMeetingOutcome`); a re-grade only a case not yet routed.
 */
const RECORDED_TRANSITIONS: Readonly<Record<RecordedAction, { from: readonly CaseStatus[]; to: CaseStatus | 'same' }>> = {
  register: { from: [], to: 'registered' },
  convert: { from: CASE_STATUSES, to: 'same' },
  'meeting-outcome': { from: CASE_STATUSES, to: 'same' },
  regrade: { from: UNROUTED_STATUSES, to: 'same' },
  // 台账导入: creates the case in the status the office's ledger recorded (`CaseChanges.importIn`); never on an existing case.
  import: { from: [], to: 'same' },
};

const EXTRA_LABELS_ZH: Readonly<Record<RecordedAction, string>> = { register: '登记', convert: '转化', 'meeting-outcome': '会议要求', regrade: '重新分级', import: '台账导入' };

/** The label of any timeline action (for briefs and messages). */
export function timelineActionLabel(action: string): string {
  return (ACTION_LABELS_ZH as Record<string, string>)[action] ?? (EXTRA_LABELS_ZH as Record<string, string>)[action] ?? action;
}

const isCaseAction = (action: TimelineAction): action is CaseAction => (CASE_ACTIONS as readonly string[]).includes(action);

/**
 * The status a case in `status` moves to by `action`, or `CASE_INVALID_TRANSITION` (409) when the state
 * machine refuses it. `null`: the case does not exist yet (a registration).
 */
export function transitionOf(action: TimelineAction, status: CaseStatus | null): CaseStatus {
  const rule = isCaseAction(action) ? TRANSITIONS[action] : RECORDED_TRANSITIONS[action];
  if (status === null) {
    if (action !== 'register') throw new Error(`"${action}" needs an existing case`);
    return 'registered';
  }
  if (!rule.from.includes(status)) {
    throw CaseErrors.invalidTransition(action, timelineActionLabel(action), status, STATUS_LABELS_ZH[status], allowedActions(status));
  }
  return rule.to === 'same' ? status : rule.to;
}

export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
}

/** What an action's state refusal needs to know of the case beyond its status. */
export type ActionStateFacts = Pick<CaseState, 'status' | 'extensionUsed' | 'feedback' | 'replyDueAt' | 'extensionRequestedAt' | 'openQuestionAt'>;

/**
 * Conditions on the case's state beyond its status (409), checked before the action's input: one
 * extension only, and only of a running reply deadline; one feedback per reply.
 */
const STATE_REFUSALS: Partial<Record<CaseAction, (state: ActionStateFacts) => DomainError | null>> = {
  feedback: (state) => (state.feedback !== null ? CaseErrors.feedbackAlreadyRecorded(state.feedback) : null),
  extend: (state) => (state.extensionUsed ? CaseErrors.extensionUsed() : state.replyDueAt === null ? CaseErrors.noRunningDeadline() : null),
  'request-extension': (state) =>
    state.extensionUsed
      ? CaseErrors.extensionUsed()
      : state.extensionRequestedAt !== null
        ? CaseErrors.extensionAlreadyRequested()
        : state.replyDueAt === null
          ? CaseErrors.noRunningDeadline()
          : null,
  'refuse-extension': (state) => (state.extensionRequestedAt === null ? CaseErrors.noExtensionRequest() : null),
  'answer-question': (state) => (state.openQuestionAt === null ? CaseErrors.noOpenQuestion() : null),
};

/** Why the case's state refuses the action beyond its status (a 409 to throw), or null. */
export function stateRefusal(action: CaseAction, state: ActionStateFacts): DomainError | null {
  return STATE_REFUSALS[action]?.(state) ?? null;
}

/**
 * The actions the case's state allows now: the state machine's transitions from its status and the
 * refusals above (whatever the input). Who may ask is the caller's concern (`allowedActionsFor`).
 */
export function actionsAllowedInState(state: ActionStateFacts): CaseAction[] {
  return allowedActions(state.status).filter((action) => stateRefusal(action, state) === null);
}

/** Which unit code the caller must look up for route/transfer (input value or the proposed route); null otherwise. */
export function targetUnitCode(state: CaseState, input: ActionInput): string | null {
  if (input.action === 'route') return internalRoute(state, input).handledBy;
  if (input.action === 'transfer') return text(input.handledBy) ?? state.routeHandledBy;
  return null;
}

type Planned = Omit<ActionPlan, 'toStatus' | 'reason'> & { reason?: string | null };
type Planner = (state: CaseState, input: ActionInput, ctx: ActionContext) => Planned;

const PLANNERS: Readonly<Record<CaseAction, Planner>> = {
  accept: (_state, _input, { now, deadlines, handleDays }) => {
    const replyDueAt = deadlines.handleDue(now, handleDays);
    return {
      changes: { acceptedAt: now, replyDueAt, dueAt: replyDueAt },
      data: { replyDueAt: iso(replyDueAt), handleDays: handleDays ?? deadlines.limits().handleDays },
    };
  },

  reject: (_state, input, { now }) => ({
    reason: requiredText(input, 'reason'),
    changes: { dueAt: null, closedAt: now },
    data: {},
  }),

  route: (state, input, { now, unit, deadlines }) => {
    const { committee, handledBy } = internalRoute(state, input);
    const handler = requireActiveUnit(unit, handledBy);
    if (handler.kind === 'external') throw CaseErrors.routeToExternalUnit(handledBy);
    const signDueAt = deadlines.signDue(now);
    return {
      changes: { routeCommittee: committee, routeHandledBy: handledBy, routeMode: 'internal', routedAt: now, ...newHandOver(signDueAt) },
      data: { committee, handledBy, mode: 'internal', dueAt: iso(state.replyDueAt), signDueAt: iso(signDueAt) },
    };
  },

  transfer: (state, input, { now, unit, deadlines, supervisedReplyMonths }) => {
    const handledBy = text(input.handledBy) ?? state.routeHandledBy;
    const committee = text(input.committee) ?? state.routeCommittee;
    const handler = requireActiveUnit(unit, handledBy);
    if (handler.kind !== 'external') throw CaseErrors.transferToInternalUnit(handledBy, handler.kind);
    const supervised = state.grade === 'escalated' || state.grade === 'joint-consultation';
    const mode: HandlingMode = supervised ? 'supervised' : 'transfer';
    const replyDueAt = supervised ? deadlines.supervisedReplyDue(now, supervisedReplyMonths) : state.replyDueAt;
    const signDueAt = deadlines.signDue(now);
    return {
      changes: {
        routeCommittee: committee,
        routeHandledBy: handledBy,
        routeMode: mode,
        routedAt: now,
        replyDueAt,
        dueAt: replyDueAt,
        reportRequired: supervised || state.reportRequired,
        ...newHandOver(signDueAt),
      },
      data: { committee, handledBy, mode, grade: state.grade, reportRequired: supervised, dueAt: iso(replyDueAt), signDueAt: iso(signDueAt) },
    };
  },

  start: (state) => ({
    changes: {},
    data: { handledBy: state.routeHandledBy, dueAt: iso(state.replyDueAt) },
  }),

  reply: (state, input, { now, actorRole }) => {
    const reason = requiredText(input, 'reason');
    const report = optionalText(input.report, 'report');
    if (state.reportRequired && report === null) throw CaseErrors.writtenReportRequired();
    const attachmentIds = [...new Set(input.attachmentIds ?? [])];
    // A unit answering a supervised item sends its written report as a file (the secretariat may record an answer received on paper).
    if (state.reportRequired && actorRole === 'unit' && attachmentIds.length === 0) throw CaseErrors.writtenReportAttachmentRequired();
    const repliedOnTime = state.replyDueAt === null || now.getTime() <= state.replyDueAt.getTime();
    return {
      reason,
      changes: { repliedAt: now, repliedOnTime, dueAt: null, feedback: null, ...NO_EXTENSION_REQUEST },
      data: { handledBy: state.routeHandledBy, replyDueAt: iso(state.replyDueAt), repliedOnTime, report, attachmentIds },
    };
  },

  feedback: (state, input, { now }) => {
    const feedback = input.feedback;
    if (feedback === undefined || !FEEDBACK_VALUES.includes(feedback)) throw CaseErrors.feedbackRequired(FEEDBACK_VALUES);
    return { changes: { feedback, feedbackAt: now }, data: { feedback } };
  },

  extend: (state, input, { deadlines }) => {
    // Approving the unit's pending request: its days unless others are given.
    const requested = state.extensionRequestedAt !== null;
    const days = input.days ?? (requested ? (state.extensionRequestedDays ?? undefined) : undefined);
    if (days === undefined) throw CaseErrors.extensionDaysRequired();
    const previous = state.replyDueAt;
    if (previous === null) throw CaseErrors.noRunningDeadline(); // refused by STATE_REFUSALS already
    const replyDueAt = deadlines.extend(previous, days);
    const reason = requiredText(input, 'reason');
    const approver = text(input.approver);
    if (approver === null) throw CaseErrors.approverRequired();
    return {
      reason,
      changes: { replyDueAt, dueAt: replyDueAt, extensionUsed: true, ...NO_EXTENSION_REQUEST },
      data: {
        days,
        approver,
        previousDueAt: iso(previous),
        newDueAt: iso(replyDueAt),
        ...(requested && { approvesRequest: true, requestedDays: state.extensionRequestedDays, requestedAt: iso(state.extensionRequestedAt), handledBy: state.routeHandledBy }),
      },
    };
  },

  sign: (state, _input, { now }) => {
    const signedOnTime = state.signDueAt === null || now.getTime() <= state.signDueAt.getTime();
    return {
      changes: { signedAt: now, signedOnTime },
      data: { handledBy: state.routeHandledBy, signDueAt: iso(state.signDueAt), signedOnTime, dueAt: iso(state.replyDueAt) },
    };
  },

  // A second question before the answer keeps the first one's time: the office answers them together.
  ask: (state, input, { now }) => ({
    reason: requiredText(input, 'reason'),
    changes: { openQuestionAt: state.openQuestionAt ?? now },
    data: { handledBy: state.routeHandledBy },
  }),

  'answer-question': (state, input) => ({
    reason: requiredText(input, 'reason'),
    changes: { openQuestionAt: null },
    data: { handledBy: state.routeHandledBy, askedAt: iso(state.openQuestionAt) },
  }),

  'request-extension': (state, input, { now, deadlines }) => {
    const days = input.days;
    if (days === undefined) throw CaseErrors.extensionDaysRequired();
    const max = deadlines.limits().extensionMaxDays;
    if (!Number.isInteger(days) || days < 1 || days > max) throw CaseErrors.extensionTooLong(days, max);
    const reason = requiredText(input, 'reason');
    return {
      reason,
      changes: { extensionRequestedAt: now, extensionRequestedDays: days, extensionRequestReason: reason },
      data: { days, handledBy: state.routeHandledBy, replyDueAt: iso(state.replyDueAt) },
    };
  },

  'refuse-extension': (state, input) => ({
    reason: requiredText(input, 'reason'),
    changes: { ...NO_EXTENSION_REQUEST },
    data: { handledBy: state.routeHandledBy, requestedDays: state.extensionRequestedDays, requestedAt: iso(state.extensionRequestedAt), replyDueAt: iso(state.replyDueAt) },
  }),

  resupervise: (state, input, { now, deadlines }) => {
    const reason = requiredText(input, 'reason');
    const days = input.days ?? deadlines.limits().resupervisionDays;
    if (!Number.isInteger(days) || days < 1) throw CaseErrors.invalidResupervisionDays(days);
    const replyDueAt = deadlines.resupervisionDue(now, days);
    const resupervisionCount = state.resupervisionCount + 1;
    return {
      reason,
      changes: { replyDueAt, dueAt: replyDueAt, resupervisionCount, feedback: null, repliedAt: null },
      data: {
        days,
        handledBy: state.routeHandledBy,
        previousFeedback: state.feedback,
        previousDueAt: iso(state.replyDueAt),
        newDueAt: iso(replyDueAt),
        resupervisionCount,
      },
    };
  },

  close: (state, _input, { now }) => ({
    changes: { closedAt: now, dueAt: null },
    data: { feedback: state.feedback },
  }),

  withdraw: (state, input, { now }) => ({
    reason: requiredText(input, 'reason'),
    changes: { dueAt: null, closedAt: now },
    data: { previousDueAt: iso(state.dueAt) },
  }),

  'assign-leader': (state, input) => {
    const leaderId = text(input.leaderId);
    if (leaderId === null) throw CaseErrors.leaderRequired(false);
    return {
      changes: { leadLeaderId: leaderId },
      data: { leaderId, previousLeaderId: state.leadLeaderId },
    };
  },

  'leader-reception': (_state, input) => leaderRecord(input),
  'leader-instruction': (_state, input) => leaderRecord(input),

  urge: (state, input) => {
    const note = optionalText(input.note, 'note');
    return {
      reason: note ?? optionalText(input.reason, 'reason'),
      createsNotice: true,
      changes: {},
      data: { note, handledBy: state.routeHandledBy, dueAt: iso(state.dueAt) },
    };
  },
};

/** No extension request pending (decided, answered, or handed to another unit). */
const NO_EXTENSION_REQUEST = { extensionRequestedAt: null, extensionRequestedDays: null, extensionRequestReason: null } as const;

/** A (new) hand-over to a handling unit: its sign deadline runs, nothing signed or requested yet. */
function newHandOver(signDueAt: Date): Partial<PetitionCase> {
  return { signDueAt, signedAt: null, signedOnTime: null, openQuestionAt: null, ...NO_EXTENSION_REQUEST };
}

/** 领导接访 / 领导批示: who, and what was said or instructed; the case's status does not change. */
function leaderRecord(input: ActionInput): Omit<ActionPlan, 'toStatus'> {
  const leaderId = text(input.leaderId);
  if (leaderId === null) throw CaseErrors.leaderRequired(true);
  const note = optionalText(input.note, 'note') ?? optionalText(input.reason, 'reason');
  return { reason: note, changes: {}, data: { leaderId } };
}

/** Plan one action on a case; throws a DomainError when the action is not allowed or its input is invalid. */
export function planAction(state: CaseState, input: ActionInput, ctx: ActionContext): ActionPlan {
  const toStatus = transitionOf(input.action, state.status);
  const refusal = stateRefusal(input.action, state);
  if (refusal) throw refusal;
  const planned = PLANNERS[input.action](state, input, ctx);
  const plan: ActionPlan = {
    toStatus,
    changes: planned.changes,
    data: planned.data,
    reason: planned.reason !== undefined ? planned.reason : optionalText(input.reason, 'reason'),
  };
  if (planned.createsNotice) plan.createsNotice = true;
  return plan;
}

function internalRoute(state: CaseState, input: ActionInput): { committee: string; handledBy: string } {
  const committee = text(input.committee) ?? state.routeCommittee;
  const handledBy = text(input.handledBy) ?? (state.routeMode === 'internal' ? state.routeHandledBy : committee);
  return { committee, handledBy };
}

function requireActiveUnit(unit: ActionContext['unit'], code: string): NonNullable<ActionContext['unit']> {
  if (unit === null || !unit.active) {
    // The code was typed: named back only when it looks like a unit code and holds no personal data.
    throw CaseErrors.unknownUnit(echoable(code, ECHO_SHAPES.unitCode));
  }
  if (unit.code !== code) throw new Error(`looked-up unit ${unit.code} does not match the target unit ${code}`);
  return unit;
}

/** Trimmed text, or null when missing or blank. */
function text(value: string | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

const FIELD_LABELS_ZH = { reason: '理由', report: '书面报告', note: '催办说明' } as const;
type TextField = keyof typeof FIELD_LABELS_ZH;

export function optionalText(value: string | undefined, field: TextField): string | null {
  const result = text(value);
  if (result !== null && result.length > MAX_TEXT_LENGTH) throw CaseErrors.textTooLong(field, FIELD_LABELS_ZH[field], MAX_TEXT_LENGTH, result.length);
  return result;
}

function requiredText(input: ActionInput, field: 'reason'): string {
  const result = optionalText(input[field], field);
  if (result === null) throw CaseErrors.reasonRequired(input.action, ACTION_LABELS_ZH[input.action]);
  return result;
}

export function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
