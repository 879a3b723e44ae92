import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Test } from 'supertest';
import type { CreateCaseDto } from '../src/cases/dto/create-case.dto.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { caseAction, countRows, expectError, idsOf, isChinese, registerCase, writeCounts } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

interface CaseResponse {
  id: string;
  code: string;
  status: string;
  grade: string;
  route: { committee: string; handledBy: string; mode: string };
  meetingType: string | null;
  flags: string[];
  repeatCount: number;
  similarOpenCases: number;
  deadlines: { acceptDueAt: string; replyDueAt: string | null; dueAt: string | null; overdue: boolean; daysLeft: number | null };
  evaluation: { ruleSetVersion: number; grade: string; firedRules: { name: string; eventType: string }[] };
  timeline?: { action: string; fromStatus: string | null; toStatus: string; data: Record<string, unknown> }[];
}

const firedNames = (c: CaseResponse): string[] => c.evaluation.firedRules.map((r) => r.name);

describe('case intake (POST /cases)', () => {
  const t = useTestApp();
  let secretary: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
  });

  const register = (overrides: Partial<CreateCaseDto> = {}): Promise<CaseResponse> => registerCase<CaseResponse>(t, secretary, overrides);
  const act = async (id: string, body: Record<string, unknown>): Promise<CaseResponse> => (await caseAction(t, secretary, id, body)).body as CaseResponse;

  describe('grading, routing and deadlines', () => {
    it('stores grade, route, meeting type, the acceptance deadline, the fired rules and a register event', async () => {
      const created = await register({ provincialReferral: true, subject: '省人大转办：小区供暖不达标' });
      expect(created.code).toMatch(/^XF-2026-\d{6}$/);
      expect(created.status).toBe('registered');
      expect(created.grade).toBe('escalated');
      expect(created.route).toEqual({ committee: 'UCEC', handledBy: 'GOV', mode: 'supervised' });
      expect(created.meetingType).toBe('supervision');
      // Registered 2026-11-26 (local): day 15 is 2026-12-11, a Friday; the deadline is the end of that local day.
      expect(created.deadlines.acceptDueAt).toBe('2026-12-11T15:59:59.999Z');
      expect(created.deadlines.dueAt).toBe('2026-12-11T15:59:59.999Z');
      expect(created.deadlines.replyDueAt).toBeNull();
      expect(created.deadlines.overdue).toBe(false);
      expect(created.deadlines.daysLeft).toBe(15);
      expect(typeof created.evaluation.ruleSetVersion).toBe('number');
      expect(firedNames(created)).toEqual(
        expect.arrayContaining(['escalate-provincial-referral', 'route-urban-construction', 'supervise-transferred-key-case', 'meeting-supervision']),
      );
      expect(firedNames(created)).not.toContain('meeting-joint');

      // What was stored is what the API answered: read it back, and the raw row.
      const stored = (await t.http.get(`/cases/${created.id}`).set(bearer(secretary)).expect(200)).body as CaseResponse;
      expect(stored.grade).toBe('escalated');
      expect(stored.route).toEqual(created.route);
      expect(stored.meetingType).toBe('supervision');
      expect(stored.deadlines.acceptDueAt).toBe('2026-12-11T15:59:59.999Z');
      expect(firedNames(stored)).toEqual(firedNames(created));
      const rows: Record<string, unknown>[] = await t.dataSource.query(
        'SELECT grade, routeCommittee, routeHandledBy, routeMode, meetingType, status FROM cases WHERE id = ?',
        [created.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0]).toEqual({ grade: 'escalated', routeCommittee: 'UCEC', routeHandledBy: 'GOV', routeMode: 'supervised', meetingType: 'supervision', status: 'registered' });

      const timeline = (await t.http.get(`/cases/${created.id}/timeline`).set(bearer(secretary)).expect(200)).body as NonNullable<CaseResponse['timeline']>;
      expect(timeline).toHaveLength(1);
      expect(timeline[0].action).toBe('register');
      expect(timeline[0].fromStatus).toBeNull();
      expect(timeline[0].toStatus).toBe('registered');
      expect(timeline[0].data.grade).toBe('escalated');
      expect(timeline[0].data.rulesFired).toEqual(firedNames(created));
      expect(timeline[0].data.acceptDueAt).toBe('2026-12-11T15:59:59.999Z');
    });

    it('grades a case involving two units as joint consultation with a joint meeting', async () => {
      const c = await register({ category: 'litigation', unitsInvolved: ['COURT', 'PROC'], subject: '执行款长期未到位' });
      expect(c.grade).toBe('joint-consultation');
      expect(c.meetingType).toBe('joint');
      expect(c.route).toEqual({ committee: 'SJC', handledBy: 'COURT', mode: 'supervised' });
      expect(firedNames(c)).toEqual(expect.arrayContaining(['joint-multiple-units', 'meeting-joint']));
    });

    it('routes a normal legislative suggestion internally to the LAC with no meeting', async () => {
      const c = await register({ category: 'legislation', subject: '建议制定电动自行车管理条例' });
      expect(c.grade).toBe('normal');
      expect(c.route).toEqual({ committee: 'LAC', handledBy: 'LAC', mode: 'internal' });
      expect(c.meetingType).toBeNull();
      expect(c.flags).toEqual([]);
      expect(firedNames(c)).toEqual(['route-legislation']);
    });

    it('transfers a normal case of a transferred category, and supervises an escalated one', async () => {
      const transferred = await register({ category: 'economy', subject: '企业账款拖欠' });
      expect(transferred.grade).toBe('normal');
      expect(transferred.route).toEqual({ committee: 'FEC', handledBy: 'GOV', mode: 'transfer' });
      expect(transferred.meetingType).toBeNull();

      const supervised = await register({ category: 'official-conduct', leaderInstructed: true, subject: '反映某街道干部不作为' });
      expect(supervised.grade).toBe('escalated');
      expect(supervised.route).toEqual({ committee: 'SJC', handledBy: 'SUP', mode: 'supervised' });
      expect(supervised.meetingType).toBe('supervision');

      const group = await register({ category: 'employment-social', headcount: 6, subject: '农民工工资拖欠' });
      expect(group.grade).toBe('escalated');
      expect(group.flags).toContain('group-petition');
      expect(group.route.mode).toBe('supervised');

      // A deputy's report alone is not enough; reported *and* important is.
      const deputyOnly = await register({ category: 'deputy-work', deputyReported: true, subject: '代表反映联络站经费' });
      expect(deputyOnly.grade).toBe('normal');
      expect(deputyOnly.route).toEqual({ committee: 'DAC', handledBy: 'DAC', mode: 'internal' });
      const deputyImportant = await register({ category: 'deputy-work', deputyReported: true, important: true, subject: '代表反映重要事项' });
      expect(deputyImportant.grade).toBe('escalated');
      // Internal routes stay internal even when escalated.
      expect(deputyImportant.route).toEqual({ committee: 'DAC', handledBy: 'DAC', mode: 'internal' });
    });
  });

  describe('repeat petitions', () => {
    it('escalates the third case of the same ID number within 12 months', async () => {
      const id = idNumber('42030219800101001');
      const first = await register({ petitioner: { name: '周一', idNumber: id } });
      const second = await register({ petitioner: { name: '周一', idNumber: id } });
      // Lowercase check character and surrounding spaces are the same person.
      const third = await register({ petitioner: { name: '周一', idNumber: ` ${id.toLowerCase()} ` } });
      expect([first.repeatCount, second.repeatCount, third.repeatCount]).toEqual([0, 1, 2]);
      expect([first.grade, second.grade, third.grade]).toEqual(['normal', 'normal', 'escalated']);
      expect(third.flags).toContain('repeat-petition');
      expect(firedNames(third)).toContain('escalate-repeat-petition');
      expect(third.meetingType).toBe('supervision');
    });

    it('recognises the same phone number written differently', async () => {
      const first = await register({ petitioner: { name: '吴二', phone: '139 7190 2233' } });
      const second = await register({ petitioner: { name: '吴二', phone: '+8613971902233' } });
      const third = await register({ petitioner: { name: 'Wu Er', phone: '0086-139-7190-2233' } });
      expect([first.repeatCount, second.repeatCount, third.repeatCount]).toEqual([0, 1, 2]);
      expect(third.grade).toBe('escalated');
      const other = await register({ petitioner: { name: '吴二', phone: '13971902234' } });
      expect(other.repeatCount).toBe(0);
      expect(other.grade).toBe('normal');
    });

    it('does not count a case received 13 months earlier', async () => {
      const id = idNumber('42030219800101002');
      const old = await register({ petitioner: { name: '郑三', idNumber: id }, receivedAt: '2025-10-20T10:00:00+08:00' });
      expect(old.repeatCount).toBe(0);
      const withinYear = await register({ petitioner: { name: '郑三', idNumber: id }, receivedAt: '2025-12-10T10:00:00+08:00' });
      // Seen from 2025-12-10, the 2025-10-20 case is within 12 months.
      expect(withinYear.repeatCount).toBe(1);
      const now = await register({ petitioner: { name: '郑三', idNumber: id } });
      // Received 2026-11-25: the window starts 2025-11-25, so only the 2025-12-10 case counts.
      expect(now.repeatCount).toBe(1);
      expect(now.grade).toBe('normal');
      const again = await register({ petitioner: { name: '郑三', idNumber: id } });
      expect(again.repeatCount).toBe(2);
      expect(again.grade).toBe('escalated');
    });

    it('counts related cases, each earlier case once', async () => {
      const a = await register({ petitioner: { name: '钱四' } });
      const b = await register({ petitioner: { name: '孙五' } });
      const oneRelated = await register({ petitioner: { name: '李六' }, relatedCaseIds: [a.id] });
      expect(oneRelated.repeatCount).toBe(1);
      expect(oneRelated.grade).toBe('normal');
      const twoRelated = await register({ petitioner: { name: '李六' }, relatedCaseIds: [a.id, b.id] });
      expect(twoRelated.repeatCount).toBe(2);
      expect(twoRelated.grade).toBe('escalated');
      expect(twoRelated.flags).toContain('repeat-petition');

      // A related case of the same petitioner is one earlier case, not two.
      const id = idNumber('42030219800101003');
      const mine = await register({ petitioner: { name: '冯七', idNumber: id } });
      const linked = await register({ petitioner: { name: '冯七', idNumber: id }, relatedCaseIds: [mine.id] });
      expect(linked.repeatCount).toBe(1);
      expect(linked.grade).toBe('normal');
    });

    it('escalates when a related earlier case ended with a dissatisfied petitioner', async () => {
      const closeWith = async (feedback: 'satisfied' | 'dissatisfied'): Promise<string> => {
        const c = await register({ category: 'legislation', petitioner: { name: '陈八' } });
        await act(c.id, { action: 'accept' });
        await act(c.id, { action: 'route' });
        await act(c.id, { action: 'start' });
        await act(c.id, { action: 'reply', reason: '已书面答复' });
        const done = await act(c.id, { action: 'feedback', feedback });
        expect((done as unknown as { feedback: string }).feedback).toBe(feedback);
        return c.id;
      };
      const satisfied = await closeWith('satisfied');
      const calm = await register({ relatedCaseIds: [satisfied] });
      expect(calm.repeatCount).toBe(1);
      expect(calm.grade).toBe('normal');

      const dissatisfied = await closeWith('dissatisfied');
      const angry = await register({ relatedCaseIds: [dissatisfied] });
      expect(angry.repeatCount).toBe(1);
      expect(angry.grade).toBe('escalated');
      expect(firedNames(angry)).toContain('escalate-related-dissatisfied');
      expect(angry.meetingType).toBe('supervision');
    });
  });

  describe('clusters', () => {
    it('grades the 5th open case of a category and region within 30 days as joint consultation with an early warning', async () => {
      const cluster = { category: 'agriculture-rural' as const, region: '郧西县聚集测试' };
      // Outside the 30-day window, another region, a closed case: none of them count.
      await register({ ...cluster, receivedAt: '2026-10-20T10:00:00+08:00' });
      await register({ ...cluster, region: '郧西县聚集测试东' });
      const rejected = await register(cluster);
      await act(rejected.id, { action: 'reject', reason: '不属于受理范围' });

      const counts: number[] = [];
      const grades: string[] = [];
      let last: CaseResponse | null = null;
      for (let i = 0; i < 5; i++) {
        last = await register(cluster);
        counts.push(last.similarOpenCases);
        grades.push(last.grade);
      }
      expect(counts).toEqual([0, 1, 2, 3, 4]);
      expect(grades).toEqual(['normal', 'normal', 'normal', 'normal', 'joint-consultation']);
      const fifth = last as CaseResponse;
      expect(fifth.flags).toEqual(expect.arrayContaining(['early-warning', 'special-meeting-proposed']));
      expect(fifth.meetingType).toBe('joint');
      expect(fifth.route).toEqual({ committee: 'ARC', handledBy: 'GOV', mode: 'supervised' });
      expect(firedNames(fifth)).toEqual(expect.arrayContaining(['joint-emerging-cluster', 'flag-early-warning', 'meeting-special-early-warning']));
    });
  });

  describe('idempotency', () => {
    it('answers 20 concurrent retries with one case', async () => {
      const before = await writeCounts(t);
      const body = caseBody({ subject: '并发重试同一登记' });
      const key = `retry-${randomUUID()}`;
      const responses = await Promise.all(
        Array.from({ length: 20 }, () => t.http.post('/cases').set(bearer(secretary)).set('Idempotency-Key', key).send(body)),
      );
      expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
      const ids = new Set(responses.map((r) => (r.body as CaseResponse).id));
      expect(ids.size).toBe(1);
      const codes = new Set(responses.map((r) => (r.body as CaseResponse).code));
      expect(codes.size).toBe(1);
      const replayed = responses.filter((r) => r.headers['idempotent-replayed'] === 'true');
      expect(replayed).toHaveLength(19);
      const after = await writeCounts(t);
      expect(after).toEqual({ cases: before.cases + 1, events: before.events + 1, keys: before.keys + 1 });

      // A later retry still returns the same case, marked as a replay.
      const later = await t.http.post('/cases').set(bearer(secretary)).set('Idempotency-Key', key).send(body).expect(201);
      expect(later.headers['idempotent-replayed']).toBe('true');
      expect((later.body as CaseResponse).id).toBe([...ids][0]);
      expect(await countRows(t, 'cases')).toBe(before.cases + 1);
    });

    it('refuses the same key with a different body (409) and invalid keys (400), writing nothing', async () => {
      const key = `reuse-${randomUUID()}`;
      const body = caseBody();
      const first = await t.http.post('/cases').set(bearer(secretary)).set('Idempotency-Key', key).send(body).expect(201);
      expect(first.headers['idempotent-replayed']).toBeUndefined();
      const before = await writeCounts(t);

      const reused = await t.http.post('/cases').set(bearer(secretary)).set('Idempotency-Key', key).send({ ...body, subject: '另一份登记' });
      expectError(reused, 409, 'IDEMPOTENCY_KEY_REUSED');

      for (const bad of ['k'.repeat(300), 'has spaces in it', 'slash/in/key', '']) {
        const res = await t.http.post('/cases').set(bearer(secretary)).set('Idempotency-Key', bad).send(caseBody());
        expectError(res, 400, 'INVALID_IDEMPOTENCY_KEY');
      }
      expect(await writeCounts(t)).toEqual(before);
    });

    it('scopes keys per user: another user with the same key registers a new case', async () => {
      const key = `shared-${randomUUID()}`;
      const body = caseBody();
      const mine = await t.http.post('/cases').set(bearer(secretary)).set('Idempotency-Key', key).send(body).expect(201);
      const admin = await t.token('admin');
      const theirs = await t.http.post('/cases').set(bearer(admin)).set('Idempotency-Key', key).send(body).expect(201);
      expect((theirs.body as CaseResponse).id).not.toBe((mine.body as CaseResponse).id);
      expect(theirs.headers['idempotent-replayed']).toBeUndefined();
    });
  });

  describe('bad input', () => {
    const valid = (): Record<string, unknown> => ({ ...caseBody() });
    const post = (body: unknown, lang?: string): Test => {
      const req = t.http.post('/cases').set(bearer(secretary));
      if (lang) req.set('Accept-Language', lang);
      return req.send(body as object);
    };
    const badIdNumber = (): string => {
      const good = idNumber('42030219800101004');
      const last = good.at(-1) === '1' ? '2' : '1';
      return good.slice(0, 17) + last;
    };

    const CASES: [string, () => Test, number, string][] = [
      ['malformed JSON', () => t.http.post('/cases').set(bearer(secretary)).set('Content-Type', 'application/json').send('{"channel": "letter",'), 400, 'MALFORMED_JSON'],
      ['a JSON null body', () => t.http.post('/cases').set(bearer(secretary)).set('Content-Type', 'application/json').send('null'), 400, 'MALFORMED_JSON'],
      ['an array body', () => post([valid()]), 400, 'VALIDATION_FAILED'],
      ['an empty object', () => post({}), 400, 'VALIDATION_FAILED'],
      ['a text/plain body', () => t.http.post('/cases').set(bearer(secretary)).set('Content-Type', 'text/plain').send(JSON.stringify(valid())), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      ['an unknown field', () => post({ ...valid(), priority: 'high' }), 400, 'VALIDATION_FAILED'],
      ['an unknown petitioner field', () => post({ ...valid(), petitioner: { name: '张三', nickname: '老张' } }), 400, 'VALIDATION_FAILED'],
      ['a petitioner that is a string', () => post({ ...valid(), petitioner: '张三' }), 400, 'VALIDATION_FAILED'],
      ['a missing petitioner name', () => post({ ...valid(), petitioner: {} }), 400, 'VALIDATION_FAILED'],
      ['a wrong channel', () => post({ ...valid(), channel: 'fax' }), 400, 'VALIDATION_FAILED'],
      ['a wrong category', () => post({ ...valid(), category: 'housing' }), 400, 'VALIDATION_FAILED'],
      ['a zero headcount', () => post({ ...valid(), headcount: 0 }), 400, 'VALIDATION_FAILED'],
      ['a negative headcount', () => post({ ...valid(), headcount: -3 }), 400, 'VALIDATION_FAILED'],
      ['a fractional headcount', () => post({ ...valid(), headcount: 2.5 }), 400, 'VALIDATION_FAILED'],
      ['a headcount given as text', () => post({ ...valid(), headcount: '6' }), 400, 'VALIDATION_FAILED'],
      ['receivedAt 11 minutes in the future', () => post({ ...valid(), receivedAt: '2026-11-26T10:11:00+08:00' }), 400, 'RECEIVED_AT_IN_FUTURE'],
      ['receivedAt next year', () => post({ ...valid(), receivedAt: '2027-01-01T10:00:00Z' }), 400, 'RECEIVED_AT_IN_FUTURE'],
      ['receivedAt without an offset', () => post({ ...valid(), receivedAt: '2026-11-25T09:30:00' }), 400, 'VALIDATION_FAILED'],
      ['receivedAt as a date only', () => post({ ...valid(), receivedAt: '2026-11-25' }), 400, 'VALIDATION_FAILED'],
      ['receivedAt on an impossible day', () => post({ ...valid(), receivedAt: '2026-02-30T09:30:00+08:00' }), 400, 'VALIDATION_FAILED'],
      ['receivedAt six years back', () => post({ ...valid(), receivedAt: '2020-11-01T09:30:00+08:00' }), 400, 'RECEIVED_AT_TOO_OLD'],
      ['a subject over 200 characters', () => post({ ...valid(), subject: '长'.repeat(201) }), 400, 'VALIDATION_FAILED'],
      ['an empty subject', () => post({ ...valid(), subject: '' }), 400, 'VALIDATION_FAILED'],
      ['content over 20000 characters', () => post({ ...valid(), content: '字'.repeat(20_001) }), 400, 'VALIDATION_FAILED'],
      ['an ID number with a bad check digit', () => post({ ...valid(), petitioner: { name: '张三', idNumber: badIdNumber() } }), 400, 'INVALID_ID_NUMBER'],
      ['an ID number of 15 digits', () => post({ ...valid(), petitioner: { name: '张三', idNumber: '420302800101001' } }), 400, 'INVALID_ID_NUMBER'],
      ['an ID number born in the future', () => post({ ...valid(), petitioner: { name: '张三', idNumber: idNumber('42030220300101001') } }), 400, 'INVALID_ID_NUMBER'],
      ['a bad phone', () => post({ ...valid(), petitioner: { name: '张三', phone: '12345' } }), 400, 'INVALID_PHONE'],
      ['a mobile number with a digit too many', () => post({ ...valid(), petitioner: { name: '张三', phone: '138123456789' } }), 400, 'INVALID_PHONE'],
      ['an unknown unit code', () => post({ ...valid(), unitsInvolved: ['GOV', 'NOPE'] }), 400, 'UNKNOWN_UNIT'],
      ['a unit code that is not text', () => post({ ...valid(), unitsInvolved: [42] }), 400, 'VALIDATION_FAILED'],
      ['an unknown related case', () => post({ ...valid(), relatedCaseIds: [randomUUID()] }), 400, 'UNKNOWN_RELATED_CASE'],
      ['a related case id that is not a UUID', () => post({ ...valid(), relatedCaseIds: ['XF-2026-000001'] }), 400, 'VALIDATION_FAILED'],
      ['a body over 1 MB', () => post({ ...valid(), content: 'x'.repeat(1_100_000) }), 413, 'PAYLOAD_TOO_LARGE'],
    ];

    it.each(CASES)('refuses %s with a stable code and a Chinese message, writing nothing', async (_name, send, status, code) => {
      const before = await writeCounts(t);
      const res = await send();
      expect(res.status).toBeLessThan(500);
      expectError(res, status, code);
      expect(await writeCounts(t)).toEqual(before);
    });

    it('names the offending fields in the details of VALIDATION_FAILED', async () => {
      const unknown = await post({ ...valid(), priority: 'high' });
      expectError(unknown, 400, 'VALIDATION_FAILED');
      const details = unknown.body.details as { field: string; constraint: string; message: string }[];
      expect(details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'priority', constraint: 'whitelistValidation' })]));
      expect(unknown.body.message).toContain('priority');

      const nested = await post({ ...valid(), petitioner: { name: '张三', nickname: '老张' } });
      expect((nested.body.details as { field: string }[]).map((d) => d.field)).toContain('petitioner.nickname');

      const several = await post({ ...valid(), channel: 'fax', headcount: 0 });
      expect((several.body.details as { field: string }[]).map((d) => d.field).sort()).toEqual(['channel', 'headcount']);
    });

    it('answers in English for Accept-Language: en', async () => {
      const phone = await post({ ...valid(), petitioner: { name: '张三', phone: '12345' } }, 'en');
      expect(phone.status).toBe(400);
      expect(phone.body.code).toBe('INVALID_PHONE');
      expect(phone.body.message).toMatch(/phone number is not valid/);
      expect(isChinese(phone.body.message)).toBe(false);

      const validation = await post({ ...valid(), channel: 'fax' }, 'en-GB,en;q=0.9');
      expect(validation.body.code).toBe('VALIDATION_FAILED');
      expect(validation.body.message).toMatch(/channel/);
      expect(isChinese(validation.body.message)).toBe(false);

      const json = await t.http.post('/cases').set(bearer(secretary)).set('Accept-Language', 'en').set('Content-Type', 'application/json').send('{');
      expect(json.body.code).toBe('MALFORMED_JSON');
      expect(isChinese(json.body.message)).toBe(false);

      const zh = await post({ ...valid(), petitioner: { name: '张三', phone: '12345' } }, 'zh-CN,zh;q=0.9,en;q=0.8');
      expect(isChinese(zh.body.message)).toBe(true);
    });

    it('accepts receivedAt up to 10 minutes ahead (clock skew) and IDs with a lowercase x', async () => {
      const skewed = await register({ receivedAt: '2026-11-26T10:09:00+08:00' });
      expect(skewed.status).toBe('registered');
      const lower = await register({ petitioner: { name: '张三', idNumber: '11010519491231002x' } });
      expect(lower.status).toBe('registered');
    });
  });
});

describe('case codes under concurrency', () => {
  const t = useTestApp();
  let secretary: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
  });

  it('gives 200 concurrent registrations gap-free codes XF-2026-000001…000200', async () => {
    expect(await countRows(t, 'cases')).toBe(0);
    const responses = await Promise.all(
      Array.from({ length: 200 }, (_, i) => t.http.post('/cases').set(bearer(secretary)).send(caseBody({ subject: `并发登记 ${i}` }))),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s !== 201)).toEqual([]);
    const codes = responses.map((r) => (r.body as CaseResponse).code).sort();
    const expected = Array.from({ length: 200 }, (_, i) => `XF-2026-${String(i + 1).padStart(6, '0')}`);
    expect(codes).toEqual(expected);
    expect(new Set(responses.map((r) => (r.body as CaseResponse).id)).size).toBe(200);
    expect(await countRows(t, 'cases')).toBe(200);
    expect(await countRows(t, 'case_events')).toBe(200);
    const stored: { code: string }[] = await t.dataSource.query('SELECT code FROM cases ORDER BY code');
    expect(stored.map((r) => r.code)).toEqual(expected);
  });
});

describe('the ledger (GET /cases)', () => {
  const t = useTestApp();
  let secretary: string;
  const c: Record<string, CaseResponse> = {};

  const register = (overrides: Partial<CreateCaseDto>): Promise<CaseResponse> => registerCase<CaseResponse>(t, secretary, overrides);
  const list = async (query: Record<string, string | number | boolean>): Promise<{ items: CaseResponse[]; total: number; page: number; pageSize: number }> =>
    (await t.http.get('/cases').set(bearer(secretary)).query(query).expect(200)).body;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    c.oldHousing = await register({ category: 'urban-construction', region: '茅箭区', headcount: 6, subject: '老旧小区改造进度缓慢' });
    c.bylaw = await register({ category: 'legislation', region: '张湾区', subject: '建议修订物业管理条例' });
    c.court = await register({ category: 'litigation', region: '茅箭区', unitsInvolved: ['COURT', 'PROC'], subject: '执行案件久拖不决' });
    c.firm = await register({ category: 'economy', region: '郧阳区', subject: '企业上下游配套纠纷' });
    c.rejected = await register({ category: 'other', region: '房县', subject: '咨询个人事务' });
    await t.http.post(`/cases/${c.rejected.id}/actions`).set(bearer(secretary)).send({ action: 'reject', reason: '不属于受理范围' }).expect(200);
    c.accepted = await register({ category: 'employment-social', region: '竹山县', subject: '养老保险转移接续' });
    await t.http.post(`/cases/${c.accepted.id}/actions`).set(bearer(secretary)).send({ action: 'accept' }).expect(200);
    // 20 days later the first four have missed their 15-day acceptance deadline (2026-12-11).
    t.clock.advanceDays(20);
    c.fresh = await register({ category: 'deputy-work', region: '竹溪县', subject: '代表联络站建设', receivedAt: '2026-12-16T09:00:00+08:00' });
  });

  const ids = (...names: string[]): string[] => names.map((n) => c[n].id).sort();

  it('lists everything, paginated as { items, total, page, pageSize }', async () => {
    const all = await list({});
    expect(all.total).toBe(7);
    expect(all.page).toBe(1);
    expect(all.pageSize).toBe(20);
    expect(idsOf(all.items)).toEqual(ids(...Object.keys(c)));

    const seen: string[] = [];
    const sizes: number[] = [];
    for (let page = 1; page <= 4; page++) {
      const p = await list({ page, pageSize: 2 });
      expect({ total: p.total, page: p.page, pageSize: p.pageSize }).toEqual({ total: 7, page, pageSize: 2 });
      sizes.push(p.items.length);
      seen.push(...p.items.map((i) => i.id));
    }
    expect(sizes).toEqual([2, 2, 2, 1]);
    expect(seen.slice().sort()).toEqual(idsOf(all.items));
    expect(seen).toEqual(all.items.map((i) => i.id));
    const beyond = await list({ page: 9, pageSize: 2 });
    expect(beyond.items).toEqual([]);
    expect(beyond.total).toBe(7);
  });

  it('filters by status, grade, category, region and handling unit', async () => {
    expect(idsOf((await list({ status: 'registered' })).items)).toEqual(ids('oldHousing', 'bylaw', 'court', 'firm', 'fresh'));
    expect(idsOf((await list({ status: 'rejected' })).items)).toEqual(ids('rejected'));
    expect(idsOf((await list({ status: 'accepted' })).items)).toEqual(ids('accepted'));
    expect(idsOf((await list({ status: 'closed' })).items)).toEqual([]);
    expect(idsOf((await list({ grade: 'escalated' })).items)).toEqual(ids('oldHousing'));
    expect(idsOf((await list({ grade: 'joint-consultation' })).items)).toEqual(ids('court'));
    expect(idsOf((await list({ category: 'legislation' })).items)).toEqual(ids('bylaw'));
    expect(idsOf((await list({ region: '茅箭区' })).items)).toEqual(ids('oldHousing', 'court'));
    expect(idsOf((await list({ unit: 'COURT' })).items)).toEqual(ids('court'));
    expect(idsOf((await list({ unit: 'GOV' })).items)).toEqual(ids('oldHousing', 'firm', 'accepted'));
    const combined = await list({ region: '茅箭区', grade: 'escalated', status: 'registered' });
    expect(idsOf(combined.items)).toEqual(ids('oldHousing'));
    expect(combined.total).toBe(1);
  });

  it('filters overdue cases and by deadline', async () => {
    const overdue = await list({ overdue: true });
    expect(idsOf(overdue.items)).toEqual(ids('oldHousing', 'bylaw', 'court', 'firm'));
    expect(overdue.items.every((i) => i.deadlines.overdue && (i.deadlines.daysLeft ?? 0) < 0)).toBe(true);
    const onTime = await list({ overdue: false });
    expect(idsOf(onTime.items)).toEqual(ids('rejected', 'accepted', 'fresh'));
    expect(onTime.items.every((i) => !i.deadlines.overdue)).toBe(true);

    const before = await list({ dueBefore: '2026-12-12T00:00:00+08:00' });
    expect(idsOf(before.items)).toEqual(ids('oldHousing', 'bylaw', 'court', 'firm'));
    expect(before.items.every((i) => i.deadlines.dueAt !== null && i.deadlines.dueAt < '2026-12-11T16:00:00.000Z')).toBe(true);
    expect(idsOf((await list({ dueBefore: '2026-12-11T00:00:00+08:00' })).items)).toEqual([]);
    const soonish = await list({ dueBefore: '2027-01-10T00:00:00+08:00' });
    expect(idsOf(soonish.items)).toEqual(ids('oldHousing', 'bylaw', 'court', 'firm', 'fresh'));
  });

  it('searches by case code and by words of the subject', async () => {
    expect(idsOf((await list({ q: c.bylaw.code })).items)).toEqual(ids('bylaw'));
    expect(idsOf((await list({ q: c.bylaw.code.toLowerCase() })).items)).toEqual(ids('bylaw'));
    expect(idsOf((await list({ q: '物业' })).items)).toEqual(ids('bylaw'));
    expect(idsOf((await list({ q: '老旧小区' })).items)).toEqual(ids('oldHousing'));
    expect(idsOf((await list({ q: '上下游' })).items)).toEqual(ids('firm'));
    expect((await list({ q: '没有这个词' })).total).toBe(0);
    // LIKE wildcards are literal.
    expect((await list({ q: '%' })).total).toBe(0);
    expect((await list({ q: '_' })).total).toBe(0);
  });

  it('sorts by the running deadline, cases without one last', async () => {
    for (const sort of [undefined, 'dueAt', '-dueAt'] as const) {
      const res = await list(sort ? { sort } : {});
      const dues = res.items.map((i) => i.deadlines.dueAt);
      expect(dues.at(-1)).toBeNull();
      expect(res.items.at(-1)?.id).toBe(c.rejected.id);
      const running = dues.slice(0, -1) as string[];
      expect(running.every((d) => d !== null)).toBe(true);
      const ordered = running.slice().sort();
      expect(running).toEqual(sort === '-dueAt' ? ordered.reverse() : ordered);
    }
    const byCode = (await list({ sort: 'code' })).items.map((i) => i.code);
    expect(byCode).toEqual(byCode.slice().sort());
    expect(byCode).toHaveLength(7);
  });

  it.each([
    ['status', 'bogus'],
    ['grade', 'urgent'],
    ['category', 'housing'],
    ['overdue', 'maybe'],
    ['dueBefore', 'tomorrow'],
    ['page', '0'],
    ['page', 'abc'],
    ['pageSize', '500'],
    ['pageSize', '-1'],
    ['sort', 'priority'],
    ['q', 'x'.repeat(101)],
    ['color', 'red'],
  ])('refuses %s=%s with 400', async (name, value) => {
    const res = await t.http.get('/cases').set(bearer(secretary)).query({ [name]: value });
    expectError(res, 400, 'VALIDATION_FAILED');
  });
});
