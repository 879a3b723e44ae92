import { loadPolicy } from '../../config/policy.js';
import { DomainError } from '../common/errors.js';
import { WorkingCalendar } from '../common/time/working-calendar.js';
import { CASE_STATUSES, type CaseStatus } from '../domain/case-vocabulary.js';
import { DeadlineCalculator } from './deadlines.js';
import {
  ACTION_LABELS_ZH,
  CASE_ACTIONS,
  STATUS_LABELS_ZH,
  allowedActions,
  planAction,
  targetUnitCode,
  type ActionContext,
  type ActionInput,
  type CaseAction,
  type CaseState,
} from './lifecycle.js';

const policy = loadPolicy();
const deadlines = new DeadlineCalculator(policy, new WorkingCalendar(policy.calendarOverrides));

/** `HH:MM` in Shanghai on the given date. */
const shanghai = (isoDate: string, time = '10:00'): Date => new Date(`${isoDate}T${time}:00+08:00`);
/** End of a local Shanghai day as an ISO UTC string. */
const endOfShanghaiDay = (isoDate: string): string => new Date(`${isoDate}T23:59:59.999+08:00`).toISOString();

const NOW = shanghai('2026-06-10');
const REPLY_DUE = new Date(endOfShanghaiDay('2026-08-10'));

const GOV = { code: 'GOV', kind: 'external', active: true } as const;
const LAC = { code: 'LAC', kind: 'committee', active: true } as const;
const UCEC = { code: 'UCEC', kind: 'committee', active: true } as const;

/** A case in the given status, proposed route urban-construction (UCEC follows up, GOV handles, transfer). */
function caseIn(status: CaseStatus, overrides: Partial<CaseState> = {}): CaseState {
  const accepted = status !== 'registered';
  return {
    status,
    grade: 'normal',
    routeCommittee: 'UCEC',
    routeHandledBy: 'GOV',
    routeMode: 'transfer',
    acceptDueAt: new Date(endOfShanghaiDay('2026-06-01')),
    replyDueAt: accepted ? REPLY_DUE : null,
    dueAt: accepted ? REPLY_DUE : new Date(endOfShanghaiDay('2026-06-01')),
    extensionUsed: false,
    reportRequired: false,
    feedback: null,
    repliedAt: status === 'replied' ? shanghai('2026-06-05') : null,
    resupervisionCount: 0,
    leadLeaderId: null,
    signDueAt: null,
    signedAt: null,
    extensionRequestedAt: null,
    extensionRequestedDays: null,
    extensionRequestReason: null,
    openQuestionAt: null,
    ...overrides,
  };
}

const ctx = (overrides: Partial<ActionContext> = {}): ActionContext => ({
  now: NOW,
  deadlines,
  unit: null,
  ...overrides,
});

const SIGN_DUE = new Date(endOfShanghaiDay('2026-06-15'));
const NO_REQUEST = { extensionRequestedAt: null, extensionRequestedDays: null, extensionRequestReason: null };
const NOTHING_SIGNED_OR_REQUESTED = { signedAt: null, signedOnTime: null, openQuestionAt: null, ...NO_REQUEST };

/** A unit's pending extension request (申请延期), for the secretariat to decide. */
const PENDING_REQUEST = { extensionRequestedAt: shanghai('2026-06-08'), extensionRequestedDays: 15, extensionRequestReason: '需协调多个部门' } as const;

/** A valid input for every action, with the unit the caller would have looked up (and what the state needs beyond its status). */
const VALID: Record<CaseAction, { input: ActionInput; unit?: ActionContext['unit']; state?: Partial<CaseState> }> = {
  accept: { input: { action: 'accept' } },
  reject: { input: { action: 'reject', reason: '不属于人大信访受理范围' } },
  route: { input: { action: 'route', committee: 'LAC' }, unit: LAC },
  transfer: { input: { action: 'transfer' }, unit: GOV },
  start: { input: { action: 'start' } },
  reply: { input: { action: 'reply', reason: '已答复信访人' } },
  feedback: { input: { action: 'feedback', feedback: 'satisfied' } },
  extend: { input: { action: 'extend', days: 10, reason: '案情复杂', approver: '李主任' } },
  resupervise: { input: { action: 'resupervise', reason: '信访人不满意' } },
  close: { input: { action: 'close' } },
  withdraw: { input: { action: 'withdraw', reason: '信访人撤回' } },
  'assign-leader': { input: { action: 'assign-leader', leaderId: 'leader-1' } },
  urge: { input: { action: 'urge', note: '请于本周内报送办理情况' } },
  'leader-reception': { input: { action: 'leader-reception', leaderId: 'leader-1', note: '主任接待来访群众' } },
  'leader-instruction': { input: { action: 'leader-instruction', leaderId: 'leader-1', note: '请城建环保委跟踪督办' } },
  sign: { input: { action: 'sign' } },
  ask: { input: { action: 'ask', reason: '信访人联系方式是否有更新？' } },
  'answer-question': { input: { action: 'answer-question', reason: '以登记信息为准' }, state: { openQuestionAt: shanghai('2026-06-09') } },
  'request-extension': { input: { action: 'request-extension', days: 15, reason: '需协调多个部门' } },
  'refuse-extension': { input: { action: 'refuse-extension', reason: '期限内可以办结' }, state: PENDING_REQUEST },
};

/** The unit's loop from a routed or handled case: the status does not change (sign takes it into handling). */
const UNIT_LOOP = (status: CaseStatus): Partial<Record<CaseAction, CaseStatus>> => ({ ask: status, 'answer-question': status, 'request-extension': status, 'refuse-extension': status });

/** Leaders receive petitioners and instruct letters in every status but withdrawn; nothing else changes. */
const LEADER_RECORDS = (status: CaseStatus): Partial<Record<CaseAction, CaseStatus>> => ({ 'leader-reception': status, 'leader-instruction': status });

/** The lifecycle, written out independently of the implementation: status → action → resulting status. */
const EXPECTED: Record<CaseStatus, Partial<Record<CaseAction, CaseStatus>>> = {
  registered: { accept: 'accepted', reject: 'rejected', withdraw: 'withdrawn', 'assign-leader': 'registered', ...LEADER_RECORDS('registered') },
  accepted: {
    route: 'routed',
    transfer: 'routed',
    extend: 'accepted',
    withdraw: 'withdrawn',
    'assign-leader': 'accepted',
    ...LEADER_RECORDS('accepted'),
    'refuse-extension': 'accepted',
  },
  rejected: { ...LEADER_RECORDS('rejected') },
  routed: { start: 'in_handling', extend: 'routed', withdraw: 'withdrawn', 'assign-leader': 'routed', urge: 'routed', ...LEADER_RECORDS('routed'), sign: 'in_handling', ...UNIT_LOOP('routed') },
  in_handling: {
    reply: 'replied',
    extend: 'in_handling',
    withdraw: 'withdrawn',
    'assign-leader': 'in_handling',
    urge: 'in_handling',
    ...LEADER_RECORDS('in_handling'),
    ...UNIT_LOOP('in_handling'),
  },
  replied: { feedback: 'replied', resupervise: 'in_handling', close: 'closed', 'assign-leader': 'replied', ...LEADER_RECORDS('replied') },
  closed: { ...LEADER_RECORDS('closed') },
  withdrawn: {},
};

const pairs = CASE_STATUSES.flatMap((status) => CASE_ACTIONS.map((action) => ({ status, action })));
const allowedPairs = pairs.filter(({ status, action }) => EXPECTED[status][action] !== undefined);
const invalidPairs = pairs.filter(({ status, action }) => EXPECTED[status][action] === undefined);

function domainError(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError, nothing was thrown');
}

describe('case lifecycle', () => {
  it('covers all 20 × 8 action/status pairs', () => {
    expect(pairs).toHaveLength(160);
    expect(allowedPairs).toHaveLength(47);
    expect(invalidPairs).toHaveLength(113);
  });

  describe.each(CASE_STATUSES)('allowedActions(%s)', (status) => {
    it('lists exactly the actions of the lifecycle table, in CASE_ACTIONS order', () => {
      expect(allowedActions(status)).toEqual(CASE_ACTIONS.filter((a) => EXPECTED[status][a] !== undefined));
    });
  });

  it.each(allowedPairs)('$action from $status succeeds', ({ status, action }) => {
    const { input, unit, state } = VALID[action];
    const plan = planAction(caseIn(status, state), input, ctx({ unit: unit ?? null }));
    expect(plan.toStatus).toBe(EXPECTED[status][action]);
  });

  it.each(invalidPairs)('$action from $status is CASE_INVALID_TRANSITION (409)', ({ status, action }) => {
    const { input, unit, state } = VALID[action];
    const err = domainError(() => planAction(caseIn(status, state), input, ctx({ unit: unit ?? null })));
    expect(err.code).toBe('CASE_INVALID_TRANSITION');
    expect(err.status).toBe(409);
    expect(err.details).toEqual({ action, status, allowed: allowedActions(status) });
    expect(err.messages.zh).toBe(`当前状态（${STATUS_LABELS_ZH[status]}）不能执行“${ACTION_LABELS_ZH[action]}”操作。`);
  });

  it('says in Chinese which action the status forbids', () => {
    const err = domainError(() => planAction(caseIn('accepted'), { action: 'close' }, ctx()));
    expect(err.messages.zh).toBe('当前状态（已受理）不能执行“办结”操作。');
    expect(err.messages.en).toMatch(/close.*accepted/);
  });

  describe('accept', () => {
    it('starts the 60-day handling deadline and makes it the running one', () => {
      const plan = planAction(caseIn('registered'), { action: 'accept' }, ctx());
      // 2026-06-10 + 60 = 2026-08-09 (Sun) → 2026-08-10 (Mon)
      expect(plan.changes).toEqual({
        acceptedAt: NOW,
        replyDueAt: new Date(endOfShanghaiDay('2026-08-10')),
        dueAt: new Date(endOfShanghaiDay('2026-08-10')),
      });
      expect(plan.data).toEqual({ replyDueAt: endOfShanghaiDay('2026-08-10'), handleDays: 60 });
      expect(plan.reason).toBeNull();
    });

    it('uses the day count of the rule set when the evaluation overrides it', () => {
      const plan = planAction(caseIn('registered'), { action: 'accept' }, ctx({ handleDays: 30 }));
      // 2026-06-10 + 30 = 2026-07-10 (Fri)
      expect(plan.changes.replyDueAt?.toISOString()).toBe(endOfShanghaiDay('2026-07-10'));
      expect(plan.data.handleDays).toBe(30);
    });
  });

  describe('reasons', () => {
    it.each([
      ['reject', 'registered'],
      ['withdraw', 'routed'],
      ['resupervise', 'replied'],
      ['reply', 'in_handling'],
    ] as const)('%s without a reason is REASON_REQUIRED', (action, status) => {
      const input = { ...VALID[action].input, reason: '   ' };
      const err = domainError(() => planAction(caseIn(status), input, ctx()));
      expect(err.code).toBe('REASON_REQUIRED');
      expect(err.status).toBe(400);
    });

    it('trims the reason and closes a rejected case', () => {
      const plan = planAction(caseIn('registered'), { action: 'reject', reason: '  不属于受理范围 \n' }, ctx());
      expect(plan.reason).toBe('不属于受理范围');
      expect(plan.changes).toEqual({ dueAt: null, closedAt: NOW });
    });

    it('refuses a reason longer than 2000 characters with REASON_TOO_LONG', () => {
      const reject = (reason: string) => planAction(caseIn('registered'), { action: 'reject', reason }, ctx());
      const err = domainError(() => reject('理'.repeat(2001)));
      expect(err.code).toBe('REASON_TOO_LONG');
      expect(err.status).toBe(400);
      expect(reject('理'.repeat(2000)).reason).toHaveLength(2000);
    });
  });

  describe('route (internal handling)', () => {
    it('keeps the proposed internal route and the running deadline', () => {
      const state = caseIn('accepted', { routeCommittee: 'LAC', routeHandledBy: 'LAC', routeMode: 'internal' });
      expect(targetUnitCode(state, { action: 'route' })).toBe('LAC');
      const plan = planAction(state, { action: 'route' }, ctx({ unit: LAC }));
      expect(plan.changes).toEqual({
        routeCommittee: 'LAC',
        routeHandledBy: 'LAC',
        routeMode: 'internal',
        routedAt: NOW,
        // 签收期限: 3 working days after Wed 2026-06-10 → Thu, Fri, Mon 2026-06-15
        signDueAt: SIGN_DUE,
        ...NOTHING_SIGNED_OR_REQUESTED,
      });
      expect(plan.data).toEqual({
        committee: 'LAC',
        handledBy: 'LAC',
        mode: 'internal',
        dueAt: REPLY_DUE.toISOString(),
        signDueAt: SIGN_DUE.toISOString(),
      });
    });

    it('lets the follow-up committee handle it when the proposed route was a transfer', () => {
      const state = caseIn('accepted');
      expect(targetUnitCode(state, { action: 'route' })).toBe('UCEC');
      const plan = planAction(state, { action: 'route' }, ctx({ unit: UCEC }));
      expect(plan.changes).toMatchObject({ routeCommittee: 'UCEC', routeHandledBy: 'UCEC', routeMode: 'internal' });
    });

    it('refuses an external unit with ROUTE_TO_EXTERNAL_UNIT', () => {
      const state = caseIn('accepted');
      const input: ActionInput = { action: 'route', handledBy: 'GOV' };
      expect(targetUnitCode(state, input)).toBe('GOV');
      const err = domainError(() => planAction(state, input, ctx({ unit: GOV })));
      expect(err.code).toBe('ROUTE_TO_EXTERNAL_UNIT');
      expect(err.status).toBe(400);
      expect(err.messages.zh).toContain('外部单位请使用“转送”');
    });

    it.each([
      ['unknown', null],
      ['inactive', { ...LAC, active: false }],
    ])('refuses an %s unit with UNKNOWN_UNIT', (_label, unit) => {
      const input: ActionInput = { action: 'route', committee: 'LAC' };
      const err = domainError(() => planAction(caseIn('accepted'), input, ctx({ unit })));
      expect(err.code).toBe('UNKNOWN_UNIT');
      expect(err.status).toBe(400);
    });
  });

  describe('transfer (to 一府一委两院)', () => {
    it('keeps a normal case a plain transfer with the running deadline', () => {
      const state = caseIn('accepted');
      expect(targetUnitCode(state, { action: 'transfer' })).toBe('GOV');
      const plan = planAction(state, { action: 'transfer' }, ctx({ unit: GOV }));
      expect(plan.changes).toEqual({
        routeCommittee: 'UCEC',
        routeHandledBy: 'GOV',
        routeMode: 'transfer',
        routedAt: NOW,
        replyDueAt: REPLY_DUE,
        dueAt: REPLY_DUE,
        reportRequired: false,
        signDueAt: SIGN_DUE,
        ...NOTHING_SIGNED_OR_REQUESTED,
      });
      expect(plan.data).toMatchObject({ mode: 'transfer', handledBy: 'GOV', committee: 'UCEC' });
    });

    it.each(['escalated', 'joint-consultation'] as const)(
      'turns a %s case into a supervised item: reply 2 months later, end of day Shanghai, written report',
      (grade) => {
        const transferredAt = shanghai('2026-06-10', '16:30');
        const state = caseIn('accepted', { grade });
        const plan = planAction(state, { action: 'transfer' }, ctx({ now: transferredAt, unit: GOV }));
        expect(plan.toStatus).toBe('routed');
        expect(plan.changes.routeMode).toBe('supervised');
        expect(plan.changes.reportRequired).toBe(true);
        // 2026-06-10 + 2 months = 2026-08-10 (Mon), 23:59:59.999 +08:00
        expect(plan.changes.replyDueAt?.toISOString()).toBe('2026-08-10T15:59:59.999Z');
        expect(plan.changes.dueAt).toEqual(plan.changes.replyDueAt);
        expect(plan.data).toMatchObject({
          mode: 'supervised',
          grade,
          reportRequired: true,
          dueAt: '2026-08-10T15:59:59.999Z',
        });
      },
    );

    it('uses the month count of the rule set when the evaluation overrides it', () => {
      const plan = planAction(
        caseIn('accepted', { grade: 'escalated' }),
        { action: 'transfer' },
        ctx({ unit: GOV, supervisedReplyMonths: 1 }),
      );
      // 2026-06-10 + 1 month = 2026-07-10 (Fri)
      expect(plan.changes.replyDueAt?.toISOString()).toBe(endOfShanghaiDay('2026-07-10'));
    });

    it('refuses a committee with TRANSFER_TO_INTERNAL_UNIT', () => {
      const input: ActionInput = { action: 'transfer', handledBy: 'LAC' };
      expect(targetUnitCode(caseIn('accepted'), input)).toBe('LAC');
      const err = domainError(() => planAction(caseIn('accepted'), input, ctx({ unit: LAC })));
      expect(err.code).toBe('TRANSFER_TO_INTERNAL_UNIT');
      expect(err.status).toBe(400);
    });

    it('refuses an unknown unit with UNKNOWN_UNIT', () => {
      const err = domainError(() => planAction(caseIn('accepted'), { action: 'transfer', handledBy: 'XYZ' }, ctx()));
      expect(err.code).toBe('UNKNOWN_UNIT');
    });
  });

  it('targetUnitCode is null for actions that name no unit', () => {
    expect(targetUnitCode(caseIn('routed'), { action: 'urge' })).toBeNull();
  });

  describe('reply', () => {
    it('is on time up to the last instant of the deadline', () => {
      const plan = planAction(caseIn('in_handling'), VALID.reply.input, ctx({ now: REPLY_DUE }));
      expect(plan.changes).toEqual({ repliedAt: REPLY_DUE, repliedOnTime: true, dueAt: null, feedback: null, ...NO_REQUEST });
      expect(plan.reason).toBe('已答复信访人');
    });

    it('is late one millisecond after the deadline', () => {
      const late = new Date(REPLY_DUE.getTime() + 1);
      const plan = planAction(caseIn('in_handling'), VALID.reply.input, ctx({ now: late }));
      expect(plan.changes.repliedOnTime).toBe(false);
      expect(plan.data.repliedOnTime).toBe(false);
    });

    it('requires a written report for a supervised item', () => {
      const state = caseIn('in_handling', { routeMode: 'supervised', reportRequired: true });
      const err = domainError(() => planAction(state, { ...VALID.reply.input, report: '  ' }, ctx()));
      expect(err.code).toBe('WRITTEN_REPORT_REQUIRED');
      expect(err.status).toBe(400);
      const plan = planAction(state, { ...VALID.reply.input, report: '书面报告：已完成整改' }, ctx());
      expect(plan.data.report).toBe('书面报告：已完成整改');
    });
  });

  describe('feedback', () => {
    it('records the feedback once', () => {
      const plan = planAction(caseIn('replied'), { action: 'feedback', feedback: 'dissatisfied' }, ctx());
      expect(plan.changes).toEqual({ feedback: 'dissatisfied', feedbackAt: NOW });
      expect(plan.toStatus).toBe('replied');
    });

    it('refuses a second feedback with FEEDBACK_ALREADY_RECORDED (409)', () => {
      const state = caseIn('replied', { feedback: 'satisfied' });
      const err = domainError(() => planAction(state, VALID.feedback.input, ctx()));
      expect(err.code).toBe('FEEDBACK_ALREADY_RECORDED');
      expect(err.status).toBe(409);
    });

    it('requires a feedback value', () => {
      const err = domainError(() => planAction(caseIn('replied'), { action: 'feedback' }, ctx()));
      expect(err.code).toBe('FEEDBACK_REQUIRED');
      expect(err.status).toBe(400);
    });
  });

  describe('extend', () => {
    it('adds up to 30 days to the reply deadline, once', () => {
      const plan = planAction(caseIn('routed'), { ...VALID.extend.input, days: 30 }, ctx());
      // 2026-08-10 + 30 = 2026-09-09 (Wed)
      const newDue = new Date(endOfShanghaiDay('2026-09-09'));
      expect(plan.changes).toEqual({ replyDueAt: newDue, dueAt: newDue, extensionUsed: true, ...NO_REQUEST });
      expect(plan.data).toEqual({
        days: 30,
        approver: '李主任',
        previousDueAt: REPLY_DUE.toISOString(),
        newDueAt: newDue.toISOString(),
      });
      expect(plan.reason).toBe('案情复杂');
    });

    it('refuses a second extension with DEADLINE_EXTENSION_USED before checking the input', () => {
      const state = caseIn('in_handling', { extensionUsed: true });
      const err = domainError(() => planAction(state, { action: 'extend', days: 99 }, ctx()));
      expect(err.code).toBe('DEADLINE_EXTENSION_USED');
      expect(err.status).toBe(409);
    });

    it('refuses more than 30 days with EXTENSION_TOO_LONG', () => {
      const err = domainError(() => planAction(caseIn('routed'), { ...VALID.extend.input, days: 31 }, ctx()));
      expect(err.code).toBe('EXTENSION_TOO_LONG');
      expect(err.status).toBe(400);
    });

    it.each([
      ['days', { days: undefined }, 'EXTENSION_DAYS_REQUIRED'],
      ['reason', { reason: '' }, 'REASON_REQUIRED'],
      ['approver', { approver: ' ' }, 'APPROVER_REQUIRED'],
    ])('requires %s', (_field, change, code) => {
      const err = domainError(() => planAction(caseIn('accepted'), { ...VALID.extend.input, ...change }, ctx()));
      expect(err.code).toBe(code);
      expect(err.status).toBe(400);
    });
  });

  describe('resupervise (再督办)', () => {
    it('reopens the case with a new 30-day deadline and clears the feedback and reply', () => {
      const state = caseIn('replied', { feedback: 'dissatisfied', extensionUsed: true, resupervisionCount: 1 });
      const plan = planAction(state, VALID.resupervise.input, ctx());
      // 2026-06-10 + 30 = 2026-07-10 (Fri)
      const newDue = new Date(endOfShanghaiDay('2026-07-10'));
      expect(plan.toStatus).toBe('in_handling');
      expect(plan.changes).toEqual({
        replyDueAt: newDue,
        dueAt: newDue,
        resupervisionCount: 2,
        feedback: null,
        repliedAt: null,
      });
      expect(plan.data).toMatchObject({ days: 30, previousFeedback: 'dissatisfied', newDueAt: newDue.toISOString() });
    });

    it('accepts a custom number of days and refuses a non-integer one', () => {
      const plan = planAction(caseIn('replied'), { ...VALID.resupervise.input, days: 5 }, ctx());
      // 2026-06-10 + 5 = 2026-06-15 (Mon)
      expect(plan.changes.replyDueAt?.toISOString()).toBe(endOfShanghaiDay('2026-06-15'));
      const input = { ...VALID.resupervise.input, days: 1.5 };
      const err = domainError(() => planAction(caseIn('replied'), input, ctx()));
      expect(err.code).toBe('INVALID_DAYS');
    });
  });

  it('close ends the running deadline', () => {
    const plan = planAction(caseIn('replied', { feedback: 'satisfied' }), { action: 'close' }, ctx());
    expect(plan.changes).toEqual({ closedAt: NOW, dueAt: null });
    expect(plan.data).toEqual({ feedback: 'satisfied' });
  });

  it('withdraw closes an open case with its reason', () => {
    const plan = planAction(caseIn('in_handling'), VALID.withdraw.input, ctx());
    expect(plan.changes).toEqual({ dueAt: null, closedAt: NOW });
    expect(plan.reason).toBe('信访人撤回');
  });

  describe('assign-leader', () => {
    it('records the new and the previous leader', () => {
      const plan = planAction(caseIn('routed', { leadLeaderId: 'leader-0' }), VALID['assign-leader'].input, ctx());
      expect(plan.changes).toEqual({ leadLeaderId: 'leader-1' });
      expect(plan.data).toEqual({ leaderId: 'leader-1', previousLeaderId: 'leader-0' });
    });

    it('requires a leader', () => {
      const err = domainError(() => planAction(caseIn('routed'), { action: 'assign-leader' }, ctx()));
      expect(err.code).toBe('LEADER_REQUIRED');
      expect(err.status).toBe(400);
    });
  });

  describe('urge', () => {
    it('asks for a notice and uses the note as the reason', () => {
      const plan = planAction(caseIn('routed'), VALID.urge.input, ctx());
      expect(plan.createsNotice).toBe(true);
      expect(plan.toStatus).toBe('routed');
      expect(plan.changes).toEqual({});
      expect(plan.reason).toBe('请于本周内报送办理情况');
      expect(plan.data).toMatchObject({ note: '请于本周内报送办理情况', handledBy: 'GOV' });
    });

    it('falls back to the reason, then to none', () => {
      expect(planAction(caseIn('routed'), { action: 'urge', reason: '逾期未报' }, ctx()).reason).toBe('逾期未报');
      expect(planAction(caseIn('routed'), { action: 'urge' }, ctx()).reason).toBeNull();
    });
  });
});

describe("the handling unit's loop (部门联动)", () => {
  const routed = (overrides: Partial<CaseState> = {}): CaseState => caseIn('routed', { signDueAt: SIGN_DUE, ...overrides });

  describe('sign (签收)', () => {
    it('takes the routed case into handling, on time up to the last instant of the sign deadline', () => {
      const plan = planAction(routed(), { action: 'sign' }, ctx({ now: SIGN_DUE }));
      expect(plan.toStatus).toBe('in_handling');
      expect(plan.changes).toEqual({ signedAt: SIGN_DUE, signedOnTime: true });
      expect(plan.data).toEqual({ handledBy: 'GOV', signDueAt: SIGN_DUE.toISOString(), signedOnTime: true, dueAt: REPLY_DUE.toISOString() });
    });

    it('is late one millisecond after it (签收超期)', () => {
      const plan = planAction(routed(), { action: 'sign' }, ctx({ now: new Date(SIGN_DUE.getTime() + 1) }));
      expect(plan.changes.signedOnTime).toBe(false);
    });

    it('counts as on time for a case routed before sign deadlines existed', () => {
      expect(planAction(routed({ signDueAt: null }), { action: 'sign' }, ctx()).changes.signedOnTime).toBe(true);
    });

    it('counts working days: routed on Tue 2026-09-29, the National Day holiday (10-01 to 10-07) skipped', () => {
      // 09-30 is the first working day, 10-08 the second, 10-09 the third
      expect(deadlines.signDue(shanghai('2026-09-29', '17:00')).toISOString()).toBe(endOfShanghaiDay('2026-10-09'));
      const plain = deadlines.signDue(shanghai('2026-06-10'), 1);
      expect(plain.toISOString()).toBe(endOfShanghaiDay('2026-06-11'));
    });
  });

  describe('ask and answer-question', () => {
    it('records the question and the answer as the reason, the status unchanged', () => {
      const asked = planAction(routed(), { action: 'ask', reason: ' 信访人是否已另行起诉？ ' }, ctx());
      expect(asked.toStatus).toBe('routed');
      expect(asked.reason).toBe('信访人是否已另行起诉？');
      expect(asked.changes).toEqual({ openQuestionAt: NOW });
      const ASKED = shanghai('2026-06-09');
      const answered = planAction(caseIn('in_handling', { openQuestionAt: ASKED }), { action: 'answer-question', reason: '未起诉' }, ctx());
      expect(answered.toStatus).toBe('in_handling');
      expect(answered.reason).toBe('未起诉');
      expect(answered.changes).toEqual({ openQuestionAt: null });
      expect(answered.data).toMatchObject({ askedAt: ASKED.toISOString() });
    });

    it('keeps the first open question’s time when the unit asks again before the answer', () => {
      const ASKED = shanghai('2026-06-09');
      expect(planAction(caseIn('in_handling', { openQuestionAt: ASKED }), { action: 'ask', reason: '补充一问' }, ctx()).changes).toEqual({ openQuestionAt: ASKED });
    });

    it('refuses an answer when no question is open (409 NO_OPEN_QUESTION)', () => {
      expect(domainError(() => planAction(caseIn('in_handling'), { action: 'answer-question', reason: '未起诉' }, ctx()))).toMatchObject({ code: 'NO_OPEN_QUESTION', status: 409 });
    });

    it.each(['ask', 'answer-question'] as const)('%s without text is REASON_REQUIRED', (action) => {
      expect(domainError(() => planAction(routed({ openQuestionAt: shanghai('2026-06-09') }), { action, reason: '  ' }, ctx())).code).toBe('REASON_REQUIRED');
    });
  });

  describe('request-extension (申请延期)', () => {
    it('records the pending request: days and reason', () => {
      const plan = planAction(caseIn('in_handling'), VALID['request-extension'].input, ctx());
      expect(plan.changes).toEqual({ extensionRequestedAt: NOW, extensionRequestedDays: 15, extensionRequestReason: '需协调多个部门' });
      expect(plan.data).toEqual({ days: 15, handledBy: 'GOV', replyDueAt: REPLY_DUE.toISOString() });
      expect(plan.toStatus).toBe('in_handling');
    });

    it.each([0, 31, 2.5])('refuses %s days with EXTENSION_TOO_LONG (1 to 30)', (days) => {
      const err = domainError(() => planAction(caseIn('in_handling'), { ...VALID['request-extension'].input, days }, ctx()));
      expect(err.code).toBe('EXTENSION_TOO_LONG');
      expect(err.status).toBe(400);
    });

    it('needs days and a reason', () => {
      expect(domainError(() => planAction(caseIn('in_handling'), { action: 'request-extension', reason: '复杂' }, ctx())).code).toBe('EXTENSION_DAYS_REQUIRED');
      expect(domainError(() => planAction(caseIn('in_handling'), { action: 'request-extension', days: 5 }, ctx())).code).toBe('REASON_REQUIRED');
    });

    it('refuses a second request while one is pending, and any once the extension is used (409)', () => {
      const pending = domainError(() => planAction(caseIn('in_handling', PENDING_REQUEST), VALID['request-extension'].input, ctx()));
      expect([pending.code, pending.status]).toEqual(['EXTENSION_ALREADY_REQUESTED', 409]);
      const used = domainError(() => planAction(caseIn('in_handling', { extensionUsed: true }), VALID['request-extension'].input, ctx()));
      expect([used.code, used.status]).toEqual(['DEADLINE_EXTENSION_USED', 409]);
    });
  });

  describe('the secretariat decides the request', () => {
    it('extend approves it: the requested days unless others are given, the request cleared', () => {
      const plan = planAction(caseIn('in_handling', PENDING_REQUEST), { action: 'extend', reason: '同意延期', approver: '李主任' }, ctx());
      // 2026-08-10 + 15 = 2026-08-25 (Tue)
      const newDue = new Date(endOfShanghaiDay('2026-08-25'));
      expect(plan.changes).toEqual({ replyDueAt: newDue, dueAt: newDue, extensionUsed: true, ...NO_REQUEST });
      expect(plan.data).toMatchObject({ days: 15, approvesRequest: true, requestedDays: 15, handledBy: 'GOV' });
      const shorter = planAction(caseIn('in_handling', PENDING_REQUEST), { action: 'extend', days: 5, reason: '同意延期 5 日', approver: '李主任' }, ctx());
      expect(shorter.data.days).toBe(5);
    });

    it('refuse-extension clears it and keeps the deadline', () => {
      const plan = planAction(caseIn('in_handling', PENDING_REQUEST), VALID['refuse-extension'].input, ctx());
      expect(plan.changes).toEqual(NO_REQUEST);
      expect(plan.reason).toBe('期限内可以办结');
      expect(plan.data).toMatchObject({ requestedDays: 15, replyDueAt: REPLY_DUE.toISOString() });
    });

    it('refuse-extension without a pending request is NO_EXTENSION_REQUEST (409)', () => {
      const err = domainError(() => planAction(caseIn('in_handling'), VALID['refuse-extension'].input, ctx()));
      expect([err.code, err.status]).toEqual(['NO_EXTENSION_REQUEST', 409]);
    });
  });

  describe('reply by the unit', () => {
    it('needs an attachment for a supervised item (422), carries the attachment ids', () => {
      const supervised = caseIn('in_handling', { reportRequired: true });
      const input: ActionInput = { action: 'reply', reason: '已答复', report: '书面报告见附件' };
      const err = domainError(() => planAction(supervised, input, ctx({ actorRole: 'unit' })));
      expect([err.code, err.status]).toEqual(['WRITTEN_REPORT_ATTACHMENT_REQUIRED', 422]);
      const plan = planAction(supervised, { ...input, attachmentIds: ['a1', 'a1', 'a2'] }, ctx({ actorRole: 'unit' }));
      expect(plan.data.attachmentIds).toEqual(['a1', 'a2']);
      // The secretariat records an answer received on paper without a file.
      expect(planAction(supervised, input, ctx({ actorRole: 'secretariat' })).data.attachmentIds).toEqual([]);
    });

    it('clears a pending extension request', () => {
      const plan = planAction(caseIn('in_handling', PENDING_REQUEST), VALID.reply.input, ctx({ actorRole: 'unit' }));
      expect(plan.changes).toMatchObject(NO_REQUEST);
    });
  });
});
