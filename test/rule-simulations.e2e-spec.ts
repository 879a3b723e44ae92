import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer } from './support/factories.js';
import { registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

type Rule = { name: string; conditions: { all?: { fact: string; operator: string; value: unknown }[] } };
type Cell = { from: string; to: string; count: number };

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('rules: simulation as a job (试运行作业)', () => {
  const t = useTestApp();
  let admin: string;
  let draftId: string;
  const groupCodes: string[] = [];

  /** The active rules with every `headcount ≥ 5` raised to 10. */
  const threshold10 = (rules: Rule[]): Rule[] =>
    rules.map((r) => ({
      ...r,
      conditions: {
        ...r.conditions,
        ...(r.conditions.all
          ? { all: r.conditions.all.map((c) => (c.fact === 'headcount' && c.operator === 'greaterThanInclusive' && c.value === 5 ? { ...c, value: 10 } : c)) }
          : {}),
      },
    }));

  beforeAll(async () => {
    admin = await t.token('admin');
    const secretary = await t.token('secretary');
    for (const headcount of [5, 6, 7, 8, 9]) groupCodes.push((await registerCase<{ code: string }>(t, secretary, { headcount })).code);
    for (let i = 0; i < 3; i++) await registerCase(t, secretary, { headcount: 3 });
    await t.relay.drain();
    const active = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body;
    const rules = threshold10(active.rules);
    expect(JSON.stringify(rules)).not.toEqual(JSON.stringify(active.rules));
    draftId = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '集体访门槛调整为 10 人', rules, basedOn: active.version }).expect(201)).body.id;
  });

  it('runs a draft over every stored case as a job: escalated → normal for the groups of 5–9, the cell lists them', async () => {
    const started = await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(202);
    expect(started.body).toMatchObject({ ruleSetId: draftId, status: 'queued', scanned: 0, report: null, createdBy: 'admin', error: null, durationMs: null });
    await t.relay.drain();

    const run = (await t.http.get(`/rules/simulations/${started.body.id}`).set(bearer(admin)).expect(200)).body;
    expect(run).toMatchObject({ status: 'done', scanned: 8, total: 8, activeVersion: 1, error: null });
    expect(run.durationMs).toEqual(expect.any(Number));
    const grade: Cell[] = run.report.matrix.grade;
    expect(grade).toContainEqual({ from: 'escalated', to: 'normal', count: 5 });
    expect(grade).toContainEqual({ from: 'normal', to: 'normal', count: 3 });
    expect(grade.reduce((n, c) => n + c.count, 0)).toBe(8);
    expect(run.report.matrix.route.reduce((n: number, c: Cell) => n + c.count, 0)).toBe(8);
    expect(run.report.matrix.meeting.reduce((n: number, c: Cell) => n + c.count, 0)).toBe(8);
    expect(run.report).toMatchObject({ scanned: 8, changed: 5, grades: { before: { escalated: 5, normal: 3 }, after: { normal: 8 } } });

    const cell = await t.http.get(`/rules/simulations/${run.id}/cases`).query({ dimension: 'grade', from: 'escalated', to: 'normal' }).set(bearer(admin)).expect(200);
    expect(cell.body.total).toBe(5);
    expect(cell.body.items.map((i: { code: string }) => i.code).sort()).toEqual([...groupCodes].sort());
    expect(cell.body.items[0]).toMatchObject({ before: { grade: 'escalated' }, after: { grade: 'normal' } });
    expect(cell.body.items[0].subject).toEqual(expect.any(String));
    const paged = await t.http.get(`/rules/simulations/${run.id}/cases`).query({ dimension: 'grade', from: 'escalated', to: 'normal', page: 2, pageSize: 2 }).set(bearer(admin)).expect(200);
    expect(paged.body).toMatchObject({ total: 5 });
    expect(paged.body.items).toHaveLength(2);
    // Unchanged cells are counted, their cases not kept.
    const diagonal = await t.http.get(`/rules/simulations/${run.id}/cases`).query({ dimension: 'grade', from: 'normal', to: 'normal' }).set(bearer(admin)).expect(200);
    expect(diagonal.body).toEqual({ total: 0, items: [] });

    // The synchronous path is the same loop and carries the same matrices.
    const sync = (await t.http.post(`/rules/sets/${draftId}/simulate`).set(bearer(admin)).send({}).expect(200)).body;
    expect(sync).toMatchObject({ scanned: 8, changed: 5, gradeChanges: [{ from: 'escalated', to: 'normal', count: 5 }] });
    expect(sync.matrix).toEqual(run.report.matrix);

    const finished = await t.http.post(`/rules/simulations/${run.id}/cancel`).set(bearer(admin)).expect(409);
    expect(finished.body.code).toBe('SIMULATION_FINISHED');
  });

  it('cancels a queued run at once; a scope narrows the cases', async () => {
    const queued = (await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({ scope: { category: 'legislation' } }).expect(202)).body;
    expect(queued.scope).toEqual({ category: 'legislation' });
    const cancelled = await t.http.post(`/rules/simulations/${queued.id}/cancel`).set(bearer(admin)).expect(200);
    expect(cancelled.body).toMatchObject({ id: queued.id, status: 'cancelled', cancelRequested: true });
    await t.relay.drain();
    expect((await t.http.get(`/rules/simulations/${queued.id}`).set(bearer(admin)).expect(200)).body).toMatchObject({ status: 'cancelled', scanned: 0 });

    const scoped = (await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({ scope: { statuses: ['closed'] } }).expect(202)).body;
    await t.relay.drain();
    expect((await t.http.get(`/rules/simulations/${scoped.id}`).set(bearer(admin)).expect(200)).body).toMatchObject({ status: 'done', total: 0, scanned: 0, report: { scanned: 0, changed: 0 } });
  });

  it('asks a running run to stop: the job ends it cancelled with its report so far', async () => {
    const run = (await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(202)).body;
    // As if a worker had begun it (the suite's jobs run only inside drain()).
    await t.dataSource.query("UPDATE rule_simulations SET status = 'running' WHERE id = ?", [run.id]);
    const asked = await t.http.post(`/rules/simulations/${run.id}/cancel`).set(bearer(admin)).expect(200);
    expect(asked.body).toMatchObject({ status: 'running', cancelRequested: true, finishedAt: null });
    await t.relay.drain();
    const ended = (await t.http.get(`/rules/simulations/${run.id}`).set(bearer(admin)).expect(200)).body;
    expect(ended).toMatchObject({ status: 'cancelled', report: { scanned: 0, changed: 0 } });
    expect(ended.finishedAt).toEqual(expect.any(String));
  });

  it('ends a running run at once when cancel is asked twice (its worker may be gone), and a run asked to stop no longer counts against the cap', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(202)).body.id);
    // As if their workers had begun them and died.
    await t.dataSource.query(`UPDATE rule_simulations SET status = 'running' WHERE id IN (?, ?, ?)`, ids);
    await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(409);
    expect((await t.http.post(`/rules/simulations/${ids[0]}/cancel`).set(bearer(admin)).expect(200)).body).toMatchObject({ status: 'running', cancelRequested: true });
    const fourth = (await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(202)).body;
    const twice = await t.http.post(`/rules/simulations/${ids[0]}/cancel`).set(bearer(admin)).expect(200);
    expect(twice.body).toMatchObject({ status: 'cancelled', cancelRequested: true });
    expect(twice.body.finishedAt).toEqual(expect.any(String));
    for (const id of ids.slice(1)) {
      await t.http.post(`/rules/simulations/${id}/cancel`).set(bearer(admin)).expect(200);
      await t.http.post(`/rules/simulations/${id}/cancel`).set(bearer(admin)).expect(200);
    }
    await t.relay.drain();
    for (const id of ids) expect((await t.http.get(`/rules/simulations/${id}`).set(bearer(admin)).expect(200)).body.status).toBe('cancelled');
    expect((await t.http.get(`/rules/simulations/${fourth.id}`).set(bearer(admin)).expect(200)).body.status).toBe('done');
  });

  it('caps queued and running runs at 3 with a sentence', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(202)).body.id);
    const busy = await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(409);
    expect(busy.body).toMatchObject({ code: 'SIMULATION_BUSY' });
    expect(busy.body.message).toMatch(/试运行/);
    for (const id of ids) await t.http.post(`/rules/simulations/${id}/cancel`).set(bearer(admin)).expect(200);
    await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(202);
    await t.relay.drain();
  });

  it('keeps the last 20 runs of a rule set: older finished ones go with their cases when a new one starts', async () => {
    const active = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body;
    const set = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '保留最近 20 次试运行', rules: threshold10(active.rules) }).expect(201)).body;
    const ids: string[] = [];
    for (let i = 0; i < 22; i++) {
      t.clock.advanceMs(1000); // runs are ordered by their start time
      ids.push((await t.http.post(`/rules/sets/${set.id}/simulations`).set(bearer(admin)).send({}).expect(202)).body.id);
      await t.relay.drain();
    }
    const kept: { id: string }[] = await t.dataSource.query('SELECT id FROM rule_simulations WHERE ruleSetId = ?', [set.id]);
    expect(kept.map((r) => r.id).sort()).toEqual(ids.slice(2).sort());
    await t.http.get(`/rules/simulations/${ids[0]}`).set(bearer(admin)).expect(404);
    const orphans: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM rule_simulation_cases WHERE runId IN (?, ?)', [ids[0], ids[1]]);
    expect(Number(orphans[0].n)).toBe(0);
    const newest: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM rule_simulation_cases WHERE runId = ?', [ids[21]]);
    expect(Number(newest[0].n)).toBeGreaterThan(0);
  });

  it('ends failed with a sentence when the rule set is gone, without crashing the job', async () => {
    const active = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body;
    const doomed = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '将删除的草稿', rules: active.rules }).expect(201)).body;
    const run = (await t.http.post(`/rules/sets/${doomed.id}/simulations`).set(bearer(admin)).send({}).expect(202)).body;
    await t.http.delete(`/rules/sets/${doomed.id}`).set(bearer(admin)).expect(204);
    await t.relay.drain();
    const failed = (await t.http.get(`/rules/simulations/${run.id}`).set(bearer(admin)).expect(200)).body;
    expect(failed).toMatchObject({ status: 'failed', report: null });
    expect(failed.error).toMatch(/^试运行失败：找不到该规则集/);
    const job = await t.dataSource.query("SELECT status FROM outbox_jobs WHERE name = 'simulate-rule-set' AND status <> 'done'");
    expect(job).toEqual([]);
  });

  it('answers 404 for unknown runs and sets, 400 for a bad dimension, page or id', async () => {
    expect((await t.http.get(`/rules/simulations/${UNKNOWN}`).set(bearer(admin)).expect(404)).body.code).toBe('SIMULATION_NOT_FOUND');
    expect((await t.http.post(`/rules/simulations/${UNKNOWN}/cancel`).set(bearer(admin)).expect(404)).body.code).toBe('SIMULATION_NOT_FOUND');
    expect((await t.http.get(`/rules/simulations/${UNKNOWN}/cases`).query({ dimension: 'grade', from: 'a', to: 'b' }).set(bearer(admin)).expect(404)).body.code).toBe('SIMULATION_NOT_FOUND');
    expect((await t.http.post(`/rules/sets/${UNKNOWN}/simulations`).set(bearer(admin)).send({}).expect(404)).body.code).toBe('RULESET_NOT_FOUND');
    const run = (await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(202)).body;
    await t.relay.drain();
    for (const query of [{ dimension: 'colour', from: 'a', to: 'b' }, { dimension: 'grade', from: 'a' }, { dimension: 'grade', from: 'a', to: 'b', pageSize: 1000 }, { dimension: 'grade', from: 'a', to: 'b', page: 0 }]) {
      const res = await t.http.get(`/rules/simulations/${run.id}/cases`).query(query).set(bearer(admin)).expect(400);
      expect(res.body.code).toEqual(expect.any(String));
    }
    await t.http.get('/rules/simulations/not-a-uuid').set(bearer(admin)).expect(400);
    const badScope = await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({ scope: { statuses: ['nonsense'] } }).expect(400);
    expect(badScope.body.code).toEqual(expect.any(String));
  });

  it('is for admins only: secretariat, auditors and leaders get 403 on every route', async () => {
    const run = (await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(admin)).send({}).expect(202)).body;
    await t.relay.drain();
    for (const user of ['secretary', 'auditor', 'director'] as const) {
      const token = await t.token(user);
      await t.http.post(`/rules/sets/${draftId}/simulations`).set(bearer(token)).send({}).expect(403);
      await t.http.get(`/rules/simulations/${run.id}`).set(bearer(token)).expect(403);
      await t.http.post(`/rules/simulations/${run.id}/cancel`).set(bearer(token)).expect(403);
      await t.http.get(`/rules/simulations/${run.id}/cases`).query({ dimension: 'grade', from: 'escalated', to: 'normal' }).set(bearer(token)).expect(403);
    }
    await t.http.get(`/rules/simulations/${run.id}`).expect(401);
  });
});
