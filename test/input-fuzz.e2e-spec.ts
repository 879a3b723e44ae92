import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { seededRandom } from '../src/common/seeded-random.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { registerCase, writeCounts } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

/**
 * "No request input ever produces a 500": seeded random mutations of valid requests (every field of
 * POST /cases replaced by values of every JSON type, odd strings, huge and deeply nested values;
 * random action bodies; random ledger queries). Each answer is a success or a 4xx in the error model;
 * a refused registration writes nothing. The seed is fixed, so a failure reproduces; explore others with
 * `FUZZ_SEED=… FUZZ_ROUNDS=… npm run test:jest -- test/input-fuzz`.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);
const ROUNDS = Number(process.env.FUZZ_ROUNDS ?? 300);

const deep = (levels: number): unknown => (levels === 0 ? 'bottom' : { next: deep(levels - 1) });

const ODD_VALUES: unknown[] = [
  null,
  true,
  false,
  0,
  -1,
  1e308,
  -1e-308,
  3.5,
  Number.MAX_SAFE_INTEGER + 2,
  '',
  ' ',
  '\u0000',
  '😀'.repeat(60),
  '长'.repeat(300),
  '<script>alert(1)</script>',
  "'; DROP TABLE cases; --",
  '{"a":1}',
  'NaN',
  '-0',
  '2026-11-26T10:00:00+08:00',
  '9999-12-31T23:59:59Z',
  '0000-01-01T00:00:00Z',
  '2026-13-45T99:99:99Z',
  '42030219800101004X',
  '13812345678',
  'GOV',
  '__proto__',
  [],
  [null],
  [1, 'two', { three: 3 }],
  Array.from({ length: 500 }, () => 'GOV'),
  {},
  { __proto__: { polluted: true } },
  { constructor: { prototype: { polluted: true } } },
  deep(40),
];

const CASE_FIELDS = [
  'channel',
  'receivedAt',
  'petitioner',
  'headcount',
  'subject',
  'content',
  'category',
  'region',
  'unitsInvolved',
  'deputyReported',
  'important',
  'provincialReferral',
  'leaderInstructed',
  'relatedCaseIds',
  'unexpected',
] as const;
const PETITIONER_FIELDS = ['name', 'idNumber', 'phone', 'address', 'organisation', 'unexpected'] as const;
const ACTIONS = ['accept', 'reject', 'route', 'transfer', 'start', 'reply', 'feedback', 'extend', 'resupervise', 'close', 'withdraw', 'assign-leader', 'urge', 'explode', ''];
const ACTION_FIELDS = ['reason', 'committee', 'handledBy', 'days', 'approver', 'feedback', 'leaderId', 'report', 'note', 'unexpected'] as const;
const QUERY_KEYS = ['status', 'grade', 'category', 'region', 'unit', 'overdue', 'dueBefore', 'flag', 'q', 'sort', 'page', 'pageSize', 'unexpected'] as const;
const QUERY_VALUES = ['', 'open', 'registered', 'escalated', 'true', 'false', 'yes', '-1', '0', '1', '1e9', '200', '201', 'NaN', '2026-11-26', '2026-11-26T00:00:00Z', 'x'.repeat(500), '%', '%%', '_', "'", '😀', 'dueAt', '-code'];

/** The answer is a success, or a client error in the error model with a stable code and a message. */
function expectHandled(res: Response, context: unknown): void {
  const summary = { status: res.status, code: (res.body as { code?: unknown }).code, context };
  expect(res.status < 500 ? 'handled' : summary).toBe('handled');
  if (res.status >= 400) {
    const body = res.body as { statusCode?: unknown; code?: unknown; message?: unknown };
    expect({ statusCode: body.statusCode, codeIsText: typeof body.code === 'string', messageIsText: typeof body.message === 'string' }).toEqual({
      statusCode: res.status,
      codeIsText: true,
      messageIsText: true,
    });
  }
}

describe('random input never produces a 500', () => {
  const t = useTestApp();
  let secretary: string;
  const random = seededRandom(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  beforeAll(async () => {
    secretary = await t.token('secretary');
  });

  const mutatedCase = (): Record<string, unknown> => {
    const body: Record<string, unknown> = { ...caseBody({ petitioner: { name: '李四', idNumber: idNumber('42030219800101004'), phone: '13812345678' } }) };
    const mutations = 1 + Math.floor(random() * 3);
    for (let i = 0; i < mutations; i++) {
      if (random() < 0.3) {
        const petitioner = { ...(body.petitioner as Record<string, unknown>) };
        petitioner[pick(PETITIONER_FIELDS)] = pick(ODD_VALUES);
        body.petitioner = petitioner;
      } else if (random() < 0.1) {
        delete body[pick(CASE_FIELDS)];
      } else {
        body[pick(CASE_FIELDS)] = pick(ODD_VALUES);
      }
    }
    return body;
  };

  it(`answers ${ROUNDS} mutated registrations with 201 or a 4xx, and a refused one writes nothing`, async () => {
    let created = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const body = mutatedCase();
      const before = await writeCounts(t);
      const res = await t.http.post('/cases').set(bearer(secretary)).send(body);
      expectHandled(res, { round, body });
      if (res.status === 201) created++;
      else expect({ round, counts: await writeCounts(t) }).toEqual({ round, counts: before });
    }
    // The mutations must mostly be refused, or this test would not be exercising validation at all.
    expect(created).toBeLessThan(ROUNDS / 2);
  });

  it(`answers ${ROUNDS} random lifecycle actions with 200 or a 4xx`, async () => {
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await registerCase<{ id: string }>(t, secretary)).id);
    for (let round = 0; round < ROUNDS; round++) {
      const body: Record<string, unknown> = { action: random() < 0.9 ? pick(ACTIONS) : pick(ODD_VALUES) };
      const fields = Math.floor(random() * 4);
      for (let i = 0; i < fields; i++) body[pick(ACTION_FIELDS)] = random() < 0.5 ? pick(ODD_VALUES) : pick(['GOV', 'LEGAL', 'satisfied', 'dissatisfied', 10, 30, 31, '情况说明', randomUUID()]);
      const id = random() < 0.9 ? pick(ids) : pick(['not-a-uuid', randomUUID(), '%00', '..']);
      const res = await t.http.post(`/cases/${encodeURIComponent(id)}/actions`).set(bearer(secretary)).send(body);
      expectHandled(res, { round, id, body });
    }
  });

  it(`answers ${ROUNDS} random ledger queries with 200 or a 4xx`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const query = new URLSearchParams();
      const keys = 1 + Math.floor(random() * 4);
      for (let i = 0; i < keys; i++) query.append(pick(QUERY_KEYS), pick(QUERY_VALUES));
      const res = await t.http.get(`/cases?${query.toString()}`).set(bearer(secretary));
      expectHandled(res, { round, query: query.toString() });
    }
  });
});
