import { beforeAll, describe, expect, it } from '@jest/globals';
import { RuleSet } from '../src/rule-sets/rule-set.entity.js';
import { bearer, caseBody } from './support/factories.js';
import { registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

type Rule = { name: string; priority: number; conditions: { all?: { fact: string; operator: string; value: unknown }[] }; event: unknown };

describe('rules: drafts, validation, simulation, publishing, rollback', () => {
  const t = useTestApp();
  let admin: string;
  let secretary: string;
  let v1: { id: string; version: number; rules: Rule[] };
  const routedIds: string[] = [];
  const registeredSmallGroups: string[] = [];

  /** The active rules with the group-petition threshold (headcount ≥ 5) lowered to 3. */
  const threshold3 = (rules: Rule[]): Rule[] =>
    rules.map((r) =>
      r.name === 'escalate-group-petition' ? { ...r, conditions: { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 3 }] } } : r,
    );
  const register = (overrides = {}): Promise<{ id: string; grade: string; evaluation: { ruleSetVersion: number } }> => registerCase(t, secretary, overrides);

  beforeAll(async () => {
    admin = await t.token('admin');
    secretary = await t.token('secretary');
    v1 = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body;
    // The corpus the simulation runs over: 4 + 1 cases of 3–4 people, 2 groups of 6, 3 single petitioners.
    for (const headcount of [3, 3, 4, 4]) registeredSmallGroups.push((await register({ headcount })).id);
    registeredSmallGroups.push((await register({ headcount: 3, category: 'legislation' })).id);
    await register({ headcount: 6 });
    await register({ headcount: 6 });
    for (let i = 0; i < 3; i++) await register();
    // One small group already routed: publishing must not change it.
    const routed = await register({ headcount: 3 });
    await t.http.post(`/cases/${routed.id}/actions`).set(bearer(secretary)).send({ action: 'accept' }).expect(200);
    await t.http.post(`/cases/${routed.id}/actions`).set(bearer(secretary)).send({ action: 'transfer' }).expect(200);
    routedIds.push(routed.id);
    await t.relay.drain();
  });

  it('starts with the shipped set as version 1, published and active', () => {
    expect(v1).toMatchObject({ version: 1, status: 'published', active: true });
    expect(v1.rules.length).toBeGreaterThan(20);
  });

  it('refuses drafts with errors, pointing at the rule and path, and saves nothing', async () => {
    const before = (await t.http.get('/rules/sets').set(bearer(admin)).expect(200)).body.length;
    const rules = [
      { name: 'no-conditions', priority: 100, event: { type: 'grade', params: { grade: 'escalated' } } },
      { name: 'typo-fact', priority: 100, conditions: { all: [{ fact: 'headcont', operator: 'greaterThanInclusive', value: 5 }] }, event: { type: 'grade', params: { grade: 'escalated' } } },
      { name: 'no-such-operator', priority: 100, conditions: { all: [{ fact: 'headcount', operator: 'atLeast', value: 5 }] }, event: { type: 'grade', params: { grade: 'escalated' } } },
      { name: 'wrong-type', priority: 100, conditions: { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 'five' }] }, event: { type: 'grade', params: { grade: 'escalated' } } },
      { name: 'unknown-event', priority: 100, conditions: { all: [{ fact: 'important', operator: 'equal', value: true }] }, event: { type: 'sms', params: {} } },
      { name: 'unknown-unit', priority: 90, conditions: { all: [{ fact: 'category', operator: 'equal', value: 'economy' }] }, event: { type: 'route', params: { committee: 'FEC', handledBy: 'MARS', mode: 'transfer' } } },
      { name: 'unknown-grade', priority: 100, conditions: { all: [{ fact: 'important', operator: 'equal', value: true }] }, event: { type: 'grade', params: { grade: 'urgent' } } },
    ];
    const res = await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '有错误的草稿', rules }).expect(400);
    expect(res.body.code).toBe('RULESET_INVALID');
    const paths = res.body.details.errors.map((e: { path: string }) => e.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'rules[0].conditions',
        'rules[1].conditions.all[0].fact',
        'rules[2].conditions.all[0].operator',
        'rules[3].conditions.all[0].value',
        'rules[4].event.type',
        'rules[5].event.params.handledBy',
        'rules[6].event.params.grade',
      ]),
    );
    expect(res.body.message).toMatch(/规则集有 \d+ 处错误/);

    let nested: unknown = { fact: 'important', operator: 'equal', value: true };
    for (let i = 0; i < 12; i++) nested = { all: [nested] };
    const deep = await t.http
      .post('/rules/sets')
      .set(bearer(admin))
      .send({ note: '嵌套过深', rules: [{ name: 'deep', priority: 100, conditions: nested, event: { type: 'grade', params: { grade: 'escalated' } } }] })
      .expect(400);
    expect(deep.body.details.errors[0].path).toMatch(/^rules\[0\]\.conditions/);

    await t.http.post('/rules/sets').set(bearer(admin)).set('content-type', 'application/json').send('{"note": "x", "rules": [').expect(400);
    const huge = await t.http.post('/rules/sets').set(bearer(admin)).send({ note: 'x', rules: [{ name: 'x'.repeat(11 * 1024 * 1024) }] }).expect(413);
    expect(huge.body.code).toBe('PAYLOAD_TOO_LARGE');
    await t.http.post('/rules/sets').set(bearer(secretary)).send({ note: 'x', rules: v1.rules }).expect(403);
    expect((await t.http.get('/rules/sets').set(bearer(admin)).expect(200)).body).toHaveLength(before);
  });

  it('simulates a draft over the stored cases with exact change counts, writing nothing', async () => {
    const draft = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '集体访门槛调整为 3 人', rules: threshold3(v1.rules), basedOn: 1 }).expect(201)).body;
    expect(draft).toMatchObject({ status: 'draft', active: false, basedOn: 1 });
    expect((await t.http.post(`/rules/sets/${draft.id}/validate`).set(bearer(admin)).expect(200)).body).toEqual({ valid: true, errors: [] });

    const report = (await t.http.post(`/rules/sets/${draft.id}/simulate`).set(bearer(admin)).send({}).expect(200)).body;
    expect(report.scanned).toBe(11);
    expect(report.changed).toBe(6); // five registered small groups and the routed one
    expect(report.gradeChanges).toEqual([{ from: 'normal', to: 'escalated', count: 6 }]);
    expect(report.routeChanges).toEqual([{ from: 'UCEC/GOV/transfer', to: 'UCEC/GOV/supervised', count: 5 }]);
    expect(report.meetingChanges).toEqual([{ from: null, to: 'supervision', count: 6 }]);
    expect(report.grades.before).toEqual({ normal: 9, escalated: 2 });
    expect(report.grades.after).toEqual({ normal: 3, escalated: 8 });
    expect(report.examples[0]).toMatchObject({ before: { grade: 'normal' }, after: { grade: 'escalated' } });

    const scoped = (await t.http.post(`/rules/sets/${draft.id}/simulate`).set(bearer(admin)).send({ scope: { category: 'legislation' } }).expect(200)).body;
    expect(scoped).toMatchObject({ scanned: 1, changed: 1 });
    const stillNormal = await t.http.get(`/cases/${registeredSmallGroups[0]}`).set(bearer(secretary)).expect(200);
    expect(stillNormal.body.grade).toBe('normal');
  });

  it('publishes a draft: new cases are graded by it with an explanation, open unrouted cases are re-graded, routed ones are not', async () => {
    const draft = (await t.http.get('/rules/sets').set(bearer(admin)).expect(200)).body.find((s: { status: string }) => s.status === 'draft');
    const edited = await t.http.put(`/rules/sets/${draft.id}`).set(bearer(admin)).send({ note: '集体访门槛调整为 3 人（经主任会议同意）', rules: draft.rules }).expect(200);
    expect(edited.body.note).toContain('主任会议');
    const published = await t.http.post(`/rules/sets/${draft.id}/publish`).set(bearer(admin)).expect(200);
    expect(published.body).toMatchObject({ status: 'published', active: true, publishedBy: 'admin' });
    expect((await t.http.get(`/rules/sets/${v1.id}`).set(bearer(admin)).expect(200)).body).toMatchObject({ status: 'archived', active: false });

    const fresh = await register({ headcount: 3 });
    expect(fresh.grade).toBe('escalated');
    expect(fresh.evaluation.ruleSetVersion).toBe(draft.version);
    const why = (fresh.evaluation as unknown as { firedRules: { name: string; conditions: unknown[] }[] }).firedRules.find((r) => r.name === 'escalate-group-petition');
    expect(why?.conditions).toEqual([{ fact: 'headcount', operator: 'greaterThanInclusive', value: 3, factResult: 3, result: true }]);

    await t.relay.drain();
    const regraded = await t.http.get(`/cases/${registeredSmallGroups[0]}`).set(bearer(secretary)).expect(200);
    expect(regraded.body).toMatchObject({ grade: 'escalated', meetingType: 'supervision', route: { mode: 'supervised' } });
    expect(regraded.body.timeline.at(-1)).toMatchObject({ action: 'regrade', data: { fromVersion: 1, toVersion: draft.version } });
    const routed = await t.http.get(`/cases/${routedIds[0]}`).set(bearer(secretary)).expect(200);
    expect(routed.body).toMatchObject({ grade: 'normal', route: { mode: 'transfer' } });

    const immutable = await t.http.put(`/rules/sets/${draft.id}`).set(bearer(admin)).send({ note: 'x', rules: draft.rules }).expect(409);
    expect(immutable.body.code).toBe('RULESET_IMMUTABLE');
    const again = await t.http.post(`/rules/sets/${draft.id}/publish`).set(bearer(admin)).expect(409);
    expect(again.body.code).toBe('RULESET_NOT_DRAFT');
  });

  it('rolls back to the previous version, and new cases are graded by it again', async () => {
    const active = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body;
    const rolled = await t.http.post(`/rules/sets/${active.id}/rollback`).set(bearer(admin)).expect(200);
    expect(rolled.body).toMatchObject({ id: v1.id, version: 1, active: true });
    const fresh = await register({ headcount: 3 });
    expect(fresh.grade).toBe('normal');
    expect(fresh.evaluation.ruleSetVersion).toBe(1);
    const audit: { action: string; actorName: string }[] = await t.dataSource.query("SELECT action, actorName FROM audit_log WHERE entityType = 'rule-set' ORDER BY at, action");
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['ruleset.create', 'ruleset.update', 'ruleset.publish', 'ruleset.rollback']));
    expect(audit.every((a) => a.actorName === '系统管理员')).toBe(true);
  });

  it('leaves exactly one active set when two drafts are published at once', async () => {
    const a = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '草稿甲', rules: threshold3(v1.rules) }).expect(201)).body;
    const b = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '草稿乙', rules: v1.rules }).expect(201)).body;
    const results = await Promise.all([a, b].map((d) => t.http.post(`/rules/sets/${d.id}/publish`).set(bearer(admin))));
    expect(results.map((r) => r.status).every((s) => s === 200 || s === 409)).toBe(true);
    const active: { n: number }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM rule_sets WHERE activeMarker = 1 AND status = 'published'");
    expect(Number(active[0].n)).toBe(1);
    const published: { n: number }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM rule_sets WHERE status = 'published'");
    expect(Number(published[0].n)).toBe(1);
  });

  it('dry-runs one case by the active set or any stored set, with fact overrides, storing nothing', async () => {
    const count = async (): Promise<number> => Number((await t.dataSource.query('SELECT COUNT(*) AS n FROM cases'))[0].n);
    const before = await count();
    const res = await t.http.post('/rules/evaluate').set(bearer(secretary)).send({ ...caseBody(), repeatCount: 2 }).expect(200);
    expect(res.body).toMatchObject({ grade: 'escalated', flags: expect.arrayContaining(['repeat-petition']), facts: { repeatCount: 2 } });
    expect(res.body.deadlines.acceptDueAt).toBe('2026-12-11T15:59:59.999Z');
    const byV1 = await t.http.post(`/rules/evaluate?set=${v1.id}`).set(bearer(secretary)).send(caseBody({ headcount: 3 })).expect(200);
    expect(byV1.body.evaluation.ruleSetVersion).toBe(1);
    expect(await count()).toBe(before);
    const bad = await t.http.post('/rules/evaluate?set=nope').set(bearer(secretary)).send(caseBody()).expect(400);
    expect(bad.body.code).toBe('INVALID_ID');
  });

  it('never loses a case to a broken rule at run time: it is registered as normal with needs-review', async () => {
    // A rule reading a fact that does not exist, stored bypassing the validator (as an old version might have).
    const repo = t.dataSource.getRepository(RuleSet);
    const active = (await repo.findOneBy({ activeMarker: 1 })) as RuleSet;
    const broken = { ...active, id: '7d1c2a58-1b1d-4c41-9a55-0d6f4f2b9a10', version: 99, activeMarker: null, status: 'archived' as const, publishedAt: new Date() };
    broken.rules = [...active.rules, { name: 'broken', priority: 100, conditions: { all: [{ fact: 'mood', operator: 'equal', value: 'angry' }] }, event: { type: 'grade', params: { grade: 'escalated' } } }] as RuleSet['rules'];
    await repo.insert(broken);
    await t.http.post(`/rules/sets/${broken.id}/rollback`).set(bearer(admin)).expect(200);

    const res = await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ provincialReferral: true }));
    expect(res.status).toBe(201);
    expect(res.body.grade).toBe('normal');
    expect(res.body.flags).toContain('needs-review');
    expect(res.body.evaluation.error).toEqual(expect.any(String));
    await t.relay.drain(); // the re-grade after the rollback keeps earlier grades: the broken set fails on them
    const review = await t.http.get('/cases?flag=needs-review').set(bearer(secretary)).expect(200);
    expect(review.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });
});
