import { beforeAll, describe, expect, it } from '@jest/globals';
import { drawn } from '../src/meetings/lookback/lookback.service.js';
import { bearer, caseBody } from './support/factories.js';
import { caseAction } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

describe('look-back (回头看): sampled callbacks and urging notices for late or poor handling', () => {
  const t = useTestApp(); // 2026-11-26
  let secretary: string;
  const onTime: string[] = [];
  let late = '';
  let dissatisfied = '';

  const act = (id: string, body: Record<string, unknown>) => caseAction(t, secretary, id, body);
  const transferred = async (overrides = {}): Promise<string> => {
    const { body } = await t.http.post('/cases').set(bearer(secretary)).send(caseBody(overrides)).expect(201);
    await act(body.id, { action: 'accept' });
    await act(body.id, { action: 'transfer', handledBy: 'HRSS' });
    await act(body.id, { action: 'start' });
    return body.id as string;
  };

  beforeAll(async () => {
    secretary = await t.token('secretary');
    await t.relay.drain();
    for (let i = 0; i < 12; i++) onTime.push(await transferred({ category: 'employment-social' }));
    late = await transferred({ category: 'employment-social' });
    dissatisfied = await transferred({ category: 'employment-social' });
    for (const id of [...onTime, dissatisfied]) {
      await act(id, { action: 'reply', reason: '已答复' });
      await act(id, { action: 'feedback', feedback: id === dissatisfied ? 'dissatisfied' : 'satisfied' });
      await act(id, { action: 'close' });
    }
    t.clock.set('2027-01-26T02:00:00.000Z'); // 61 days on: past the 60-day handling deadline
    await act(late, { action: 'reply', reason: '迟到的答复' });
    await act(late, { action: 'close' });
    t.clock.set('2027-02-02T02:00:00.000Z'); // the February review looks back on cases closed in the 90 days before 1 February
  });

  it('always reviews late and poorly answered cases, draws a share of the rest, and names their units once', async () => {
    const run = await t.http.post('/lookback/run').set(bearer(secretary)).send({ period: '2027-02' }).expect(202);
    expect(run.body.period).toBe('2027-02');
    await t.relay.drain();
    const report = (await t.http.get('/lookback?period=2027-02').set(bearer(secretary)).expect(200)).body;
    const byCase = new Map(report.reviews.map((r: { caseId: string; reason: string }) => [r.caseId, r.reason]));
    expect(byCase.get(late)).toBe('late');
    expect(byCase.get(dissatisfied)).toBe('dissatisfied');
    const labels = new Map(report.reviews.map((r: { reason: string; reasonLabel: string }) => [r.reason, r.reasonLabel]));
    expect([labels.get('late'), labels.get('dissatisfied')]).toEqual(['未按期答复', '信访人不满意或经再督办']);
    const expectedSample = onTime.filter((id) => drawn(id, '2027-02', 0.2)).sort();
    expect(report.reviews.filter((r: { reason: string }) => r.reason === 'sample').map((r: { caseId: string }) => r.caseId).sort()).toEqual(expectedSample);
    expect(report.units).toEqual([{ unitCode: 'HRSS', closed: 14, late: 1, dissatisfied: 1, named: true }]);

    const notices: { caseId: string; kind: string }[] = await t.dataSource.query("SELECT caseId, kind FROM case_notices WHERE kind = 'lookback' ORDER BY caseId");
    expect(notices.map((n) => n.caseId).sort()).toEqual([late, dissatisfied].sort());

    await t.http.post('/lookback/run').set(bearer(secretary)).send({ period: '2027-02' }).expect(202);
    await t.relay.drain();
    const again = (await t.http.get('/lookback?period=2027-02').set(bearer(secretary)).expect(200)).body;
    expect(again.reviews).toHaveLength(report.reviews.length);
    const noticesAgain: unknown[] = await t.dataSource.query("SELECT id FROM case_notices WHERE kind = 'lookback'");
    expect(noticesAgain).toHaveLength(2);
  });

  it('records the callback result of a review', async () => {
    const report = (await t.http.get('/lookback?period=2027-02').set(bearer(secretary)).expect(200)).body;
    const review = report.reviews.find((r: { caseId: string }) => r.caseId === dissatisfied);
    await t.http.post(`/lookback/reviews/${review.id}/callback`).set(bearer(secretary)).send({ result: 'dissatisfied', note: '仍未落实' }).expect(204);
    const after = (await t.http.get('/lookback?period=2027-02').set(bearer(secretary)).expect(200)).body;
    expect(after.reviews.find((r: { id: string }) => r.id === review.id)).toMatchObject({ callbackResult: 'dissatisfied', note: '仍未落实' });
    const bad = await t.http.get('/lookback?period=2027-13').set(bearer(secretary)).expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    await t.http.get('/lookback').set(bearer(await t.token('auditor'))).expect(403);
  });
});
