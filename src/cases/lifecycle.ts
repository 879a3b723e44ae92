import { badRequest, conflict } from '../common/errors.js';
import { ZH } from '../domain/labels.js';
import { ECHO_SHAPES, echoable } from '../common/pii/safe-echo.js';
import type { Unit } from '../directory/unit.entity.js';
import type { PetitionCase } from './case.entity.js';
import { FEEDBACK_VALUES, type CaseStatus, type Feedback, type HandlingMode } from '../domain/case-vocabulary.js';
import type { DeadlineCalculator } from './deadlines.js';

/**
 * The case lifecycle as a pure state machine: given the case's current state, an action and
 * its context (clock, deadline calculator, the unit looked up by the caller), `planAction`
 * returns the new status, the field changes and the timeline payload, or throws a DomainError.
 * No Nest, no database: the caller persists the plan and appends the timeline event.
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
] as const;
export type CaseAction = (typeof CASE_ACTIONS)[number];

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
>;

export interface ActionContext {
  now: Date;
  deadlines: DeadlineCalculator;
  /** the unit named by committee/handledBy (after defaulting), looked up by the caller; null if unknown */
  unit: Pick<Unit, 'code' | 'kind' | 'active'> | null;
  /** day-count overrides from the rule set evaluation stored on the case */
  handleDays?: number;
  supervisedReplyMonths?: number;
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
};

/** Longest reason, note or report accepted, in characters. */
export const MAX_TEXT_LENGTH = 2000;

const OPEN: readonly CaseStatus[] = ['registered', 'accepted', 'routed', 'in_handling'];
const NOT_FINAL: readonly CaseStatus[] = ['registered', 'accepted', 'routed', 'in_handling', 'replied'];

/** From which statuses an action may run, and where it leads (`same`: status unchanged). */
const TRANSITIONS: Readonly<Record<CaseAction, { from: readonly CaseStatus[]; to: CaseStatus | 'same' }>> = {
  accept: { from: ['registered'], to: 'accepted' },
  reject: { from: ['registered'], to: 'rejected' },
  route: { from: ['accepted'], to: 'routed' },
  transfer: { from: ['accepted'], to: 'routed' },
  start: { from: ['routed'], to: 'in_handling' },
  reply: { from: ['in_handling'], to: 'replied' },
  feedback: { from: ['replied'], to: 'same' },
  extend: { from: ['accepted', 'routed', 'in_handling'], to: 'same' },
  resupervise: { from: ['replied'], to: 'in_handling' },
  close: { from: ['replied'], to: 'closed' },
  withdraw: { from: OPEN, to: 'withdrawn' },
  'assign-leader': { from: NOT_FINAL, to: 'same' },
  urge: { from: ['routed', 'in_handling'], to: 'same' },
  // A leader may receive the petitioner (接访) or read and instruct the letter (批示) at any point but after a withdrawal.
  'leader-reception': { from: ['registered', 'accepted', 'rejected', 'routed', 'in_handling', 'replied', 'closed'], to: 'same' },
  'leader-instruction': { from: ['registered', 'accepted', 'rejected', 'routed', 'in_handling', 'replied', 'closed'], to: 'same' },
};

export function allowedActions(status: CaseStatus): CaseAction[] {
  return CASE_ACTIONS.filter((action) => TRANSITIONS[action].from.includes(status));
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

  route: (state, input, { now, unit }) => {
    const { committee, handledBy } = internalRoute(state, input);
    const handler = requireActiveUnit(unit, handledBy);
    if (handler.kind === 'external') {
      throw badRequest(
        'ROUTE_TO_EXTERNAL_UNIT',
        {
          zh: `“${handledBy}”是外部单位，外部单位请使用“转送”。`,
          en: `"${handledBy}" is an external body; use "transfer" for external bodies.`,
        },
        { handledBy },
      );
    }
    return {
      changes: { routeCommittee: committee, routeHandledBy: handledBy, routeMode: 'internal', routedAt: now },
      data: { committee, handledBy, mode: 'internal', dueAt: iso(state.replyDueAt) },
    };
  },

  transfer: (state, input, { now, unit, deadlines, supervisedReplyMonths }) => {
    const handledBy = text(input.handledBy) ?? state.routeHandledBy;
    const committee = text(input.committee) ?? state.routeCommittee;
    const handler = requireActiveUnit(unit, handledBy);
    if (handler.kind !== 'external') {
      throw badRequest(
        'TRANSFER_TO_INTERNAL_UNIT',
        {
          zh: `“${handledBy}”不是外部单位，本会内部办理请使用“分流交办”。`,
          en: `"${handledBy}" is not an external body; use "route" for internal handling.`,
        },
        { handledBy, kind: handler.kind },
      );
    }
    const supervised = state.grade === 'escalated' || state.grade === 'joint-consultation';
    const mode: HandlingMode = supervised ? 'supervised' : 'transfer';
    const replyDueAt = supervised ? deadlines.supervisedReplyDue(now, supervisedReplyMonths) : state.replyDueAt;
    return {
      changes: {
        routeCommittee: committee,
        routeHandledBy: handledBy,
        routeMode: mode,
        routedAt: now,
        replyDueAt,
        dueAt: replyDueAt,
        reportRequired: supervised || state.reportRequired,
      },
      data: { committee, handledBy, mode, grade: state.grade, reportRequired: supervised, dueAt: iso(replyDueAt) },
    };
  },

  start: (state) => ({
    changes: {},
    data: { handledBy: state.routeHandledBy, dueAt: iso(state.replyDueAt) },
  }),

  reply: (state, input, { now }) => {
    const reason = requiredText(input, 'reason');
    const report = optionalText(input.report, 'report');
    if (state.reportRequired && report === null) {
      throw badRequest('WRITTEN_REPORT_REQUIRED', {
        zh: '督办件答复须附书面报告。',
        en: 'A supervised item must be answered with a written report.',
      });
    }
    const repliedOnTime = state.replyDueAt === null || now.getTime() <= state.replyDueAt.getTime();
    return {
      reason,
      changes: { repliedAt: now, repliedOnTime, dueAt: null, feedback: null },
      data: { handledBy: state.routeHandledBy, replyDueAt: iso(state.replyDueAt), repliedOnTime, report },
    };
  },

  feedback: (state, input, { now }) => {
    const feedback = input.feedback;
    if (feedback === undefined || !FEEDBACK_VALUES.includes(feedback)) {
      throw badRequest(
        'FEEDBACK_REQUIRED',
        { zh: '请选择信访人反馈：满意或不满意。', en: 'Feedback is required: satisfied or dissatisfied.' },
        { allowed: FEEDBACK_VALUES },
      );
    }
    if (state.feedback !== null) {
      throw conflict(
        'FEEDBACK_ALREADY_RECORDED',
        { zh: '本次答复的反馈已记录，不能重复记录。', en: 'Feedback on this reply has already been recorded.' },
        { feedback: state.feedback },
      );
    }
    return { changes: { feedback, feedbackAt: now }, data: { feedback } };
  },

  extend: (state, input, { deadlines }) => {
    if (state.extensionUsed) {
      throw conflict('DEADLINE_EXTENSION_USED', {
        zh: '本事项已延期一次，不能再次延期。',
        en: 'The one extension of this case has already been used.',
      });
    }
    const days = input.days;
    if (days === undefined) {
      throw badRequest('EXTENSION_DAYS_REQUIRED', { zh: '请填写延期天数。', en: 'The number of days is required.' });
    }
    const previous = state.replyDueAt;
    if (previous === null) {
      throw conflict('NO_RUNNING_DEADLINE', {
        zh: '本事项没有正在计算的答复期限，无法延期。',
        en: 'The case has no running reply deadline to extend.',
      });
    }
    const replyDueAt = deadlines.extend(previous, days);
    const reason = requiredText(input, 'reason');
    const approver = text(input.approver);
    if (approver === null) {
      throw badRequest('APPROVER_REQUIRED', { zh: '延期须经批准，请填写批准人。', en: 'An extension needs an approver.' });
    }
    return {
      reason,
      changes: { replyDueAt, dueAt: replyDueAt, extensionUsed: true },
      data: { days, approver, previousDueAt: iso(previous), newDueAt: iso(replyDueAt) },
    };
  },

  resupervise: (state, input, { now, deadlines }) => {
    const reason = requiredText(input, 'reason');
    const days = input.days ?? deadlines.limits().resupervisionDays;
    if (!Number.isInteger(days) || days < 1) {
      throw badRequest(
        'INVALID_DAYS',
        { zh: '再督办期限天数须为正整数。', en: 'The re-supervision period must be a positive whole number of days.' },
        { days },
      );
    }
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
    if (leaderId === null) {
      throw badRequest('LEADER_REQUIRED', { zh: '请选择包案领导。', en: 'A leader is required.' });
    }
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

/** 领导接访 / 领导批示: who, and what was said or instructed; the case's status does not change. */
function leaderRecord(input: ActionInput): Omit<ActionPlan, 'toStatus'> {
  const leaderId = text(input.leaderId);
  if (leaderId === null) throw badRequest('LEADER_REQUIRED', { zh: '请选择接访或批示的领导。', en: 'A leader is required.' });
  const note = optionalText(input.note, 'note') ?? optionalText(input.reason, 'reason');
  return { reason: note, changes: {}, data: { leaderId } };
}

/** Plan one action on a case; throws a DomainError when the action is not allowed or its input is invalid. */
export function planAction(state: CaseState, input: ActionInput, ctx: ActionContext): ActionPlan {
  const transition = TRANSITIONS[input.action];
  if (!transition.from.includes(state.status)) {
    throw conflict(
      'CASE_INVALID_TRANSITION',
      {
        zh: `当前状态（${STATUS_LABELS_ZH[state.status]}）不能执行“${ACTION_LABELS_ZH[input.action]}”操作。`,
        en: `Action "${input.action}" is not allowed while the case is "${state.status}".`,
      },
      { action: input.action, status: state.status, allowed: allowedActions(state.status) },
    );
  }
  const planned = PLANNERS[input.action](state, input, ctx);
  const plan: ActionPlan = {
    toStatus: transition.to === 'same' ? state.status : transition.to,
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
    const shown = echoable(code, ECHO_SHAPES.unitCode);
    throw badRequest(
      'UNKNOWN_UNIT',
      shown
        ? { zh: `单位“${shown}”不存在或已停用。`, en: `Unit "${shown}" does not exist or is inactive.` }
        : { zh: '该单位不存在或已停用。', en: 'The unit does not exist or is inactive.' },
      shown ? { unit: shown } : undefined,
    );
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

function optionalText(value: string | undefined, field: TextField): string | null {
  const result = text(value);
  if (result !== null && result.length > MAX_TEXT_LENGTH) {
    throw badRequest(
      field === 'reason' ? 'REASON_TOO_LONG' : `${field.toUpperCase()}_TOO_LONG`,
      {
        zh: `${FIELD_LABELS_ZH[field]}不能超过 ${MAX_TEXT_LENGTH} 字。`,
        en: `The ${field} must be at most ${MAX_TEXT_LENGTH} characters.`,
      },
      { field, maxLength: MAX_TEXT_LENGTH, length: result.length },
    );
  }
  return result;
}

function requiredText(input: ActionInput, field: 'reason'): string {
  const result = optionalText(input[field], field);
  if (result === null) {
    throw badRequest(
      'REASON_REQUIRED',
      {
        zh: `“${ACTION_LABELS_ZH[input.action]}”须填写${input.action === 'reply' ? '答复内容摘要' : '理由'}。`,
        en: `"${input.action}" requires a ${input.action === 'reply' ? 'reply summary' : 'reason'}.`,
      },
      { action: input.action },
    );
  }
  return result;
}

function iso(date: Date | null): string | null {
  return date === null ? null : date.toISOString();
}
