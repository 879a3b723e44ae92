import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/factories.js';
import { caseAction, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

describe('case lifecycle over HTTP', () => {
  const t = useTestApp();
  let secretary: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
  });

  const register = (overrides = {}): Promise<{ id: string; code: string; grade: string }> => registerCase(t, secretary, overrides);
  const act = (id: string, body: Record<string, unknown>, expected = 200) => caseAction(t, secretary, id, body, expected);

  it('runs a supervised item through every step, leaving one timeline event per change', async () => {
    const c = await register({ headcount: 6, subject: '老旧小区改造进度缓慢', unitsInvolved: ['GOV'] });
    expect(c.grade).toBe('escalated');
    const stored = await t.http.get(`/cases/${c.id}`).set(bearer(secretary)).expect(200);
    expect([stored.body.code, stored.body.version]).toEqual([c.code, 1]);

    const accepted = await act(c.id, { action: 'accept' });
    expect(accepted.body.status).toBe('accepted');
    // Handle within 60 days of acceptance (2026-11-26 local): day 60 is 2027-01-25, a Monday.
    expect(accepted.body.deadlines.replyDueAt).toBe('2027-01-25T15:59:59.999Z');

    const transferred = await act(c.id, { action: 'transfer', handledBy: 'HOUSING' });
    expect(transferred.body.status).toBe('routed');
    expect(transferred.body.route).toEqual({ committee: 'UCEC', handledBy: 'HOUSING', mode: 'supervised' });
    // Supervised item: reply due 2 months after transfer (2027-01-26 local), with a written report.
    expect(transferred.body.deadlines.replyDueAt).toBe('2027-01-26T15:59:59.999Z');
    expect(transferred.body.deadlines.reportRequired).toBe(true);

    await act(c.id, { action: 'assign-leader', leaderId: t.leaders.get('deputy-1') });
    await act(c.id, { action: 'urge', note: '请加快施工计划制定' });
    await act(c.id, { action: 'start' });
    const extended = await act(c.id, { action: 'extend', days: 30, reason: '涉及资金审批', approver: '李明华' });
    expect(extended.body.deadlines.extensionUsed).toBe(true);
    expect(extended.body.deadlines.replyDueAt).toBe('2027-02-25T15:59:59.999Z');
    const second = await act(c.id, { action: 'extend', days: 5, reason: '再延', approver: '李明华' }, 409);
    expect(second.body.code).toBe('DEADLINE_EXTENSION_USED');

    const noReport = await act(c.id, { action: 'reply', reason: '已制定施工计划' }, 400);
    expect(noReport.body.code).toBe('WRITTEN_REPORT_REQUIRED');
    const replied = await act(c.id, { action: 'reply', reason: '已制定施工计划', report: '住建局〔2026〕12 号书面报告' });
    expect(replied.body.status).toBe('replied');
    expect(replied.body.deadlines.dueAt).toBeNull();

    await act(c.id, { action: 'feedback', feedback: 'dissatisfied' });
    const resupervised = await act(c.id, { action: 'resupervise', reason: '信访人对答复不满意，要求明确开工时间' });
    expect(resupervised.body.status).toBe('in_handling');
    expect(resupervised.body.resupervisionCount).toBe(1);
    expect(resupervised.body.feedback).toBeNull();
    await act(c.id, { action: 'reply', reason: '明确 2027 年 3 月开工', report: '补充报告' });
    await act(c.id, { action: 'feedback', feedback: 'satisfied' });
    const closed = await act(c.id, { action: 'close' });
    expect(closed.body.status).toBe('closed');

    const actions = closed.body.timeline.map((e: { action: string }) => e.action);
    expect(actions).toEqual([
      'register',
      'accept',
      'transfer',
      'assign-leader',
      'urge',
      'start',
      'extend',
      'reply',
      'feedback',
      'resupervise',
      'reply',
      'feedback',
      'close',
    ]);
    const statuses = closed.body.timeline.map((e: { fromStatus: string | null; toStatus: string }) => `${e.fromStatus}>${e.toStatus}`);
    expect(statuses[0]).toBe('null>registered');
    expect(statuses.at(-1)).toBe('replied>closed');
    expect(closed.body.timeline.every((e: { actor: { name: string } }) => e.actor.name === '张秘书')).toBe(true);
  });

  it('routes an internal case to its committee and rejects, withdraws with reasons', async () => {
    const legislative = await register({ category: 'legislation', subject: '建议修订物业管理条例' });
    await act(legislative.id, { action: 'accept' });
    const routed = await act(legislative.id, { action: 'route' });
    expect(routed.body.route).toEqual({ committee: 'LAC', handledBy: 'LAC', mode: 'internal' });
    const toExternal = await register();
    await act(toExternal.id, { action: 'accept' });
    const wrong = await act(toExternal.id, { action: 'route', handledBy: 'GOV' }, 400);
    expect(wrong.body.code).toBe('ROUTE_TO_EXTERNAL_UNIT');

    const rejected = await register();
    const noReason = await act(rejected.id, { action: 'reject' }, 400);
    expect(noReason.body.code).toBe('REASON_REQUIRED');
    const done = await act(rejected.id, { action: 'reject', reason: '不属于人大信访受理范围' });
    expect(done.body.status).toBe('rejected');
    expect(done.body.timeline.at(-1).reason).toBe('不属于人大信访受理范围');

    const withdrawn = await register();
    await act(withdrawn.id, { action: 'accept' });
    expect((await act(withdrawn.id, { action: 'withdraw', reason: '信访人书面撤回' })).body.status).toBe('withdrawn');
  });

  it.each([
    ['registered', [], 'close'],
    ['registered', [], 'reply'],
    ['registered', [], 'start'],
    ['accepted', [{ action: 'accept' }], 'accept'],
    ['accepted', [{ action: 'accept' }], 'feedback'],
    ['closed', [{ action: 'accept' }, { action: 'transfer' }, { action: 'start' }, { action: 'reply', reason: '已答复' }, { action: 'close' }], 'withdraw'],
  ])('refuses an action not allowed when %s (%#) with 409 CASE_INVALID_TRANSITION and writes nothing', async (_status, steps, action) => {
    const c = await register();
    for (const step of steps) await act(c.id, step);
    const before = await t.http.get(`/cases/${c.id}`).set(bearer(secretary)).expect(200);
    const res = await act(c.id, { action, reason: 'x', feedback: 'satisfied' }, 409);
    expect(res.body.code).toBe('CASE_INVALID_TRANSITION');
    expect(res.body.message).toMatch(/不能执行/);
    const after = await t.http.get(`/cases/${c.id}`).set(bearer(secretary)).expect(200);
    expect(after.body.timeline).toHaveLength(before.body.timeline.length);
    expect(after.body.version).toBe(before.body.version);
  });

  it('answers an unknown action, an unknown case and a malformed id clearly', async () => {
    const c = await register();
    expect((await act(c.id, { action: 'approve' }, 400)).body.code).toBe('VALIDATION_FAILED');
    expect((await act('6f1c2a58-1b1d-4c41-9a55-0d6f4f2b9a10', { action: 'accept' }, 404)).body.code).toBe('CASE_NOT_FOUND');
    expect((await act('not-a-uuid', { action: 'accept' }, 400)).body.code).toBe('INVALID_ID');
    const unknownLeader = await act(c.id, { action: 'assign-leader', leaderId: '6f1c2a58-1b1d-4c41-9a55-0d6f4f2b9a10' }, 404);
    expect(unknownLeader.body.code).toBe('LEADER_NOT_FOUND');
  });
});
