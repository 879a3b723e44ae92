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
  });
});
