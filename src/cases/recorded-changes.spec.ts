import { loadPolicy } from '../../config/policy.js';
import { DomainError } from '../common/errors.js';
import { WorkingCalendar } from '../common/time/working-calendar.js';
import { CASE_STATUSES, type CaseStatus } from '../domain/case-vocabulary.js';
import type { Evaluation } from '../rules/evaluation.types.js';
import { DeadlineCalculator } from './deadlines.js';
import { transitionOf } from './lifecycle.js';
import { planConversion, planMeetingOutcome, planRegrade } from './recorded-changes.js';

const deadlines = new DeadlineCalculator(loadPolicy(), new WorkingCalendar());
const DUE = new Date('2026-12-31T09:30:00.000Z');
const RUNNING = new Date('2027-01-25T15:59:59.999Z');

function thrown(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('did not throw');
}

/** The changes recorded by other paths than a case action, under the same state machine. */
describe('recorded changes', () => {
  describe('a meeting outcome', () => {
    const outcome = { meetingId: 'm1', meetingTitle: '督办会', decision: '限期整改', requirements: null, dueAt: DUE };

    it.each<CaseStatus>(['accepted', 'routed', 'in_handling'])('sets the reply deadline of a case %s, saying which one it replaces', (status) => {
      expect(planMeetingOutcome({ status, dueAt: RUNNING }, outcome)).toEqual({
        action: 'meeting-outcome',
        fields: { replyDueAt: DUE, dueAt: DUE },
        reason: '限期整改',
        data: { meetingId: 'm1', meetingTitle: '督办会', requirements: null, dueAt: DUE.toISOString(), previousDueAt: RUNNING.toISOString() },
      });
    });

    it('refuses a deadline for a registered case with 409 CASE_NOT_ACCEPTED, saying it must be accepted (受理) first', () => {
      const error = thrown(() => planMeetingOutcome({ status: 'registered', dueAt: RUNNING }, outcome));
      expect([error.status, error.code]).toEqual([409, 'CASE_NOT_ACCEPTED']);
      expect(error.messages.zh).toMatch(/尚未受理.*请先受理该事项/);
    });

    it.each<CaseStatus>(['rejected', 'replied', 'closed', 'withdrawn'])('refuses a deadline for a case %s (no reply deadline runs) with 409', (status) => {
      const error = thrown(() => planMeetingOutcome({ status, dueAt: null }, outcome));
      expect([error.status, error.code, error.details]).toEqual([409, 'NO_RUNNING_DEADLINE', { status }]);
      expect(error.messages.zh).toMatch(/没有正在计算的答复期限/);
      expect(error.messages.zh).not.toMatch(/请先受理/);
    });

    it('records a decision without a deadline in any status, changing no field', () => {
      for (const status of CASE_STATUSES) {
        expect(planMeetingOutcome({ status, dueAt: null }, { ...outcome, dueAt: null })).toMatchObject({ fields: {}, data: { dueAt: null } });
        expect(transitionOf('meeting-outcome', status)).toBe(status);
      }
    });
  });

  it('a conversion changes no field, in any status', () => {
    expect(planConversion({ conversionId: 'v1', kind: 'supervision-topic', title: '专题监督', relatedCaseIds: ['c2'] })).toEqual({
      action: 'convert',
      fields: {},
      reason: '专题监督',
      data: { conversionId: 'v1', kind: 'supervision-topic', relatedCaseIds: ['c2'] },
    });
    for (const status of CASE_STATUSES) expect(transitionOf('convert', status)).toBe(status);
  });

  describe('a re-grade', () => {
    const state = {
      status: 'registered' as CaseStatus,
      grade: 'normal' as const,
      routeCommittee: 'UCEC',
      routeHandledBy: 'GOV',
      routeMode: 'transfer' as const,
      meetingType: null,
      registeredAt: new Date('2026-11-26T02:00:00.000Z'),
      ruleSetVersion: 1,
    };
    const evaluation = {
      grade: 'escalated',
      route: { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' },
      meetingType: 'supervision',
      flags: [],
      ruleSetVersion: 2,
      deadlines: { acceptDays: 10 },
    } as unknown as Evaluation;

    it('takes the new grade and, for a registered case, the new set’s acceptance deadline', () => {
      const plan = planRegrade(state, evaluation, deadlines);
      expect(plan.changed).toBe(true);
      expect(plan.fields).toMatchObject({ grade: 'escalated', meetingType: 'supervision', ruleSetVersion: 2, acceptDueAt: deadlines.acceptDue(state.registeredAt, 10) });
      expect(plan.data).toEqual({
        fromVersion: 1,
        toVersion: 2,
        before: { grade: 'normal', route: { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' }, meetingType: null },
        after: { grade: 'escalated', route: { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' }, meetingType: 'supervision' },
      });
      expect(planRegrade({ ...state, status: 'accepted' }, evaluation, deadlines).fields.acceptDueAt).toBeUndefined();
    });

    it('is allowed only before routing', () => {
      expect(transitionOf('regrade', 'accepted')).toBe('accepted');
      for (const status of ['routed', 'in_handling', 'replied', 'closed'] as CaseStatus[]) {
        expect(thrown(() => transitionOf('regrade', status)).code).toBe('CASE_INVALID_TRANSITION');
      }
    });
  });
});
