import { beforeAll, describe, expect, it } from '@jest/globals';
import { CASE_ACTIONS, type CaseAction } from '../src/cases/lifecycle.js';
import { bearer } from './support/factories.js';
import { caseAction, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

interface CaseResponse {
  id: string;
  status: string;
  allowedActions: CaseAction[];
  canConvert: boolean;
}

/** How to bring a new case into each state, as a secretary would (each step through the API). */
const STEPS = {
  accept: { action: 'accept' },
  reject: { action: 'reject', reason: '不属于人大信访受理范围' },
  transfer: { action: 'transfer', handledBy: 'GOV' },
  start: { action: 'start' },
  extend: { action: 'extend', days: 10, reason: '涉及资金审批', approver: '李明华' },
  reply: { action: 'reply', reason: '已答复信访人', report: '住建局书面报告' },
  feedback: { action: 'feedback', feedback: 'dissatisfied' },
  close: { action: 'close' },
  withdraw: { action: 'withdraw', reason: '信访人撤回' },
} as const;

const STATES: { name: string; steps: (keyof typeof STEPS)[] }[] = [
  { name: 'registered', steps: [] },
  { name: 'accepted', steps: ['accept'] },
  { name: 'rejected', steps: ['reject'] },
  { name: 'routed', steps: ['accept', 'transfer'] },
  { name: 'in_handling', steps: ['accept', 'transfer', 'start'] },
  { name: 'in_handling, extension used', steps: ['accept', 'transfer', 'start', 'extend'] },
  { name: 'replied', steps: ['accept', 'transfer', 'start', 'reply'] },
  { name: 'replied, feedback recorded', steps: ['accept', 'transfer', 'start', 'reply', 'feedback'] },
  { name: 'closed', steps: ['accept', 'transfer', 'start', 'reply', 'close'] },
  { name: 'withdrawn', steps: ['withdraw'] },
];

describe('allowed actions of a case: advertised = accepted by the API', () => {
  const t = useTestApp();
  let secretary: string;
  let leaderIds: string[];
  let nextLeader = 0;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    leaderIds = [...t.leaders.values()];
  });

  /** A valid request for every action, so that only the case's state (or the role) can refuse it. */
  const validBody = (action: CaseAction): Record<string, unknown> => {
    const leaderId = leaderIds[nextLeader++ % leaderIds.length];
    const bodies: Record<CaseAction, Record<string, unknown>> = {
      accept: STEPS.accept,
      reject: STEPS.reject,
      route: { action: 'route' },
      transfer: STEPS.transfer,
      start: STEPS.start,
      reply: STEPS.reply,
      feedback: { action: 'feedback', feedback: 'satisfied' },
      extend: STEPS.extend,
      resupervise: { action: 'resupervise', reason: '信访人对答复不满意' },
      close: STEPS.close,
      withdraw: STEPS.withdraw,
      'assign-leader': { action: 'assign-leader', leaderId },
      urge: { action: 'urge', note: '请于本周内报送办理情况' },
      'leader-reception': { action: 'leader-reception', leaderId, note: '主任接待来访群众' },
      'leader-instruction': { action: 'leader-instruction', leaderId, note: '请城建环保委跟踪督办' },
      sign: { action: 'sign' },
      ask: { action: 'ask', reason: '请明确信访诉求' },
      'answer-question': { action: 'answer-question', reason: '诉求见来信第二段' },
      'request-extension': { action: 'request-extension', days: 10, reason: '需现场核查' },
      'refuse-extension': { action: 'refuse-extension', reason: '期限内可以办结' },
    };
    return bodies[action];
  };

  async function caseIn(steps: (keyof typeof STEPS)[]): Promise<string> {
    const { id } = await registerCase<{ id: string }>(t, secretary);
    for (const step of steps) await caseAction(t, secretary, id, { ...STEPS[step] });
    return id;
  }

  const view = async (id: string, token = secretary): Promise<CaseResponse> => (await t.http.get(`/cases/${id}`).set(bearer(token)).expect(200)).body as CaseResponse;

  it.each(STATES)('$name: every advertised action is accepted, every other one refused with a 409', async ({ steps }) => {
    const probe = await caseIn(steps);
    const { allowedActions, canConvert } = await view(probe);
    expect(canConvert).toBe(true);
    const refused: Record<string, unknown>[] = [];
    for (const action of CASE_ACTIONS.filter((a) => !allowedActions.includes(a))) {
      const res = await t.http.post(`/cases/${probe}/actions`).set(bearer(secretary)).send(validBody(action));
      refused.push({ action, status: res.status, code: (res.body as { code: string }).code });
    }
    // The unit's own requests are not the secretariat's (403); everything else the case's state refuses (409).
    const unitOnly = ['ask', 'request-extension'];
    expect(refused.filter((r) => unitOnly.includes(r.action as string))).toEqual(unitOnly.map((action) => ({ action, status: 403, code: 'CASE_ACTION_NOT_ALLOWED' })));
    const byState = refused.filter((r) => !unitOnly.includes(r.action as string));
    expect(byState.every((r) => r.status === 409)).toBe(true);
    expect(byState.map((r) => r.code).filter((code) => !['CASE_INVALID_TRANSITION', 'DEADLINE_EXTENSION_USED', 'FEEDBACK_ALREADY_RECORDED', 'NO_EXTENSION_REQUEST', 'NO_OPEN_QUESTION'].includes(code as string))).toEqual([]);
    const accepted: Record<string, unknown>[] = [];
    for (const action of allowedActions) {
      const fresh = await caseIn(steps);
      const res = await t.http.post(`/cases/${fresh}/actions`).set(bearer(secretary)).send(validBody(action));
      accepted.push({ action, status: res.status, error: res.status === 200 ? null : (res.body as { code: string }).code });
    }
    expect(accepted).toEqual(allowedActions.map((action) => ({ action, status: 200, error: null })));
  });

  it('advertises nothing to auditors and leaders, who may not act (403) or convert', async () => {
    const id = await caseIn(['accept']);
    await caseAction(t, secretary, id, { action: 'assign-leader', leaderId: t.leaders.get('director') });
    expect((await view(id)).allowedActions).toContain('transfer');
    for (const user of ['auditor', 'director'] as const) {
      const token = await t.token(user);
      expect(await view(id, token)).toMatchObject({ allowedActions: [], canConvert: false });
      await t.http.post(`/cases/${id}/actions`).set(bearer(token)).send(STEPS.transfer).expect(403);
      await t.http.post(`/cases/${id}/conversions`).set(bearer(token)).send({ kind: 'supervision-topic', title: '物业管理专题' }).expect(403);
    }
  });

  it('lists the allowed actions on every page of the ledger and in the action response', async () => {
    const id = await caseIn([]);
    const accepted = await caseAction(t, secretary, id, { action: 'accept' });
    expect((accepted.body as CaseResponse).allowedActions).toEqual(['route', 'transfer', 'extend', 'withdraw', 'assign-leader', 'leader-reception', 'leader-instruction']);
    const page = await t.http.get('/cases').query({ status: 'accepted', pageSize: 200 }).set(bearer(secretary)).expect(200);
    const item = (page.body as { items: CaseResponse[] }).items.find((c) => c.id === id);
    expect(item?.allowedActions).toEqual((accepted.body as CaseResponse).allowedActions);
  });
});

describe('why a case was graded, in words', () => {
  const t = useTestApp();

  interface ExplainedCase {
    id: string;
    evaluation: { ruleSetVersion: number; explanation: { ruleSetVersion: number; summary: string; rules: { rule: string; text: string; conditions: { text: string; result: boolean }[] }[] } };
  }

  it('gives the rule-set version, the rules that fired and each condition with its result', async () => {
    const secretary = await t.token('secretary');
    const created = await registerCase<ExplainedCase>(t, secretary, { headcount: 6 });
    const { explanation } = (await t.http.get(`/cases/${created.id}`).set(bearer(secretary)).expect(200)).body.evaluation as ExplainedCase['evaluation'];
    expect(explanation.ruleSetVersion).toBe(created.evaluation.ruleSetVersion);
    expect(explanation.summary).toMatch(/^按第 \d+ 版规则：定级为提级办理/);
    const group = explanation.rules.find((r) => r.rule === 'escalate-group-petition');
    expect(group?.text).toBe('规则“escalate-group-petition”（集体访（5 人及以上）提级办理）成立：定级为提级办理。');
    expect(group?.conditions).toEqual([expect.objectContaining({ text: '信访人数 6 ≥ 5：成立', result: true })]);
  });

  it('still explains a case stored before rules recorded their description', async () => {
    const secretary = await t.token('secretary');
    const created = await registerCase<ExplainedCase & { evaluation: { firedRules: Record<string, unknown>[] } }>(t, secretary, { headcount: 6 });
    const old = { ...created.evaluation, explanation: undefined, firedRules: created.evaluation.firedRules.map(({ description: _d, conditions: _c, ...rest }) => rest) };
    await t.dataSource.query('UPDATE cases SET evaluation = ? WHERE id = ?', [JSON.stringify(old), created.id]);
    const res = await t.http.get(`/cases/${created.id}`).set(bearer(secretary)).expect(200);
    const rules = (res.body as ExplainedCase).evaluation.explanation.rules;
    expect(rules.find((r) => r.rule === 'escalate-group-petition')).toMatchObject({ text: '规则“escalate-group-petition”成立：定级为提级办理。', conditions: [] });
  });
});
