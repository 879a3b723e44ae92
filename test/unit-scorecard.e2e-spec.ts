import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/factories.js';
import { caseAction, expectError, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

type Card = { unitCode: string; figures: Record<string, unknown>; rates: Record<string, number | null>; evaluation: Record<string, unknown> | null };

/**
 * 单位考评 through the API: the units' loop played on a fake clock (signs on time and late, one never
 * signed, an extension approved and one refused, a reply late, an urge by the secretariat and by the
 * daily sweep, a re-supervision, feedback), then every figure of the scorecard, by window and by role.
 */
describe('unit scorecard (单位考评) and evaluation records', () => {
  const t = useTestApp();
  let secretary: string;
  let gov: string;
  let lac: string;
  const ids: Record<string, string> = {};
  const unitIds: Record<string, string> = {};
  const WINDOW = 'from=2026-11-01&to=2027-03-31';

  const act = (token: string, id: string, body: Record<string, unknown>) => caseAction(t, token, id, body);
  const transferred = async (overrides = {}): Promise<string> => {
    const c = await registerCase<{ id: string }>(t, secretary, overrides);
    await act(secretary, c.id, { action: 'accept' });
    await act(secretary, c.id, { action: 'transfer' }); // urban construction, normal grade: the city government (GOV)
    return c.id;
  };
  const card = async (token: string, query = WINDOW): Promise<Card[]> => (await t.http.get(`/reports/units?${query}`).set(bearer(token)).expect(200)).body.units;
  const sweep = async (): Promise<void> => {
    await t.http.post('/jobs/deadline-sweep').set(bearer(secretary)).expect(202);
    await t.relay.drain();
  };

  beforeAll(async () => {
    secretary = await t.token('secretary');
    gov = await t.token('unit-gov');
    lac = await t.token('unit-lac');
    await t.relay.drain(); // the start-up sweep
    const units: { id: string; code: string }[] = (await t.http.get('/units').set(bearer(secretary)).expect(200)).body;
    for (const u of units) unitIds[u.code] = u.id;

    // 2026-11-26 (Thursday): A, B, D transferred to GOV, C routed to LAC; GOV signs A at once and asks to extend it.
    t.clock.set('2026-11-26T02:00:00.000Z');
    ids.A = await transferred();
    ids.B = await transferred();
    ids.D = await transferred();
    const c = await registerCase<{ id: string }>(t, secretary, { category: 'legislation' });
    await act(secretary, c.id, { action: 'accept' });
    await act(secretary, c.id, { action: 'route' });
    ids.C = c.id;
    await act(gov, ids.A, { action: 'sign' });
    await act(gov, ids.A, { action: 'request-extension', days: 10, reason: '需协调住建部门现场核查' });
    await act(secretary, ids.A, { action: 'extend', reason: '同意延期', approver: '李明华' });

    // A week later, past the three working days: GOV signs B late and asks to extend it (refused); LAC signs C late.
    t.clock.set('2026-12-03T02:00:00.000Z');
    await act(gov, ids.B, { action: 'sign' });
    await act(gov, ids.B, { action: 'request-extension', days: 15, reason: '材料较多' });
    await act(secretary, ids.B, { action: 'refuse-extension', reason: '期限充足，不予延期' });
    await act(lac, ids.C, { action: 'sign' });
    await act(secretary, ids.B, { action: 'urge', note: '请加快办理' });
    // GOV answers A on time; the petitioner is dissatisfied; re-supervised; answered again on time, satisfied.
    await act(gov, ids.A, { action: 'reply', reason: '已现场核查并答复' });
    await act(secretary, ids.A, { action: 'feedback', feedback: 'dissatisfied' });
    await act(secretary, ids.A, { action: 'resupervise', reason: '信访人不满意，再督办' });
    await act(gov, ids.A, { action: 'reply', reason: '已重新核查并答复' });
    await act(secretary, ids.A, { action: 'feedback', feedback: 'satisfied' });

    // 2027-02-02, past B's, C's and D's reply deadlines: the daily sweep urges them; GOV answers B late.
    t.clock.set('2027-02-02T02:00:00.000Z');
    await sweep();
    await act(gov, ids.B, { action: 'reply', reason: '已答复' });
    await act(secretary, ids.B, { action: 'feedback', feedback: 'satisfied' });
  });

  it('counts every step of the loop on the unit’s scorecard', async () => {
    const cards = await card(secretary);
    const govCard = cards.find((c) => c.unitCode === 'GOV');
    expect(govCard?.figures).toEqual({
      received: 3,
      signedOnTime: 1,
      signedLate: 1,
      unsignedOverdue: 1,
      repliedOnTime: 2,
      repliedLate: 1,
      openOverdue: 1,
      extensionsRequested: 2,
      extensionsApproved: 1,
      extensionsRefused: 1,
      urgedManually: 1,
      urgedAutomatically: 2,
      urgings: 3,
      casesUrged: 2,
      resupervisions: 1,
      feedback: { dissatisfied: 1, satisfied: 2 },
    });
    expect(govCard?.rates).toEqual({ signOnTime: 0.3333, replyOnTime: 0.6667, satisfaction: 0.6667 });
    const lacCard = cards.find((c) => c.unitCode === 'LAC');
    expect(lacCard?.figures).toMatchObject({ received: 1, signedOnTime: 0, signedLate: 1, urgedAutomatically: 1, openOverdue: 1, repliedOnTime: 0 });
    expect(lacCard?.rates).toEqual({ signOnTime: 0, replyOnTime: null, satisfaction: null });
    // most received first; units without figures listed with zeros
    expect(cards[0].unitCode).toBe('GOV');
    expect(cards.find((c) => c.unitCode === 'COURT')?.figures).toMatchObject({ received: 0, urgings: 0 });
  });

  it('a window counts only the events in it (2026-Q4: before the sweep and the late reply)', async () => {
    const q4 = await t.http.get('/reports/units?period=2026-Q4').set(bearer(secretary)).expect(200);
    expect(q4.body.window).toMatchObject({ fromDay: '2026-10-01', toDay: '2026-12-31' });
    expect(q4.body.period).toBe('2026-Q4');
    const govCard = (q4.body.units as Card[]).find((c) => c.unitCode === 'GOV');
    expect(govCard?.figures).toMatchObject({ received: 3, signedOnTime: 1, signedLate: 1, repliedOnTime: 2, repliedLate: 0, urgedManually: 1, urgedAutomatically: 0, resupervisions: 1 });
    const next = await card(secretary, 'from=2027-01-01&to=2027-12-31');
    expect(next.find((c) => c.unitCode === 'GOV')?.figures).toMatchObject({ received: 0, repliedLate: 1, urgedAutomatically: 2, feedback: { satisfied: 1 } });
    expectError(await t.http.get('/reports/units?period=2026-Q4&from=2026-10-01').set(bearer(secretary)), 400, 'REPORT_WINDOW_INVALID');
    expectError(await t.http.get('/reports/units?period=2026-Q9').set(bearer(secretary)), 400, 'EVALUATION_PERIOD_INVALID');
    expectError(await t.http.get('/reports/units?from=2027-01-01&to=2026-01-01').set(bearer(secretary)), 400, 'REPORT_WINDOW_INVALID');
  });

  it('one unit’s scorecard lists its cases with their dates and outcomes', async () => {
    const res = await t.http.get(`/reports/units/${unitIds.GOV}?${WINDOW}`).set(bearer(secretary)).expect(200);
    expect(res.body.scorecard.figures.received).toBe(3);
    const byId = new Map((res.body.cases as { id: string }[]).map((c) => [c.id, c as Record<string, unknown>]));
    expect([...byId.keys()].sort()).toEqual([ids.A, ids.B, ids.D].sort());
    expect(byId.get(ids.A)).toMatchObject({ signedOnTime: true, repliedOnTime: true, extensionUsed: true, resupervisionCount: 1, feedback: 'satisfied', urgings: 0, overdue: false });
    expect(byId.get(ids.B)).toMatchObject({ signedOnTime: false, repliedOnTime: false, urgings: 2, extensionUsed: false, extensionRequested: false });
    expect(byId.get(ids.D)).toMatchObject({ status: 'routed', signedAt: null, overdue: true, withUnit: true, urgings: 1 });
    expect(typeof byId.get(ids.A)?.subject).toBe('string');
  });

  it('a unit reads its own scorecard only; a leader reads figures without case subjects', async () => {
    const own = await card(gov);
    expect(own.map((c) => c.unitCode)).toEqual(['GOV']);
    const detail = await t.http.get(`/reports/units/${unitIds.GOV}?${WINDOW}`).set(bearer(gov)).expect(200);
    expect(detail.body.cases).toHaveLength(3);
    expectError(await t.http.get(`/reports/units/${unitIds.LAC}?${WINDOW}`).set(bearer(gov)), 404, 'UNIT_NOT_FOUND');
    expectError(await t.http.get(`/reports/units/${unitIds.GOV}?${WINDOW}`).set(bearer(lac)), 404, 'UNIT_NOT_FOUND');
    expectError(await t.http.get(`/reports/units.csv?${WINDOW}`).set(bearer(gov)), 403, 'FORBIDDEN');

    const leader = await t.token('director');
    const leaderDetail = await t.http.get(`/reports/units/${unitIds.GOV}?${WINDOW}`).set(bearer(leader)).expect(200);
    expect(leaderDetail.body.scorecard.figures.received).toBe(3);
    expect((leaderDetail.body.cases as { subject: unknown }[]).map((c) => c.subject)).toEqual([null, null, null]);
    const auditor = await t.token('auditor');
    expect((await card(auditor)).find((c) => c.unitCode === 'GOV')?.figures.received).toBe(3);
    expectError(await t.http.get(`/reports/units/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`).set(bearer(secretary)), 404, 'UNIT_NOT_FOUND');
    expectError(await t.http.get('/reports/units/not-a-uuid').set(bearer(secretary)), 400, 'INVALID_ID');
    expect((await t.http.get('/reports/units')).status).toBe(401);
  });

  it('exports the scorecards as CSV for Excel, audited', async () => {
    const res = await t.http.get(`/reports/units.csv?${WINDOW}`).set(bearer(secretary)).expect(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const lines = res.text.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0].split(',').slice(0, 5)).toEqual(['单位', '交办转送', '按期签收', '逾期签收', '逾期未签收']);
    expect(lines.find((l) => l.startsWith('市人民政府,'))?.split(',')).toEqual(['市人民政府', '3', '1', '1', '1', '2', '1', '1', '2', '1', '1', '1', '2', '1', '2', '1', '33.3%', '66.7%', '66.7%', '']);
    const audit: { action: string }[] = await t.dataSource.query("SELECT action FROM audit_log WHERE action = 'report.export' AND entityId = 'units'");
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  describe('evaluation records (考评结果)', () => {
    const put = (token: string, unit: string, period: string, body: Record<string, unknown>) => t.http.put(`/units/${unit}/evaluations/${period}`).set(bearer(token)).send(body);

    it('records, reads and replaces one per unit and period, audited', async () => {
      const first = await put(secretary, unitIds.GOV, '2026-q4', { grade: 'good', score: 85, evaluatedBy: '市信访局', remark: '签收及时' }).expect(200);
      expect(first.body).toMatchObject({ replaced: false, evaluation: { unitId: unitIds.GOV, period: '2026-Q4', fromDay: '2026-10-01', toDay: '2026-12-31', grade: 'good', score: 85, evaluatedBy: '市信访局', remark: '签收及时', recordedByName: '张秘书' } });
      const read = await t.http.get(`/units/${unitIds.GOV}/evaluations/2026-Q4`).set(bearer(gov)).expect(200);
      expect(read.body).toEqual(first.body.evaluation);

      const again = await put(secretary, unitIds.GOV, '2026-Q4', { grade: 'excellent', score: 93, evaluatedBy: '市信访局' }).expect(200);
      expect(again.body).toMatchObject({ replaced: true, evaluation: { grade: 'excellent', score: 93, remark: null } });
      await put(secretary, unitIds.GOV, '2026', { grade: 'pass', evaluatedBy: '市信访局' }).expect(200);
      const list = await t.http.get(`/units/${unitIds.GOV}/evaluations`).set(bearer(secretary)).expect(200);
      expect(list.body.map((e: { period: string; grade: string }) => [e.period, e.grade])).toEqual([
        ['2026-Q4', 'excellent'],
        ['2026', 'pass'],
      ]);
      const rows: { n: unknown }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM unit_evaluations WHERE unitId = ?', [unitIds.GOV]);
      expect(Number(rows[0].n)).toBe(2);
      const audit: { action: string; data: string }[] = await t.dataSource.query("SELECT action, data FROM audit_log WHERE entityType = 'unit-evaluation' AND entityId = ? ORDER BY action", [`${unitIds.GOV}:2026-Q4`]);
      expect(audit.map((a) => a.action)).toEqual(['unit-evaluation.record', 'unit-evaluation.replace']);
      expect(JSON.parse(audit[1].data)).toMatchObject({ previous: { grade: 'good', score: 85, remark: '签收及时' }, grade: 'excellent', score: 93 });

      const withEvaluation = await t.http.get('/reports/units?period=2026-Q4').set(bearer(secretary)).expect(200);
      const cards = withEvaluation.body.units as Card[];
      expect(cards.find((c) => c.unitCode === 'GOV')?.evaluation).toMatchObject({ grade: 'excellent', score: 93 });
      expect(cards.find((c) => c.unitCode === 'LAC')?.evaluation).toBeNull();
    });

    it('refuses a bad period, an unknown unit, a score outside its grade and bad fields', async () => {
      const ok = { grade: 'good', evaluatedBy: '市信访局' };
      expectError(await put(secretary, unitIds.GOV, '2026-Q5', ok), 400, 'EVALUATION_PERIOD_INVALID');
      expectError(await put(secretary, unitIds.GOV, '2026-H3', ok), 400, 'EVALUATION_PERIOD_INVALID');
      expectError(await put(secretary, unitIds.GOV, '1999', ok), 400, 'EVALUATION_PERIOD_INVALID');
      expectError(await put(secretary, '11111111-1111-4111-8111-111111111111', '2026', ok), 404, 'UNIT_NOT_FOUND');
      expectError(await put(secretary, 'GOV', '2026', ok), 400, 'INVALID_ID');
      expectError(await put(secretary, unitIds.GOV, '2026', { ...ok, score: 95 }), 422, 'EVALUATION_SCORE_GRADE_MISMATCH');
      expectError(await put(secretary, unitIds.GOV, '2026', { ...ok, score: 101 }), 400, 'VALIDATION_FAILED');
      expectError(await put(secretary, unitIds.GOV, '2026', { ...ok, score: 85.5 }), 400, 'VALIDATION_FAILED');
      expectError(await put(secretary, unitIds.GOV, '2026', { ...ok, grade: '优秀' }), 400, 'VALIDATION_FAILED');
      expectError(await put(secretary, unitIds.GOV, '2026', { grade: 'good' }), 400, 'VALIDATION_FAILED');
      expectError(await put(secretary, unitIds.GOV, '2026', { ...ok, evaluatedBy: '   ' }), 400, 'VALIDATION_FAILED');
      expectError(await put(secretary, unitIds.GOV, '2026', { ...ok, extra: 1 }), 400, 'VALIDATION_FAILED');
      expectError(await t.http.get(`/units/${unitIds.LAC}/evaluations/2026-Q4`).set(bearer(secretary)), 404, 'EVALUATION_NOT_FOUND');
      expectError(await t.http.get(`/units/${unitIds.LAC}/evaluations/2026-13`).set(bearer(secretary)), 400, 'EVALUATION_PERIOD_INVALID');
    });

    it('only the secretariat and admin record; a unit reads its own evaluations only', async () => {
      const body = { grade: 'pass', evaluatedBy: '市信访局' };
      for (const user of ['auditor', 'director', 'unit-gov'] as const) expectError(await put(await t.token(user), unitIds.GOV, '2026-H2', body), 403, 'FORBIDDEN');
      await put(await t.token('admin'), unitIds.LAC, '2026-H2', body).expect(200);
      for (const user of ['auditor', 'director', 'admin', 'secretary'] as const) await t.http.get(`/units/${unitIds.LAC}/evaluations`).set(bearer(await t.token(user))).expect(200);
      expect((await t.http.get(`/units/${unitIds.LAC}/evaluations`).set(bearer(lac)).expect(200)).body).toHaveLength(1);
      expectError(await t.http.get(`/units/${unitIds.LAC}/evaluations`).set(bearer(gov)), 404, 'UNIT_NOT_FOUND');
      expectError(await t.http.get(`/units/${unitIds.LAC}/evaluations/2026-H2`).set(bearer(gov)), 404, 'UNIT_NOT_FOUND');
    });
  });
});
