import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DeadlineSweepService } from '../src/cases/deadline-sweep.service.js';
import { bearer, caseBody } from './support/factories.js';
import { countRows } from './support/http-helpers.js';
import { createTestApp, type TestApp, TEST_MODE } from './support/test-app.js';

/**
 * Production runs several service instances on one database (and one Redis): each batches its own
 * registrations (src/cases/intake-writer.ts), and the counter row orders the batches of all of them.
 * The embedded mode is one process on one SQLite file by design, so this runs on MySQL/MariaDB only.
 */
const describeShared = TEST_MODE.mysql ? describe : describe.skip;

describeShared('two service instances on one database', () => {
  let a: TestApp;
  let b: TestApp;
  let tokenA: string;
  let tokenB: string;

  beforeAll(async () => {
    a = await createTestApp();
    const shared = ['DATABASE_URL', 'PII_KEY', 'JWT_SECRET', 'REDIS_URL', 'QUEUE_PREFIX'];
    b = await createTestApp({ clock: a.clock, env: Object.fromEntries(shared.filter((k) => a.env[k] !== undefined).map((k) => [k, a.env[k]])) });
    tokenA = await a.token('secretary');
    tokenB = await b.token('secretary');
  });
  afterAll(async () => {
    await b.close();
    await a.close();
  });

  it('gives 120 registrations sent to both at once gap-free, distinct codes, each with its timeline event', async () => {
    const responses = await Promise.all(
      Array.from({ length: 120 }, (_, i) =>
        (i % 2 ? b : a).http
          .post('/cases')
          .set(bearer(i % 2 ? tokenB : tokenA))
          .send(caseBody({ subject: `两个实例并发登记 ${i}` })),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    const codes = responses.map((r) => (r.body as { code: string }).code).sort();
    expect(codes).toEqual(Array.from({ length: 120 }, (_, i) => `XF-2026-${String(i + 1).padStart(6, '0')}`));
    expect(await countRows(a, 'cases')).toBe(120);
    expect(await countRows(a, 'case_events')).toBe(120);
  });

  it('answers one Idempotency-Key retried on both instances with one case', async () => {
    const before = await countRows(a, 'cases');
    const body = caseBody({ subject: '跨实例重试' });
    const responses = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        (i % 2 ? b : a).http
          .post('/cases')
          .set(bearer(i % 2 ? tokenB : tokenA))
          .set('Idempotency-Key', 'cross-instance-retry-1')
          .send(body),
      ),
    );
    expect(responses.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    expect(new Set(responses.map((r) => (r.body as { id: string }).id)).size).toBe(1);
    expect(responses.filter((r) => r.headers['idempotent-replayed'] !== 'true')).toHaveLength(1);
    expect(await countRows(a, 'cases')).toBe(before + 1);
    expect(await countRows(a, 'idempotency_keys')).toBe(1);
  });

  it('confirms exactly one of each group of pairwise overlapping meetings of one leader sent to both at once, and books near ones exactly', async () => {
    const director = a.leaders.get('director') as string;
    const at = (minutes: number): string => new Date(Date.parse('2026-12-15T09:00:00+08:00') + minutes * 60_000).toISOString();
    // Group 1: 09:00+2i … 09:40, group 2: 09:45 … 10:15+i. Within a group every two overlap; 09:40 < 09:45.
    const spans = [...Array.from({ length: 8 }, (_, i) => [at(2 * i), at(40), 1] as const), ...Array.from({ length: 8 }, (_, i) => [at(45), at(75 + i), 2] as const)];
    const created: { id: string; group: number }[] = [];
    for (const [startAt, endAt, group] of spans) {
      const res = await a.http.post('/meetings').set(bearer(tokenA)).send({ type: 'supervision', startAt, endAt, chairId: director, agenda: [] }).expect(201);
      created.push({ id: (res.body as { id: string }).id, group });
    }
    const responses = await Promise.all(created.map((m, i) => (i % 2 ? b : a).http.post(`/meetings/${m.id}/confirm`).set(bearer(i % 2 ? tokenB : tokenA))));
    const outcome = (group: number): [number, string[]] => {
      const mine = responses.filter((_, i) => created[i].group === group);
      return [mine.filter((r) => r.status === 200).length, mine.filter((r) => r.status !== 200).map((r) => `${r.status} ${(r.body as { code: string }).code}`)];
    };
    expect(outcome(1)).toEqual([1, Array(7).fill('409 MEETING_CONFLICT')]);
    expect(outcome(2)).toEqual([1, Array(7).fill('409 MEETING_CONFLICT')]);
    const booked: { meetingId: string }[] = await a.dataSource.query('SELECT meetingId FROM leader_bookings WHERE leaderId = ? ORDER BY startAt', [director]);
    const confirmed = created.filter((_, i) => responses[i].status === 200).map((m) => m.id);
    expect(booked.map((r) => r.meetingId)).toEqual(confirmed);
  });

  it('runs the deadline sweep on both at once and still creates each notice and timeline event once', async () => {
    const open = await countRows(a, 'cases'); // all still registered: each acceptance deadline passes below
    a.clock.advanceDays(20);
    const results = await Promise.all([a.app.get(DeadlineSweepService).sweep(), b.app.get(DeadlineSweepService).sweep()]);
    expect(results).toHaveLength(2);
    const notices: { kind: string; n: number | string; cases: number | string }[] = await a.dataSource.query(
      'SELECT kind, COUNT(*) AS n, COUNT(DISTINCT caseId) AS cases FROM case_notices GROUP BY kind',
    );
    expect(notices.map((r) => [r.kind, Number(r.n), Number(r.cases)])).toEqual([['overdue', open, open]]);
    const urges: { n: number | string; cases: number | string }[] = await a.dataSource.query(
      "SELECT COUNT(*) AS n, COUNT(DISTINCT caseId) AS cases FROM case_events WHERE action = 'urge'",
    );
    expect([Number(urges[0].n), Number(urges[0].cases)]).toEqual([open, open]);
    // The automatic urge is recorded at the case's version, which it does not bump (CaseChanges.urgeOverdueIn).
    const outOfStep: { n: number | string }[] = await a.dataSource.query(
      "SELECT COUNT(*) AS n FROM cases c WHERE c.version <> 1 OR NOT EXISTS (SELECT 1 FROM case_events e WHERE e.caseId = c.id AND e.action = 'urge' AND e.caseVersion = c.version)",
    );
    expect(Number(outOfStep[0].n)).toBe(0);
  });
});
