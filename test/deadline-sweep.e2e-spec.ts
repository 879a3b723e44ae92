import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { PetitionCase } from '../src/cases/case.entity.js';
import { readEml } from './support/eml.js';
import { bearer } from './support/factories.js';
import { caseAction, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

describe('deadlines: derived overdue, the sweep, urging notices and reminders', () => {
  const t = useTestApp();
  let secretary: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    await t.relay.drain(); // the daily sweep the scheduler enqueued at start-up
  });

  const register = async (overrides = {}): Promise<string> => (await registerCase<{ id: string }>(t, secretary, overrides)).id;
  const act = (id: string, body: Record<string, unknown>) => caseAction(t, secretary, id, body);
  const get = async (id: string) => (await t.http.get(`/cases/${id}`).set(bearer(secretary)).expect(200)).body;
  const sweep = async (): Promise<void> => {
    const job = await t.http.post('/jobs/deadline-sweep').set(bearer(secretary)).expect(202);
    expect(job.body.name).toBe('deadline-sweep');
    await t.relay.drain();
    const done = await t.http.get(`/jobs/${job.body.id}`).set(bearer(secretary)).expect(200);
    expect(done.body.status).toBe('done');
  };
  const notices = (caseId: string): Promise<{ kind: string; unitCode: string }[]> =>
    t.dataSource.query('SELECT kind, unitCode FROM case_notices WHERE caseId = ? ORDER BY kind', [caseId]);
  const outboxFiles = (): string[] => readdirSync(join(t.config.dataDir, 'outbox')).filter((f) => f.endsWith('.eml'));

  it('derives overdue from the deadline and the clock, never from a stored flag', async () => {
    const id = await register();
    await act(id, { action: 'accept' });
    const fresh = await get(id);
    expect(fresh.deadlines.overdue).toBe(false);
    expect(fresh.deadlines.daysLeft).toBe(60);

    t.clock.advanceDays(55);
    const soon = await get(id);
    expect(soon.deadlines).toMatchObject({ overdue: false, dueSoon: true, daysLeft: 5 });

    t.clock.advanceDays(10);
    const late = await get(id);
    expect(late.deadlines).toMatchObject({ overdue: true, dueSoon: false, daysLeft: -5 });
    const ledger = await t.http.get('/cases?overdue=true&pageSize=200').set(bearer(secretary)).expect(200);
    expect(ledger.body.items.map((c: { id: string }) => c.id)).toContain(id);
    const notOverdue = await t.http.get('/cases?overdue=false&pageSize=200').set(bearer(secretary)).expect(200);
    expect(notOverdue.body.items.map((c: { id: string }) => c.id)).not.toContain(id);
  });

  it('creates each urging notice exactly once, however often the sweep runs, and mails one digest per unit', async () => {
    t.clock.set('2026-11-26T02:00:00.000Z');
    const overdueId = await register(); // urban construction, normal grade: transferred to the city government
    await act(overdueId, { action: 'accept' });
    await act(overdueId, { action: 'transfer' });
    const extendedId = await register({ category: 'legislation' });
    await act(extendedId, { action: 'accept' });
    await act(extendedId, { action: 'route' });
    await act(extendedId, { action: 'extend', days: 10, reason: '需征求相关部门意见', approver: '李明华' });
    const repliedId = await register({ category: 'legislation' });
    await act(repliedId, { action: 'accept' });
    await act(repliedId, { action: 'route' });
    await act(repliedId, { action: 'start' });
    await act(repliedId, { action: 'reply', reason: '已答复' });

    // 61 days on: the first case (due day 60) is overdue; the extended one (due day 70) has 9 days left.
    t.clock.advanceDays(61);
    const mailsBefore = outboxFiles();
    await sweep();
    await sweep();

    expect(await notices(overdueId)).toEqual([{ kind: 'overdue', unitCode: 'GOV' }]);
    expect(await notices(extendedId)).toEqual([]);
    expect(await notices(repliedId)).toEqual([]);
    const urges = (await get(overdueId)).timeline.filter((e: { action: string }) => e.action === 'urge');
    expect(urges).toHaveLength(1);
    expect(urges[0].actor.id).toBe('system');
    expect(urges[0].data).toMatchObject({ automatic: true, kind: 'overdue', unit: 'GOV' });

    t.clock.advanceDays(3); // 6 days left on the extended case: inside the 7-day window
    await sweep();
    await sweep();
    expect(await notices(extendedId)).toEqual([{ kind: 'due-soon', unitCode: 'LAC' }]);
    expect(await notices(overdueId)).toHaveLength(1);

    const mails = outboxFiles()
      .filter((f) => !mailsBefore.includes(f))
      .map((f) => readEml(readFileSync(join(t.config.dataDir, 'outbox', f), 'utf8')));
    const toGov = mails.filter((m) => m.headers.to === 'xinfang@gov.example.cn');
    const toLac = mails.filter((m) => m.headers.to === 'fagongwei@renda.example.cn');
    expect(toGov).toHaveLength(1); // one digest for the unit, not one per sweep
    expect(toLac).toHaveLength(1);
    const overdueCode = (await get(overdueId)).code as string;
    expect(toGov[0].subject).toContain('催办通知');
    expect(toGov[0].text).toContain(overdueCode);
    expect(toGov[0].text).toContain('已超期');
    expect(toLac[0].text).toContain('即将到期');
  });

  it('catches, in the next daily sweep, a deadline moved into a range an earlier sweep already covered', async () => {
    const id = await register({ category: 'legislation' });
    await act(id, { action: 'accept' }); // due in 60 days: not yet due soon
    await sweep();
    expect(await notices(id)).toEqual([]);
    // Something moves its deadline to 3 days from now (e.g. a meeting's requirement): the case changes.
    const now = t.clock.now();
    t.clock.advanceMs(60_000);
    await t.dataSource.getRepository(PetitionCase).update({ id }, { dueAt: new Date(now.getTime() + 3 * 86_400_000), updatedAt: t.clock.now() });
    t.clock.advanceMs(60_000);
    await sweep();
    expect(await notices(id)).toEqual([{ kind: 'due-soon', unitCode: 'LAC' }]);
    await sweep();
    expect(await notices(id)).toHaveLength(1);
  });

  it('records a manual urge as a notice for the handling unit and a timeline event', async () => {
    const id = await register({ category: 'legislation' });
    await act(id, { action: 'accept' });
    await act(id, { action: 'route' });
    const urged = await act(id, { action: 'urge', note: '请于本周内报送办理进展' });
    expect(urged.body.timeline.at(-1)).toMatchObject({ action: 'urge', reason: '请于本周内报送办理进展' });
    expect(await notices(id)).toEqual([{ kind: 'manual', unitCode: 'LAC' }]);
  });
});
