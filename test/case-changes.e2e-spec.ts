import { beforeAll, describe, expect, it } from '@jest/globals';
import { overdueUrgeEvent } from '../src/cases/case-events.js';
import { CaseReader } from '../src/cases/case-reader.js';
import { DeadlineSweepService } from '../src/cases/deadline-sweep.service.js';
import { CaseRegrading } from '../src/cases/regrade-port.js';
import { bearer } from './support/factories.js';
import { caseAction, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

type TimelineEvent = { id: string; at: string; action: string; fromStatus: string | null; toStatus: string; actor: { id: string; name: string; role: string }; reason: string | null; data: Record<string, unknown> };
type StoredEvent = { id: string; caseVersion: number | string; action: string; fromStatus: string | null; toStatus: string; actorId: string; actorName: string; actorRole: string; reason: string | null; data: string };

/**
 * Issue 11: one owner of changes to a case (`CaseChanges`). Each path that changes a case records its
 * timeline event at the case's next version, in the same transaction, and the lifecycle's state machine
 * refuses what it would refuse for a case action.
 */
describe('one owner of case changes: every path records its event and bumps the version', () => {
  const t = useTestApp(); // 2026-11-26 10:00 Asia/Shanghai
  let secretary: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    await t.relay.drain();
  });

  const getCase = async (id: string) => (await t.http.get(`/cases/${id}`).set(bearer(secretary)).expect(200)).body as { id: string; status: string; version: number; grade: string; timeline: TimelineEvent[] };
  /** The stored rows (the API's timeline has no version): the event at each version of the case. */
  const storedEvents = (caseId: string): Promise<StoredEvent[]> =>
    t.dataSource.query('SELECT id, caseVersion, action, fromStatus, toStatus, actorId, actorName, actorRole, reason, data FROM case_events WHERE caseId = ? ORDER BY caseVersion, at, id', [caseId]);
  const storedVersion = async (caseId: string): Promise<number> => {
    const rows = await t.dataSource.query<{ version: number | string }[]>('SELECT version FROM cases WHERE id = ?', [caseId]);
    return Number(rows[0].version);
  };
  /** Every event at its own version, the last one at the case's version. */
  const expectVersionsInStep = async (caseId: string): Promise<void> => {
    const events = await storedEvents(caseId);
    expect(events.map((e) => Number(e.caseVersion))).toEqual(events.map((_, i) => i + 1));
    expect(await storedVersion(caseId)).toBe(events.length);
  };

  it('intake: the case starts at version 1 with its register event', async () => {
    const c = await registerCase<{ id: string; version: number }>(t, secretary);
    expect(c.version).toBe(1);
    const [event] = await storedEvents(c.id);
    expect(event).toMatchObject({ action: 'register', fromStatus: null, toStatus: 'registered', actorRole: 'secretariat' });
    expect(Number(event.caseVersion)).toBe(1);
  });

  it('a case action: its event at the next version; a refused transition changes nothing', async () => {
    const { id } = await registerCase<{ id: string }>(t, secretary);
    const refused = await caseAction(t, secretary, id, { action: 'reply', reason: '已答复' }, 409);
    expect(refused.body.code).toBe('CASE_INVALID_TRANSITION');
    expect(await storedVersion(id)).toBe(1);
    await caseAction(t, secretary, id, { action: 'accept' });
    const c = await getCase(id);
    expect([c.status, c.version]).toEqual(['accepted', 2]);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'accept', fromStatus: 'registered', toStatus: 'accepted' });
    await expectVersionsInStep(id);
  });

  it('a conversion: a convert event at the next version; the list window is [from, to)', async () => {
    const { id } = await registerCase<{ id: string }>(t, secretary);
    t.clock.set('2026-11-26T03:00:00.000Z');
    const created = await t.http.post(`/cases/${id}/conversions`).set(bearer(secretary)).send({ kind: 'supervision-topic', title: '物业管理专题监督' }).expect(201);
    const c = await getCase(id);
    expect(c.version).toBe(2);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'convert', fromStatus: 'registered', toStatus: 'registered', reason: '物业管理专题监督', data: { conversionId: created.body.id } });
    await expectVersionsInStep(id);

    const listed = async (query: string): Promise<string[]> =>
      ((await t.http.get(`/conversions?${query}`).set(bearer(secretary)).expect(200)).body as { id: string }[]).map((v) => v.id);
    const at = encodeURIComponent('2026-11-26T03:00:00.000Z');
    const before = encodeURIComponent('2026-11-26T02:59:59.999Z');
    const after = encodeURIComponent('2026-11-26T03:00:00.001Z');
    expect(await listed(`from=${at}`)).toContain(created.body.id); // the bottom is inclusive
    expect(await listed(`to=${at}`)).not.toContain(created.body.id); // the top is not (it was before)
    expect(await listed(`from=${before}&to=${at}`)).not.toContain(created.body.id);
    expect(await listed(`from=${at}&to=${after}`)).toContain(created.body.id);
  });

  it('leader assignment when a meeting is confirmed: an assign-leader event at the next version', async () => {
    const deputy = t.leaders.get('deputy-2') as string;
    const { id } = await registerCase<{ id: string }>(t, secretary, { provincialReferral: true, category: 'economy', region: '竹溪县' });
    const meeting = await t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({ type: 'supervision', startAt: '2026-12-03T09:00:00+08:00', endAt: '2026-12-03T10:00:00+08:00', chairId: t.leaders.get('director'), agenda: [{ caseId: id, leadLeaderId: deputy, minutes: 20 }] })
      .expect(201);
    expect(await storedVersion(id)).toBe(1); // a draft changes no case
    await t.http.post(`/meetings/${meeting.body.id}/confirm`).set(bearer(secretary)).expect(200);
    const c = await getCase(id);
    expect(c.version).toBe(2);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'assign-leader', fromStatus: 'registered', toStatus: 'registered', data: { leaderId: deputy, previousLeaderId: null } });
    await expectVersionsInStep(id);
  });

  it('a re-grade: a regrade event at the next version; a case read before, or routed meanwhile, is refused', async () => {
    const regrading = t.app.get(CaseRegrading);
    const reader = t.app.get(CaseReader);
    const { id } = await registerCase<{ id: string }>(t, secretary);
    const before = await reader.findById(id);
    if (!before) throw new Error('case not found');
    expect(before.grade).toBe('normal');
    const escalated = { ...before.evaluation, grade: 'escalated' as const, ruleSetVersion: before.ruleSetVersion + 1 };
    expect(await regrading.applyGrade(before, escalated, t.clock.now(), () => Promise.resolve(true))).toBe('changed');
    const c = await getCase(id);
    expect([c.grade, c.version]).toEqual(['escalated', 2]);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'regrade', actor: { id: 'system', role: 'system' }, data: { before: { grade: 'normal' }, after: { grade: 'escalated' } } });
    await expectVersionsInStep(id);
    // The same case as read before the change: refused, nothing written.
    expect(await regrading.applyGrade(before, escalated, t.clock.now(), () => Promise.resolve(true))).toBe('refused');
    expect(await storedVersion(id)).toBe(2);
    // Routed meanwhile: the state machine refuses a re-grade once a case is routed.
    await caseAction(t, secretary, id, { action: 'accept' });
    await caseAction(t, secretary, id, { action: 'transfer' });
    const routed = await reader.findById(id);
    if (!routed) throw new Error('case not found');
    expect(await regrading.applyGrade(routed, { ...escalated, grade: 'normal' }, t.clock.now(), () => Promise.resolve(true))).toBe('refused');
    expect(await storedVersion(id)).toBe(routed.version);
  });

  it('the deadline sweep: in bulk, the urge event overdueUrgeEvent describes, at the version it leaves as it is', async () => {
    t.clock.set('2026-11-26T04:00:00.000Z');
    const { id } = await registerCase<{ id: string }>(t, secretary, { category: 'legislation' });
    await caseAction(t, secretary, id, { action: 'accept' });
    await caseAction(t, secretary, id, { action: 'route' });
    const routed = await getCase(id);
    t.clock.advanceDays(61); // the 60-day handling deadline has passed
    const sweep = t.app.get(DeadlineSweepService);
    await sweep.sweep();
    const now = t.clock.now();
    const c = await getCase(id);
    // The one exception to the bump (an automatic urge changes no field; bumping 250,000 overdue rows
    // would cost more than the sweep's whole 10 s budget at 10^6 cases): the event takes the case's version.
    expect(c.version).toBe(routed.version);
    expect(c.timeline.at(-1)).toMatchObject({ action: 'urge', fromStatus: 'routed', toStatus: 'routed', actor: { id: 'system', role: 'system' } });

    // The row the bulk statement wrote is the row the factory builds for this case and notice.
    const [notice] = await t.dataSource.query<{ id: string; unitCode: string }[]>("SELECT id, unitCode FROM case_notices WHERE caseId = ? AND kind = 'overdue'", [id]);
    const stored = (await storedEvents(id)).at(-1) as StoredEvent;
    const expected = overdueUrgeEvent({ id: notice.id, caseId: id, caseVersion: routed.version, status: 'routed', unitCode: notice.unitCode }, now);
    expect({ ...stored, caseVersion: Number(stored.caseVersion), data: JSON.parse(stored.data) as unknown }).toEqual({
      id: expected.id,
      caseVersion: expected.caseVersion,
      action: expected.action,
      fromStatus: expected.fromStatus,
      toStatus: expected.toStatus,
      actorId: expected.actorId,
      actorName: expected.actorName,
      actorRole: expected.actorRole,
      reason: expected.reason,
      data: expected.data,
    });
    expect(c.timeline.at(-1)?.at).toBe(now.toISOString());

    // Running again (the same instant, then later) adds no event; the next change bumps as usual and comes after it.
    await sweep.sweep();
    t.clock.advanceMs(60_000);
    await sweep.sweep();
    expect(await storedVersion(id)).toBe(routed.version);
    expect((await storedEvents(id)).filter((e) => e.action === 'urge')).toHaveLength(1);
    await caseAction(t, secretary, id, { action: 'start' });
    const started = await getCase(id);
    expect(started.version).toBe(routed.version + 1);
    expect(started.timeline.slice(-2).map((e) => e.action)).toEqual(['urge', 'start']);
    expect((await storedEvents(id)).map((e) => [e.action, Number(e.caseVersion)]).slice(-3)).toEqual([
      ['route', routed.version],
      ['urge', routed.version],
      ['start', routed.version + 1],
    ]);
  });
});
