import { loadPolicy } from '../../config/policy.js';
import { DomainError } from '../common/errors.js';
import { WorkingCalendar } from '../common/time/working-calendar.js';
import { CASE_STATUSES, type CaseStatus } from '../domain/case-vocabulary.js';
import { ROLES, type Role } from '../domain/actor.js';
import { actionRoleRefusal, allowedActionsFor, canConvert, UNIT_ACTIONS } from './case-permissions.js';
import { DeadlineCalculator } from './deadlines.js';
import { CASE_ACTIONS, planAction, type ActionContext, type ActionInput, type CaseAction, type CaseState } from './lifecycle.js';

const policy = loadPolicy();
const deadlines = new DeadlineCalculator(policy, new WorkingCalendar(policy.calendarOverrides));
const NOW = new Date('2026-06-10T10:00:00+08:00');
const REPLY_DUE = new Date('2026-08-10T23:59:59.999+08:00');
const GOV = { code: 'GOV', kind: 'external', active: true } as const;
const LAC = { code: 'LAC', kind: 'committee', active: true } as const;

type Facts = CaseState & { routedAt: Date | null };

function caseIn(status: CaseStatus, overrides: Partial<Facts> = {}): Facts {
  const accepted = status !== 'registered';
  return {
    status,
    grade: 'normal',
    routeCommittee: 'UCEC',
    routeHandledBy: 'GOV',
    routeMode: 'transfer',
    acceptDueAt: new Date('2026-06-01T23:59:59.999+08:00'),
    replyDueAt: accepted ? REPLY_DUE : null,
    dueAt: accepted ? REPLY_DUE : null,
    extensionUsed: false,
    reportRequired: false,
    feedback: null,
    repliedAt: status === 'replied' ? NOW : null,
    resupervisionCount: 0,
    leadLeaderId: null,
    signDueAt: null,
    signedAt: null,
    extensionRequestedAt: null,
    extensionRequestedDays: null,
    extensionRequestReason: null,
    routedAt: ['routed', 'in_handling', 'replied', 'closed'].includes(status) ? NOW : null,
    openQuestionAt: null,
    ...overrides,
  };
}

/** A valid input for every action (and the unit the caller would look up), so only the case's state can refuse it. */
const VALID: Record<CaseAction, { input: ActionInput; unit?: ActionContext['unit'] }> = {
  accept: { input: { action: 'accept' } },
  reject: { input: { action: 'reject', reason: '不属于人大信访受理范围' } },
  route: { input: { action: 'route', committee: 'LAC' }, unit: LAC },
  transfer: { input: { action: 'transfer' }, unit: GOV },
  start: { input: { action: 'start' } },
  reply: { input: { action: 'reply', reason: '已答复信访人', report: '书面报告' } },
  feedback: { input: { action: 'feedback', feedback: 'satisfied' } },
  extend: { input: { action: 'extend', days: 10, reason: '案情复杂', approver: '李主任' } },
  resupervise: { input: { action: 'resupervise', reason: '信访人不满意' } },
  close: { input: { action: 'close' } },
  withdraw: { input: { action: 'withdraw', reason: '信访人撤回' } },
  'assign-leader': { input: { action: 'assign-leader', leaderId: 'leader-1' } },
  urge: { input: { action: 'urge', note: '请于本周内报送办理情况' } },
  'leader-reception': { input: { action: 'leader-reception', leaderId: 'leader-1' } },
  'leader-instruction': { input: { action: 'leader-instruction', leaderId: 'leader-1' } },
  sign: { input: { action: 'sign' } },
  ask: { input: { action: 'ask', reason: '请明确信访诉求' } },
  'answer-question': { input: { action: 'answer-question', reason: '诉求见来信第二段' } },
  'request-extension': { input: { action: 'request-extension', days: 10, reason: '需现场核查' } },
  'refuse-extension': { input: { action: 'refuse-extension', reason: '期限内可以办结' } },
};

const PENDING = { extensionRequestedAt: NOW, extensionRequestedDays: 10, extensionRequestReason: '需现场核查' };

/** Every status, and the states within a status that refuse or allow more (extension used or requested, feedback recorded, no reply deadline, a question open). */
const STATES: { name: string; state: Facts }[] = [
  ...CASE_STATUSES.map((status) => ({ name: status, state: caseIn(status) })),
  { name: 'accepted, extension used', state: caseIn('accepted', { extensionUsed: true }) },
  { name: 'in_handling, extension used', state: caseIn('in_handling', { extensionUsed: true }) },
  { name: 'routed, no reply deadline', state: caseIn('routed', { replyDueAt: null }) },
  { name: 'replied, feedback recorded', state: caseIn('replied', { feedback: 'dissatisfied' }) },
  { name: 'in_handling, extension requested', state: caseIn('in_handling', PENDING) },
  { name: 'routed, extension requested', state: caseIn('routed', PENDING) },
  { name: 'in_handling, question open', state: caseIn('in_handling', { openQuestionAt: NOW }) },
  { name: 'routed, question open', state: caseIn('routed', { openQuestionAt: NOW }) },
];

function accepts(state: Facts, action: CaseAction): boolean {
  try {
    planAction(state, VALID[action].input, { now: NOW, deadlines, unit: VALID[action].unit ?? null });
    return true;
  } catch (error) {
    if (error instanceof DomainError && error.status === 409) return false;
    throw error;
  }
}

describe('allowedActionsFor', () => {
  const secretary = { role: 'secretariat' as Role, unitCode: null };
  const OFFICE_ONLY: CaseAction[] = CASE_ACTIONS.filter((a) => a !== 'ask' && a !== 'request-extension');

  it.each(STATES)('lists for a secretary exactly the actions the lifecycle accepts ($name)', ({ state }) => {
    expect(allowedActionsFor(secretary, state)).toEqual(OFFICE_ONLY.filter((action) => accepts(state, action)));
  });

  it('offers extend once, and feedback once per reply', () => {
    expect(allowedActionsFor(secretary, caseIn('in_handling'))).toContain('extend');
    expect(allowedActionsFor(secretary, caseIn('in_handling', { extensionUsed: true }))).not.toContain('extend');
    expect(allowedActionsFor(secretary, caseIn('replied'))).toEqual(['feedback', 'resupervise', 'close', 'assign-leader', 'leader-reception', 'leader-instruction']);
    expect(allowedActionsFor(secretary, caseIn('in_handling'))).not.toContain('refuse-extension');
    expect(allowedActionsFor(secretary, caseIn('in_handling', PENDING))).toEqual(expect.arrayContaining(['extend', 'refuse-extension']));
    expect(allowedActionsFor(secretary, caseIn('in_handling'))).not.toContain('answer-question');
    expect(allowedActionsFor(secretary, caseIn('in_handling', { openQuestionAt: NOW }))).toContain('answer-question');
    expect(allowedActionsFor(secretary, caseIn('replied', { feedback: 'satisfied' }))).not.toContain('feedback');
  });

  it('gives admins the same actions as the secretariat, and leaders and auditors none', () => {
    const state = caseIn('in_handling');
    expect(allowedActionsFor({ role: 'admin', unitCode: null }, state)).toEqual(allowedActionsFor(secretary, state));
    expect(allowedActionsFor({ role: 'leader', unitCode: null }, state)).toEqual([]);
    expect(allowedActionsFor({ role: 'auditor', unitCode: null }, state)).toEqual([]);
  });

  describe('a handling unit', () => {
    const gov = { role: 'unit' as Role, unitCode: 'GOV' };
    const lac = { role: 'unit' as Role, unitCode: 'LAC' };

    it.each(STATES)('gets only its own steps the lifecycle accepts, on its own case ($name)', ({ state }) => {
      expect(allowedActionsFor(gov, state)).toEqual(UNIT_ACTIONS.filter((action) => accepts(state, action)).sort((a, b) => CASE_ACTIONS.indexOf(a) - CASE_ACTIONS.indexOf(b)));
    });

    it('signs, asks and requests on a routed case; answers once in handling; one request at a time', () => {
      expect(allowedActionsFor(gov, caseIn('routed'))).toEqual(['sign', 'ask', 'request-extension']);
      expect(allowedActionsFor(gov, caseIn('in_handling'))).toEqual(['reply', 'ask', 'request-extension']);
      expect(allowedActionsFor(gov, caseIn('in_handling', PENDING))).toEqual(['reply', 'ask']);
      expect(allowedActionsFor(gov, caseIn('in_handling', { extensionUsed: true }))).toEqual(['reply', 'ask']);
    });

    it("gets nothing on another unit's case, nor on a case proposed for it but not yet routed", () => {
      expect(allowedActionsFor(lac, caseIn('in_handling'))).toEqual([]);
      expect(allowedActionsFor(gov, caseIn('accepted'))).toEqual([]);
      expect(allowedActionsFor({ role: 'unit', unitCode: null }, caseIn('in_handling'))).toEqual([]);
    });

    it('is refused other actions with 403 CASE_ACTION_NOT_ALLOWED, and any on a case not its own with 404', () => {
      for (const action of CASE_ACTIONS.filter((a) => !UNIT_ACTIONS.includes(a))) {
        const err = actionRoleRefusal(gov, action, caseIn('in_handling'));
        expect([err?.code, err?.status]).toEqual(['CASE_ACTION_NOT_ALLOWED', 403]);
      }
      for (const action of UNIT_ACTIONS) {
        expect(actionRoleRefusal(gov, action, caseIn('in_handling'))).toBeNull();
        const err = actionRoleRefusal(lac, action, caseIn('in_handling'));
        expect([err?.code, err?.status]).toEqual(['CASE_NOT_FOUND', 404]);
      }
    });

    it('the office may not ask or request an extension (the unit does)', () => {
      expect(actionRoleRefusal(secretary, 'ask', caseIn('in_handling'))?.code).toBe('CASE_ACTION_NOT_ALLOWED');
      expect(actionRoleRefusal(secretary, 'request-extension', caseIn('in_handling'))?.code).toBe('CASE_ACTION_NOT_ALLOWED');
      expect(actionRoleRefusal(secretary, 'sign', caseIn('routed'))).toBeNull();
    });
  });

  it('lets only admins and the secretariat convert', () => {
    expect(ROLES.filter((role) => canConvert({ role }))).toEqual(['admin', 'secretariat']);
  });
});
