import { beforeAll, describe, expect, it, jest } from '@jest/globals';
import { CaseRepository } from '../src/cases/case.repository.js';
import { RegradeService } from '../src/rule-sets/regrade.service.js';
import { bearer } from './support/factories.js';
import { registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

type Rule = { name: string; conditions: unknown };

/**
 * A re-grade job that a newer publish or rollback overtakes while it runs must not overwrite the grades
 * the newer set gives. (Seen under load: a case registered under the newer set lost its grade and flags
 * to the older job.) The rollback is made to happen between the job's check of the active set and its
 * updates, deterministically, by running it when the job reads its first batch.
 */
describe('re-grading overtaken by a rollback', () => {
  const t = useTestApp();
  let admin: string;
  let secretary: string;

  beforeAll(async () => {
    admin = await t.token('admin');
    secretary = await t.token('secretary');
    await t.relay.drain();
  });

  it('changes no case once the set it grades by is no longer active', async () => {
    const v1 = (await t.http.get('/rules/active').set(bearer(admin)).expect(200)).body as { id: string; version: number; rules: Rule[] };
    const smallGroup = await registerCase<{ id: string; grade: string }>(t, secretary, { headcount: 3 });
    expect(smallGroup.grade).toBe('normal');

    // v2 escalates groups of 3 or more (v1: 5 or more).
    const rules = v1.rules.map((r) =>
      r.name === 'escalate-group-petition' ? { ...r, conditions: { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 3 }] } } : r,
    );
    // The jobs that publish and rollback enqueue are held back: only the run below re-grades.
    const service = t.app.get(RegradeService);
    const regrade = service.regrade.bind(service);
    const jobs = jest.spyOn(service, 'regrade').mockResolvedValue({ scanned: 0, changed: 0, failed: 0 });
    const draft = (await t.http.post('/rules/sets').set(bearer(admin)).send({ note: '集体访门槛 3 人', rules }).expect(201)).body as { id: string; version: number };
    await t.http.post(`/rules/sets/${draft.id}/publish`).set(bearer(admin)).expect(200);

    const repo = t.app.get(CaseRepository);
    const readBatch = repo.unroutedGradedBefore.bind(repo);
    const spy = jest.spyOn(repo, 'unroutedGradedBefore').mockImplementationOnce(async (...args) => {
      const batch = await readBatch(...args); // read while v2 is active, as the job would
      await t.http.post(`/rules/sets/${draft.id}/rollback`).set(bearer(admin)).expect(200); // v1 again
      return batch;
    });
    try {
      const result = await regrade(draft.version);
      expect(result).toMatchObject({ scanned: 1, changed: 0 });
      await t.relay.drain();
    } finally {
      spy.mockRestore();
      jobs.mockRestore();
    }
    const stored = (await t.http.get(`/cases/${smallGroup.id}`).set(bearer(secretary)).expect(200)).body as {
      grade: string;
      evaluation: { ruleSetVersion: number };
      timeline: { action: string }[];
    };
    expect({ grade: stored.grade, version: stored.evaluation.ruleSetVersion }).toEqual({ grade: 'normal', version: v1.version });
    expect(stored.timeline.map((e) => e.action)).not.toContain('regrade');
  });
});
