import { beforeAll, describe, expect, it } from '@jest/globals';
import { Ajv } from 'ajv';
import { JOB_NAMES } from '../src/jobs/job-names.js';
import { OutboxRepository } from '../src/jobs/outbox.repository.js';
import { bearer, caseBody } from './support/factories.js';
import { useTestApp } from './support/test-app.js';

describe('rules: JSON Schema of the format', () => {
  const t = useTestApp();
  let admin: string;

  beforeAll(async () => {
    admin = await t.token('admin');
  });

  it('serves the draft-07 schema to admin, secretariat and auditor (not leaders or deputies), and it accepts the active set', async () => {
    const res = await t.http.get('/rules/schema').set(bearer(admin)).expect(200);
    expect(res.body).toMatchObject({ $schema: 'http://json-schema.org/draft-07/schema#', title: '规则集', type: 'object' });
    const active = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body as { note: string; precedence: string[]; rules: unknown[] };
    const validate = new Ajv({ allErrors: true, strict: false }).compile(res.body as object);
    expect(validate({ note: active.note, precedence: active.precedence, rules: active.rules })).toBe(true);
    expect(validate({ note: 'x', rules: [{ name: 'r', priority: 0 }] })).toBe(false);

    for (const user of ['secretary', 'auditor'] as const) await t.http.get('/rules/schema').set(bearer(await t.token(user))).expect(200);
    for (const user of ['director', 'deputy1'] as const) {
      const refused = await t.http.get('/rules/schema').set(bearer(await t.token(user))).expect(403);
      expect(refused.body.code).toEqual(expect.any(String));
    }
    await t.http.get('/rules/schema').expect(401);
  });
});

type Rule = { name: string; priority: number; description?: string; conditions: { all?: { fact: string; operator: string; value: unknown }[] }; event: unknown };
type SetView = { id: string; version: number; status: string; active: boolean; publishedBy: string | null; publishedAt: string | null; rules: Rule[]; activationId?: string };
type ActivationView = {
  id: string;
  ruleSetId: string;
  version: number;
  action: string;
  fromVersion: number | null;
  note: string;
  by: string;
  at: string;
  regrade: { status: string; scanned: number; total: number; changed: number };
};

const caseBodyWith = (headcount: number): ReturnType<typeof caseBody> => caseBody({ headcount, category: 'urban-construction' });

/** The group threshold (escalate-group-petition, headcount ≥ 5) set to `value`. */
const withGroupThreshold = (rules: Rule[], value: number): Rule[] =>
  rules.map((r) => (r.name === 'escalate-group-petition' ? { ...r, conditions: { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value }] } } : r));

describe('rules: publish and rollback history', () => {
  const t = useTestApp();
  let admin: string;
  let secretary: string;
  let v1: SetView;
  let v2: SetView;
  let v3: SetView;

  const activations = async (token = admin): Promise<ActivationView[]> => (await t.http.get('/rules/activations').set(bearer(token)).expect(200)).body as ActivationView[];
  const set = async (id: string): Promise<SetView> => (await t.http.get(`/rules/sets/${id}`).set(bearer(admin)).expect(200)).body as SetView;
  const draft = async (note: string, rules: Rule[]): Promise<SetView> => (await t.http.post('/rules/sets').set(bearer(admin)).send({ note, rules }).expect(201)).body as SetView;

  beforeAll(async () => {
    admin = await t.token('admin');
    secretary = await t.token('secretary');
    v1 = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body as SetView;
    // Open cases the re-grades go over: three groups of 6–8 people (escalated by v1) and three single petitioners.
    for (const headcount of [6, 7, 8, 1, 1, 1]) await t.http.post('/cases').set(bearer(secretary)).send(caseBodyWith(headcount)).expect(201);
    await t.relay.drain();
  });

  it('starts with the first start’s activation of the shipped set, by system', async () => {
    expect(v1).toMatchObject({ version: 1, active: true, publishedBy: 'system' });
    const list = await activations();
    expect(list).toEqual([
      expect.objectContaining({ ruleSetId: v1.id, version: 1, action: 'publish', fromVersion: null, by: 'system', regrade: { status: 'done', scanned: 0, total: 0, changed: 0 } }),
    ]);
  });

  it('publishes with a note: the activation, its audit entry and the re-grade progress up to done with counts', async () => {
    const d2 = await draft('集体访门槛调整为 10 人', withGroupThreshold(v1.rules, 10));
    t.clock.advanceMs(60_000);
    const res = await t.http.post(`/rules/sets/${d2.id}/publish`).set(bearer(admin)).send({ note: '主任会议决定：集体访门槛 10 人' }).expect(200);
    v2 = res.body as SetView;
    expect(v2).toMatchObject({ id: d2.id, version: 2, active: true, status: 'published', publishedBy: 'admin', publishedAt: t.clock.now().toISOString() });
    expect(v2.activationId).toEqual(expect.stringMatching(/^[0-9a-f-]{36}$/));

    const queued = (await activations())[0];
    expect(queued).toMatchObject({ id: v2.activationId, ruleSetId: v2.id, version: 2, action: 'publish', fromVersion: 1, note: '主任会议决定：集体访门槛 10 人', by: 'admin' });
    expect(queued.regrade.status).toBe('queued');
    await t.relay.drain();
    const done = (await activations())[0];
    expect(done.regrade).toEqual({ status: 'done', total: 6, scanned: 6, changed: 3 });

    const audit: { action: string; entityId: string; data: string }[] = await t.dataSource.query(
      "SELECT action, entityId, data FROM audit_log WHERE action = 'ruleset.publish' AND entityId = ?",
      [v2.id],
    );
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0].data)).toMatchObject({ version: 2, fromVersion: 1, note: '主任会议决定：集体访门槛 10 人', activationId: v2.activationId });
    expect(await set(v1.id)).toMatchObject({ status: 'archived', active: false, publishedBy: 'system', publishedAt: v1.publishedAt });
  });

  it('rolls back without rewriting anyone’s publishedBy / publishedAt; history lists publish, publish, rollback with notes', async () => {
    const d3 = await draft('第三版：说明文字修订', withGroupThreshold(v1.rules, 10));
    t.clock.advanceMs(60_000);
    v3 = (await t.http.post(`/rules/sets/${d3.id}/publish`).set(bearer(admin)).send({ note: '第三版发布' }).expect(200)).body as SetView;
    await t.relay.drain();

    // Called on the active set (v3): back to the version published before it (v2).
    t.clock.advanceMs(60_000);
    const rolled = (await t.http.post(`/rules/sets/${v3.id}/rollback`).set(bearer(admin)).send({ note: '第三版有误，回到第二版' }).expect(200)).body as SetView;
    expect(rolled).toMatchObject({ id: v2.id, version: 2, active: true, publishedBy: 'admin', publishedAt: v2.publishedAt });
    expect(rolled.activationId).toEqual(expect.any(String));
    expect(await set(v3.id)).toMatchObject({ status: 'archived', publishedBy: 'admin', publishedAt: v3.publishedAt });
    expect(await set(v1.id)).toMatchObject({ publishedBy: 'system', publishedAt: v1.publishedAt });
    await t.relay.drain();

    const list = await activations();
    expect(list.map((a) => [a.action, a.version, a.fromVersion, a.note, a.by])).toEqual([
      ['rollback', 2, 3, '第三版有误，回到第二版', 'admin'],
      ['publish', 3, 2, '第三版发布', 'admin'],
      ['publish', 2, 1, '主任会议决定：集体访门槛 10 人', 'admin'],
      ['publish', 1, null, expect.any(String), 'system'],
    ]);
    expect(list[0]).toMatchObject({ id: rolled.activationId, ruleSetId: v2.id, at: t.clock.now().toISOString() });
    expect(list.every((a) => a.regrade.status === 'done' && a.regrade.scanned === a.regrade.total)).toBe(true);
    const audit: { action: string; data: string }[] = await t.dataSource.query("SELECT action, data FROM audit_log WHERE action = 'ruleset.rollback'");
    expect(audit.map((a) => JSON.parse(a.data) as unknown)).toEqual([{ version: 2, fromVersion: 3, note: '第三版有误，回到第二版', activationId: rolled.activationId }]);
  });

  it('rolls back on an earlier published set: that set becomes active again (v1 by system stays v1 by system)', async () => {
    const rolled = (await t.http.post(`/rules/sets/${v1.id}/rollback`).set(bearer(admin)).send({}).expect(200)).body as SetView;
    expect(rolled).toMatchObject({ id: v1.id, version: 1, active: true, publishedBy: 'system', publishedAt: v1.publishedAt });
    await t.relay.drain();
    const [last] = await activations();
    expect(last).toMatchObject({ action: 'rollback', version: 1, fromVersion: 2, note: '', regrade: { status: 'done', total: 6, scanned: 6, changed: 3 } });
    // The three groups are escalated again by v1.
    const cases = (await t.http.get('/cases?grade=escalated').set(bearer(secretary)).expect(200)).body as { total: number };
    expect(cases.total).toBe(3);
  });

  it('refuses a rollback of a draft and a note that is too long, null or unknown fields (4xx with a code)', async () => {
    const d = await draft('草稿', v1.rules);
    expect((await t.http.post(`/rules/sets/${d.id}/rollback`).set(bearer(admin)).send({ note: 'x' }).expect(409)).body.code).toBe('RULESET_ROLLBACK_UNAVAILABLE');
    for (const body of [{ note: 'x'.repeat(501) }, { note: null }, { note: 5 }, { reason: 'x' }]) {
      const res = await t.http.post(`/rules/sets/${d.id}/publish`).set(bearer(admin)).send(body).expect(400);
      expect(res.body.code).toEqual(expect.any(String));
    }
    expect((await set(d.id)).status).toBe('draft');
    await t.http.post(`/rules/sets/00000000-0000-4000-8000-000000000000/rollback`).set(bearer(admin)).send({}).expect(404);
  });

  it('lets admin, secretariat and auditor read the activations; only admins publish or roll back', async () => {
    for (const user of ['secretary', 'auditor'] as const) expect((await activations(await t.token(user))).length).toBeGreaterThanOrEqual(5);
    for (const user of ['director', 'deputy1'] as const) await t.http.get('/rules/activations').set(bearer(await t.token(user))).expect(403);
    const d = await draft('草稿', v1.rules);
    for (const user of ['secretary', 'auditor', 'director'] as const) {
      const token = await t.token(user);
      await t.http.post(`/rules/sets/${d.id}/publish`).set(bearer(token)).send({ note: 'x' }).expect(403);
      await t.http.post(`/rules/sets/${v2.id}/rollback`).set(bearer(token)).send({ note: 'x' }).expect(403);
    }
    await t.http.get('/rules/activations').expect(401);
  });

  it('still runs a re-grade job queued without an activation (payload of an earlier version)', async () => {
    const before = await activations();
    const outbox = t.app.get(OutboxRepository);
    await t.dataSource.transaction((em) => outbox.enqueue(em, JOB_NAMES.regradeOpenCases, { ruleSetVersion: 1 }, t.clock.now()));
    await t.relay.drain();
    const failed: { n: number | string }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM outbox_jobs WHERE name = 'regrade-open-cases' AND status <> 'done'");
    expect(Number(failed[0].n)).toBe(0);
    expect(await activations()).toEqual(before);
  });
});

describe('rules: the diff of two versions in words', () => {
  const t = useTestApp();
  let admin: string;
  let v1: SetView;
  let draftId: string;

  beforeAll(async () => {
    admin = await t.token('admin');
    v1 = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body as SetView;
    const rules = withGroupThreshold(v1.rules, 10).map((r) =>
      r.name === 'route-urban-construction' ? { ...r, event: { type: 'route', params: { committee: 'UCEC', handledBy: 'UCEC', mode: 'transfer' } } } : r,
    );
    draftId = ((await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '集体访门槛 10 人；城建类由城建环保委办理', rules }).expect(201)).body as SetView).id;
  });

  it('words the changes from `against` to :id, both ways', async () => {
    const res = await t.http.get(`/rules/sets/${draftId}/diff?against=${v1.id}`).set(bearer(admin)).expect(200);
    expect(res.body).toEqual({
      from: { id: v1.id, version: 1 },
      to: { id: draftId, version: 2 },
      changes: [
        { rule: null, kind: 'note', zh: expect.stringContaining('→ “集体访门槛 10 人；城建类由城建环保委办理”'), en: expect.any(String) },
        { rule: 'escalate-group-petition', kind: 'changed', zh: '集体访提级办理（信访人数）门槛：5人 → 10人', en: 'escalate-group-petition (Petitioners) threshold: 5 people → 10 people' },
        { rule: 'route-urban-construction', kind: 'changed', zh: '城建类：办理单位 GOV → UCEC', en: 'Urban construction: handling unit GOV → UCEC' },
      ],
    });
    const back = await t.http.get(`/rules/sets/${v1.id}/diff?against=${draftId}`).set(bearer(admin)).expect(200);
    expect(back.body.changes.map((c: { zh: string }) => c.zh)).toContain('集体访提级办理（信访人数）门槛：10人 → 5人');
    const none = await t.http.get(`/rules/sets/${v1.id}/diff?against=${v1.id}`).set(bearer(admin)).expect(200);
    expect(none.body.changes).toEqual([]);
  });

  it('answers 404 for unknown sets and 400 when against is missing or not a uuid', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await t.http.get(`/rules/sets/${unknown}/diff?against=${v1.id}`).set(bearer(admin)).expect(404)).body.code).toBe('RULESET_NOT_FOUND');
    expect((await t.http.get(`/rules/sets/${v1.id}/diff?against=${unknown}`).set(bearer(admin)).expect(404)).body.code).toBe('RULESET_NOT_FOUND');
    for (const query of ['', '?against=', '?against=42', '?against=110101199003077777', `?against=${v1.id}&against=${draftId}`]) {
      const res = await t.http.get(`/rules/sets/${v1.id}/diff${query}`).set(bearer(admin)).expect(400);
      expect(res.body.code).toBe('INVALID_ID');
      expect(JSON.stringify(res.body)).not.toContain('110101199003077777');
    }
    await t.http.get(`/rules/sets/nope/diff?against=${v1.id}`).set(bearer(admin)).expect(400);
  });

  it('lets admin, secretariat and auditor read a diff; not leaders or deputies', async () => {
    for (const user of ['secretary', 'auditor'] as const) await t.http.get(`/rules/sets/${draftId}/diff?against=${v1.id}`).set(bearer(await t.token(user))).expect(200);
    for (const user of ['director', 'deputy1'] as const) await t.http.get(`/rules/sets/${draftId}/diff?against=${v1.id}`).set(bearer(await t.token(user))).expect(403);
    await t.http.get(`/rules/sets/${draftId}/diff?against=${v1.id}`).expect(401);
  });
});
