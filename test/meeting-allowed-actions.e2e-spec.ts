import { describe, expect, it } from '@jest/globals';
import { bearer } from './support/factories.js';
import { registerCase } from './support/http-helpers.js';
import { useTestApp, type TestUser } from './support/test-app.js';

/**
 * `allowedActions` on the meeting view (src/meetings/meeting-allowed-actions.ts), through HTTP for every
 * role: what the console may offer follows the meeting's status, the clock and who asks.
 */
describe('meeting view: allowedActions for each role as the meeting goes from draft to started', () => {
  const t = useTestApp();
  const leader = (key: string): string => t.leaders.get(key) as string;

  const actionsOf = async (id: string, user: TestUser, list = false): Promise<string[]> => {
    const token = await t.token(user);
    if (!list) return (await t.http.get(`/meetings/${id}`).set(bearer(token)).expect(200)).body.allowedActions as string[];
    const all = (await t.http.get('/meetings').set(bearer(token)).expect(200)).body as { id: string; allowedActions: string[] }[];
    return all.find((m) => m.id === id)?.allowedActions ?? ['(not listed)'];
  };

  it('gives the office edit/confirm/cancel on a draft, the attending leader reply once confirmed, outcomes after the start, nothing to the auditor', async () => {
    t.clock.set('2026-11-26T02:00:00.000Z');
    const secretary = await t.token('secretary');
    const mine = await registerCase<{ id: string }>(t, secretary, { provincialReferral: true, category: 'agriculture-rural', region: '房县' });
    const created = await t.http
      .post('/meetings')
      .set(bearer(secretary))
      .send({
        type: 'supervision',
        startAt: '2026-12-08T09:00:00+08:00',
        endAt: '2026-12-08T10:00:00+08:00',
        chairId: leader('director'),
        agenda: [{ caseId: mine.id, leadLeaderId: leader('deputy-1'), minutes: 30 }],
      })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body.allowedActions).toEqual(['edit', 'confirm', 'cancel']);
    expect(await actionsOf(id, 'admin')).toEqual(['edit', 'confirm', 'cancel']);
    expect(await actionsOf(id, 'secretary', true)).toEqual(['edit', 'confirm', 'cancel']);
    expect(await actionsOf(id, 'auditor')).toEqual([]);

    const confirmed = await t.http.post(`/meetings/${id}/confirm`).set(bearer(secretary)).expect(200);
    expect(confirmed.body.allowedActions).toEqual(['edit', 'cancel', 'record-reply']);
    expect(await actionsOf(id, 'deputy1')).toEqual(['reply']);
    expect(await actionsOf(id, 'deputy1', true)).toEqual(['reply']);
    expect(await actionsOf(id, 'director')).toEqual(['reply']);
    expect(await actionsOf(id, 'auditor')).toEqual([]);
    // deputy2 does not attend: the meeting answers like a missing one.
    await t.http.get(`/meetings/${id}`).set(bearer(await t.token('deputy2'))).expect(404);

    t.clock.set('2026-12-08T01:30:00.000Z'); // 09:30 in the office zone: under way
    expect(await actionsOf(id, 'secretary')).toEqual(['edit', 'cancel', 'record-reply', 'add-outcome', 'record-minutes']);
    expect(await actionsOf(id, 'deputy1')).toEqual(['reply']);
    t.clock.set('2026-12-08T03:00:00.000Z'); // 11:00: over
    expect(await actionsOf(id, 'secretary')).toEqual(['edit', 'cancel', 'record-reply', 'add-outcome', 'record-minutes']);
    expect(await actionsOf(id, 'deputy1')).toEqual([]);

    await t.http.post(`/meetings/${id}/cancel`).set(bearer(secretary)).send({ reason: '测试取消' }).expect(200);
    expect(await actionsOf(id, 'secretary')).toEqual([]);
    expect(await actionsOf(id, 'deputy1')).toEqual([]);
  });
});
