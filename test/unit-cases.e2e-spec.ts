import { beforeAll, describe, expect, it } from '@jest/globals';
import { CASE_HAND_OVERS, type CaseHandOver } from '../src/cases/case-hand-overs.port.js';
import { binary, pdfWithText } from './support/attachment-files.js';
import { bearer, idNumber } from './support/factories.js';
import { caseAction, expectError, idsOf, registerCase } from './support/http-helpers.js';
import { useTestApp } from './support/test-app.js';

interface CaseView {
  id: string;
  code: string;
  status: string;
  petitioner: { name: string; idNumber: string | null; masked: boolean };
  route: { handledBy: string; mode: string };
  deadlines: { replyDueAt: string | null; signDueAt: string | null; signedAt: string | null; signedOnTime: boolean | null; signOverdue: boolean; extensionUsed: boolean };
  extensionRequest: { requestedAt: string; days: number; reason: string | null } | null;
  openQuestionAt: string | null;
  allowedActions: string[];
  timeline?: { id: string; action: string; reason: string | null; actor: { role: string }; data: Record<string, unknown> }[];
}

const PASSWORD = 'Lianluo-yuan-2026!';
const body = <T>(res: { body: unknown }): T => res.body as T;

describe('unit accounts (POST /users with role unit)', () => {
  const t = useTestApp();
  let admin: string;
  let gov: { id: string };

  beforeAll(async () => {
    admin = await t.token('admin');
    const units = body<{ id: string; code: string }[]>(await t.http.get('/units').set(bearer(admin)).expect(200));
    gov = units.find((u) => u.code === 'GOV') as { id: string };
  });

  it('links an account to an active unit; /auth/me names the unit', async () => {
    const res = await t.http.post('/users').set(bearer(admin)).send({ username: 'gov-a', password: PASSWORD, role: 'unit', displayName: '市政府联络员甲', unitId: gov.id }).expect(201);
    expect(res.body).toMatchObject({ role: 'unit', unitId: gov.id });
    // A unit may have several accounts.
    await t.http.post('/users').set(bearer(admin)).send({ username: 'gov-b', password: PASSWORD, role: 'unit', displayName: '市政府联络员乙', unitId: gov.id }).expect(201);
    const login = await t.http.post('/auth/login').send({ username: 'gov-b', password: PASSWORD }).expect(200);
    const me = await t.http.get('/auth/me').set(bearer(body<{ accessToken: string }>(login).accessToken)).expect(200);
    expect(me.body).toMatchObject({ role: 'unit', unitId: gov.id, unitCode: 'GOV', leaderId: null });
  });

  it('refuses a unit account without a unit, with an unknown or disabled one, and a unit on another role (422)', async () => {
    const create = (extra: Record<string, unknown>) => t.http.post('/users').set(bearer(admin)).send({ username: `u-${Math.random().toString(36).slice(2, 8)}`, password: PASSWORD, displayName: '联络员', ...extra });
    expectError(await create({ role: 'unit' }), 422, 'USER_UNIT_REQUIRED');
    expectError(await create({ role: 'unit', unitId: '5b0c4f0e-1111-4222-8333-944445555666' }), 422, 'USER_UNIT_NOT_FOUND');
    expectError(await create({ role: 'secretariat', unitId: gov.id }), 422, 'USER_UNIT_NOT_ALLOWED');
    expectError(await create({ role: 'unit', unitId: 'not-a-uuid' }), 400, 'VALIDATION_FAILED');
    const off = body<{ id: string }>(await t.http.post('/units').set(bearer(admin)).send({ code: 'OFFU', name: '停用单位', kind: 'external', categories: [] }).expect(201));
    await t.http.patch(`/units/${off.id}`).set(bearer(admin)).send({ active: false }).expect(200);
    expectError(await create({ role: 'unit', unitId: off.id }), 422, 'USER_UNIT_INACTIVE');
  });

  it('drops the unit when the role changes away from unit, and refuses a unit account without one', async () => {
    const created = body<{ id: string }>(await t.http.post('/users').set(bearer(admin)).send({ username: 'gov-c', password: PASSWORD, role: 'unit', displayName: '联络员丙', unitId: gov.id }).expect(201));
    const changed = await t.http.patch(`/users/${created.id}`).set(bearer(admin)).send({ role: 'auditor' }).expect(200);
    expect(changed.body).toMatchObject({ role: 'auditor', unitId: null });
    expectError(await t.http.patch(`/users/${created.id}`).set(bearer(admin)).send({ role: 'unit' }), 422, 'USER_UNIT_REQUIRED');
    const back = await t.http.patch(`/users/${created.id}`).set(bearer(admin)).send({ role: 'unit', unitId: gov.id }).expect(200);
    expect(back.body).toMatchObject({ role: 'unit', unitId: gov.id });
  });
});

describe('what a unit sees: the cases routed or transferred to it, masked', () => {
  const t = useTestApp();
  let secretary: string;
  let gov: string;
  let lac: string;
  const ids: Record<'toGov' | 'toLac' | 'proposedGov' | 'supervised', string> = { toGov: '', toLac: '', proposedGov: '', supervised: '' };

  beforeAll(async () => {
    secretary = await t.token('secretary');
    gov = await t.token('unit-gov');
    lac = await t.token('unit-lac');
    const register = async (extra = {}) => (await registerCase<{ id: string }>(t, secretary, { petitioner: { name: '王小明', idNumber: idNumber('42030219800101123') }, ...extra })).id;
    ids.toGov = await register();
    await caseAction(t, secretary, ids.toGov, { action: 'accept' });
    await caseAction(t, secretary, ids.toGov, { action: 'transfer', handledBy: 'GOV' });
    ids.toLac = await register();
    await caseAction(t, secretary, ids.toLac, { action: 'accept' });
    await caseAction(t, secretary, ids.toLac, { action: 'route', committee: 'LAC', handledBy: 'LAC' });
    // Proposed for GOV by the rules, not yet transferred: not the unit's yet.
    ids.proposedGov = await register();
    await caseAction(t, secretary, ids.proposedGov, { action: 'accept' });
  });

  it('lists in the ledger only its own cases', async () => {
    const govPage = body<{ items: CaseView[]; total: number }>(await t.http.get('/cases').query({ pageSize: 200 }).set(bearer(gov)).expect(200));
    expect(idsOf(govPage.items)).toEqual([ids.toGov]);
    expect(govPage.total).toBe(1);
    const lacPage = body<{ items: CaseView[] }>(await t.http.get('/cases').query({ pageSize: 200 }).set(bearer(lac)).expect(200));
    expect(idsOf(lacPage.items)).toEqual([ids.toLac]);
    // Its own filters narrow further, never widen.
    const filtered = body<{ items: CaseView[] }>(await t.http.get('/cases').query({ unit: 'LAC' }).set(bearer(gov)).expect(200));
    expect(filtered.items).toEqual([]);
  });

  it('reads its case masked like a leader, with the sign deadline; another unit’s or a proposed case is 404', async () => {
    const view = body<CaseView>(await t.http.get(`/cases/${ids.toGov}`).set(bearer(gov)).expect(200));
    expect(view.petitioner).toMatchObject({ name: '王**', masked: true });
    expect(view.petitioner.idNumber).not.toContain('19800101');
    expect(view.deadlines.signDueAt).not.toBeNull();
    expect(view.allowedActions).toEqual(['sign', 'ask', 'request-extension']);
    for (const id of [ids.toLac, ids.proposedGov]) {
      expectError(await t.http.get(`/cases/${id}`).set(bearer(gov)), 404, 'CASE_NOT_FOUND');
      expectError(await t.http.get(`/cases/${id}/timeline`).set(bearer(gov)), 404, 'CASE_NOT_FOUND');
      expectError(await t.http.post(`/cases/${id}/actions`).set(bearer(gov)).send({ action: 'sign' }), 404, 'CASE_NOT_FOUND');
    }
    await t.http.get(`/cases/${ids.toGov}/timeline`).set(bearer(gov)).expect(200);
  });

  it('loses the case once it is transferred to another unit', async () => {
    const id = (await registerCase<{ id: string }>(t, secretary)).id;
    await caseAction(t, secretary, id, { action: 'accept' });
    await caseAction(t, secretary, id, { action: 'route', committee: 'LAC', handledBy: 'LAC' });
    await t.http.get(`/cases/${id}`).set(bearer(lac)).expect(200);
    await t.http.post(`/cases/${id}/actions`).set(bearer(secretary)).send({ action: 'withdraw', reason: '信访人撤回' }).expect(200);
    // Still LAC's, withdrawn: visible, nothing to do.
    expect(body<CaseView>(await t.http.get(`/cases/${id}`).set(bearer(lac)).expect(200)).allowedActions).toEqual([]);
  });
});

describe("the unit's loop: sign, ask, request an extension, reply", () => {
  const handOvers: CaseHandOver[] = [];
  const t = useTestApp({
    overrides: [{ provide: CASE_HAND_OVERS, useValue: { handedOverIn: (_em: unknown, h: CaseHandOver) => Promise.resolve(void handOvers.push(h)) } }],
  });
  let secretary: string;
  let gov: string;
  let lac: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    gov = await t.token('unit-gov');
    lac = await t.token('unit-lac');
  });

  const transferred = async (extra = {}): Promise<string> => {
    const { id } = await registerCase<{ id: string }>(t, secretary, extra);
    await caseAction(t, secretary, id, { action: 'accept' });
    await caseAction(t, secretary, id, { action: 'transfer', handledBy: 'GOV' });
    return id;
  };
  const view = async (id: string, token = secretary): Promise<CaseView> => body<CaseView>(await t.http.get(`/cases/${id}`).set(bearer(token)).expect(200));
  const act = (id: string, token: string, b: Record<string, unknown>) => t.http.post(`/cases/${id}/actions`).set(bearer(token)).send(b);

  it('signs on time, asks, and gets the answer: each a timeline event by its author', async () => {
    const id = await transferred();
    const before = await view(id, gov);
    // Transferred Thu 2026-11-26: three working days → Tue 2026-12-01, end of day Shanghai.
    expect(before.deadlines.signDueAt).toBe('2026-12-01T15:59:59.999Z');
    const signed = body<CaseView>(await act(id, gov, { action: 'sign' }).expect(200));
    expect(signed.status).toBe('in_handling');
    expect(signed.deadlines).toMatchObject({ signedOnTime: true, signOverdue: false });
    expect(signed.allowedActions).toEqual(['reply', 'ask', 'request-extension']);
    // Nothing to answer before the unit asks: not offered, and refused.
    expect((await view(id)).allowedActions).not.toContain('answer-question');
    expectError(await act(id, secretary, { action: 'answer-question', reason: '经核实未起诉' }), 409, 'NO_OPEN_QUESTION');
    await act(id, gov, { action: 'ask', reason: '信访人是否已向法院起诉？' }).expect(200);
    expectError(await act(id, gov, { action: 'ask', reason: ' ' }), 400, 'REASON_REQUIRED');
    const asked = await view(id);
    expect(asked.allowedActions).toContain('answer-question');
    expect(asked.openQuestionAt).toBe(t.clock.now().toISOString());
    await act(id, secretary, { action: 'answer-question', reason: '经核实未起诉' }).expect(200);
    const answered = await view(id);
    expect({ open: answered.openQuestionAt, offered: answered.allowedActions.includes('answer-question') }).toEqual({ open: null, offered: false });
    const timeline = (await view(id, gov)).timeline ?? [];
    const steps = timeline.filter((e) => ['sign', 'ask', 'answer-question'].includes(e.action)).map((e) => ({ action: e.action, role: e.actor.role, reason: e.reason }));
    expect(steps).toEqual([
      { action: 'sign', role: 'unit', reason: null },
      { action: 'ask', role: 'unit', reason: '信访人是否已向法院起诉？' },
      { action: 'answer-question', role: 'secretariat', reason: '经核实未起诉' },
    ]);
    expect(timeline.find((e) => e.action === 'sign')?.data).toEqual({ handledBy: 'GOV', signDueAt: '2026-12-01T15:59:59.999Z', signedOnTime: true, dueAt: before.deadlines.replyDueAt });
  });

  it('takes the sign deadline from the office settings (signDays, default 3 working days)', async () => {
    const admin = await t.token('admin');
    const current = body<{ body: { deadlines: Record<string, unknown> } }>(await t.http.get('/settings').set(bearer(admin)).expect(200));
    expect(current.body.deadlines.signDays).toBe(3);
    for (const bad of [0, 31, 1.5]) {
      const res = await t.http.post('/settings/versions').set(bearer(admin)).send({ body: { ...current.body, deadlines: { ...current.body.deadlines, signDays: bad } }, note: '签收期限' });
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('deadlines.signDays');
    }
    const draft = body<{ id: string }>(await t.http.post('/settings/versions').set(bearer(admin)).send({ body: { ...current.body, deadlines: { ...current.body.deadlines, signDays: 5 } }, note: '签收期限 5 个工作日' }).expect(201));
    await t.http.post(`/settings/versions/${draft.id}/publish`).set(bearer(admin)).send({ note: '签收期限 5 个工作日' }).expect(200);
    try {
      const id = await transferred();
      // Thu 2026-11-26 + 5 working days: Fri 27, Mon 30, Tue 1, Wed 2, Thu 3 December.
      expect((await view(id, gov)).deadlines.signDueAt).toBe('2026-12-03T15:59:59.999Z');
    } finally {
      await t.http.post(`/settings/versions/${draft.id}/rollback`).set(bearer(admin)).send({ note: '恢复' }).expect(200);
    }
    expect((await view(await transferred(), gov)).deadlines.signDueAt).toBe('2026-12-01T15:59:59.999Z');
  });

  it('shows 签收超期 once the sign deadline passed, and records the late sign', async () => {
    const id = await transferred();
    t.clock.set('2026-12-02T09:00:00+08:00');
    try {
      expect((await view(id, gov)).deadlines.signOverdue).toBe(true);
      // Counted in the ledger (签收超期): this case among them, for the office and for the unit.
      const late = body<{ items: CaseView[]; total: number }>(await t.http.get('/cases').query({ signOverdue: 'true', pageSize: 200 }).set(bearer(secretary)).expect(200));
      expect(late.items.map((c) => c.id)).toContain(id);
      expect(late.items.every((c) => c.deadlines.signOverdue)).toBe(true);
      const mine = body<{ total: number }>(await t.http.get('/cases').query({ signOverdue: 'true' }).set(bearer(gov)).expect(200));
      expect(mine.total).toBe(late.items.filter((c) => c.route.handledBy === 'GOV').length);
      const signed = body<CaseView>(await act(id, gov, { action: 'sign' }).expect(200));
      expect(signed.deadlines).toMatchObject({ signedOnTime: false, signOverdue: false });
      const after = body<{ items: CaseView[] }>(await t.http.get('/cases').query({ signOverdue: 'true', pageSize: 200 }).set(bearer(secretary)).expect(200));
      expect(after.items.map((c) => c.id)).not.toContain(id);
    } finally {
      t.clock.set('2026-11-26T10:00:00+08:00');
    }
  });

  it('may only do its own steps (403), and nothing on another unit’s case (404)', async () => {
    const id = await transferred();
    for (const action of ['close', 'start', 'extend', 'urge', 'answer-question', 'refuse-extension', 'withdraw']) {
      expectError(await act(id, gov, { action, reason: '理由', days: 5, approver: '某人' }), 403, 'CASE_ACTION_NOT_ALLOWED');
    }
    expectError(await act(id, lac, { action: 'sign' }), 404, 'CASE_NOT_FOUND');
    expectError(await act(id, secretary, { action: 'ask', reason: '秘书处不提问' }), 403, 'CASE_ACTION_NOT_ALLOWED');
    expect((await view(id)).status).toBe('routed');
  });

  it('asks for the one extension: refused, asked again, approved; then no more', async () => {
    const id = await transferred();
    await act(id, gov, { action: 'sign' }).expect(200);
    expectError(await act(id, gov, { action: 'request-extension', days: 31, reason: '需协调' }), 400, 'EXTENSION_TOO_LONG');
    expectError(await act(id, gov, { action: 'request-extension', reason: '需协调' }), 400, 'EXTENSION_DAYS_REQUIRED');
    await act(id, gov, { action: 'request-extension', days: 10, reason: '需多部门现场核查' }).expect(200);
    expectError(await act(id, gov, { action: 'request-extension', days: 5, reason: '再次申请' }), 409, 'EXTENSION_ALREADY_REQUESTED');
    const pending = await view(id);
    expect(pending.extensionRequest).toMatchObject({ days: 10, reason: '需多部门现场核查' });
    expect(pending.allowedActions).toEqual(expect.arrayContaining(['extend', 'refuse-extension']));
    expect((await view(id, gov)).allowedActions).not.toContain('request-extension');

    handOvers.length = 0;
    await act(id, secretary, { action: 'refuse-extension', reason: '期限内可以办结' }).expect(200);
    expect((await view(id)).extensionRequest).toBeNull();
    expect(handOvers.map((h) => [h.kind, h.unitCode, h.caseId])).toEqual([['extension-refused', 'GOV', id]]);

    await act(id, gov, { action: 'request-extension', days: 10, reason: '确需延期' }).expect(200);
    const replyDueAt = (await view(id)).deadlines.replyDueAt as string;
    const approved = body<CaseView>(await act(id, secretary, { action: 'extend', reason: '同意延期', approver: '李主任' }).expect(200));
    expect(approved.extensionRequest).toBeNull();
    expect(approved.deadlines.extensionUsed).toBe(true);
    // 10 calendar days after the old deadline's day (then the next working day)
    expect(Date.parse(approved.deadlines.replyDueAt as string) - Date.parse(replyDueAt)).toBeGreaterThanOrEqual(10 * 86_400_000);
    expect(approved.timeline?.at(-1)?.data).toMatchObject({ days: 10, approvesRequest: true, requestedDays: 10 });
    expect(handOvers.map((h) => h.kind)).toEqual(['extension-refused', 'extension-approved']);
    expectError(await act(id, gov, { action: 'request-extension', days: 3, reason: '再延' }), 409, 'DEADLINE_EXTENSION_USED');
  });

  it('answers a supervised item only with the written report attached (422 without)', async () => {
    const id = await transferred({ headcount: 6, unitsInvolved: ['GOV'] });
    expect((await view(id)).route.mode).toBe('supervised');
    await act(id, gov, { action: 'sign' }).expect(200);
    expectError(await act(id, gov, { action: 'reply', reason: '已答复信访人', report: '书面报告' }), 422, 'WRITTEN_REPORT_ATTACHMENT_REQUIRED');
    expectError(await act(id, gov, { action: 'reply', reason: '已答复', report: '书面报告', attachmentIds: ['x'] }), 400, 'VALIDATION_FAILED');
    expectError(await act(id, gov, { action: 'reply', reason: '已答复', report: '书面报告', attachmentIds: ['5b0c4f0e-1111-4222-8333-944445555666'] }), 422, 'ATTACHMENT_NOT_OF_CASE');
    expect((await view(id)).status).toBe('in_handling');
  });

  it('answers a supervised item with its written report as a PDF; the secretariat sees the reply and downloads the file', async () => {
    const id = await transferred({ headcount: 6, unitsInvolved: ['GOV'] });
    await act(id, gov, { action: 'sign' }).expect(200);
    const pdf = pdfWithText('Written report of the city government');
    const up = await t.http.post(`/cases/${id}/attachments`).set(bearer(gov)).field('kind', 'unit-report').attach('file', pdf, '书面报告.pdf');
    expect(up.status).toBe(201);
    const attachmentId = body<{ id: string }>(up).id;
    // Another unit cannot use it, nor read it.
    expect((await t.http.get(`/attachments/${attachmentId}/content`).set(bearer(lac))).status).toBe(404);
    const replied = body<CaseView>(await act(id, gov, { action: 'reply', reason: '已制定改造计划', report: '详见书面报告', attachmentIds: [attachmentId] }).expect(200));
    expect(replied.status).toBe('replied');
    const seen = await view(id);
    expect(seen.timeline?.at(-1)).toMatchObject({ action: 'reply', actor: { role: 'unit' }, data: { attachmentIds: [attachmentId], report: '详见书面报告' } });
    const download = await t.http.get(`/attachments/${attachmentId}/content`).set(bearer(secretary)).buffer(true).parse(binary);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);
  });

  it('refuses as a reply attachment a file of another case (422)', async () => {
    const other = await transferred();
    const up = await t.http.post(`/cases/${other}/attachments`).set(bearer(gov)).field('kind', 'unit-report').attach('file', pdfWithText('other'), 'other.pdf');
    expect(up.status).toBe(201);
    const id = await transferred({ headcount: 6, unitsInvolved: ['GOV'] });
    await act(id, gov, { action: 'sign' }).expect(200);
    expectError(await act(id, gov, { action: 'reply', reason: '已答复', report: '书面报告', attachmentIds: [body<{ id: string }>(up).id] }), 422, 'ATTACHMENT_NOT_OF_CASE');
  });

  it('answers a plain transfer without an attachment; the secretariat sees the reply', async () => {
    const id = await transferred();
    await act(id, gov, { action: 'sign' }).expect(200);
    const replied = body<CaseView>(await act(id, gov, { action: 'reply', reason: '已答复信访人：维修已完成' }).expect(200));
    expect(replied.status).toBe('replied');
    expect(replied.allowedActions).toEqual([]);
    const seen = await view(id);
    expect(seen.timeline?.at(-1)).toMatchObject({ action: 'reply', reason: '已答复信访人：维修已完成', actor: { role: 'unit' }, data: { attachmentIds: [] } });
  });

  it('tells the hand-over port about route, transfer, manual urge and re-supervision, in the same transaction', async () => {
    handOvers.length = 0;
    const id = await transferred();
    await caseAction(t, secretary, id, { action: 'urge', note: '请尽快签收' });
    await act(id, gov, { action: 'sign' }).expect(200);
    await act(id, gov, { action: 'reply', reason: '已答复' }).expect(200);
    await caseAction(t, secretary, id, { action: 'feedback', feedback: 'dissatisfied' });
    await caseAction(t, secretary, id, { action: 'resupervise', reason: '信访人不满意' });
    const routed = (await registerCase<{ id: string }>(t, secretary)).id;
    await caseAction(t, secretary, routed, { action: 'accept' });
    await caseAction(t, secretary, routed, { action: 'extend', days: 5, reason: '尚未分流', approver: '李主任' });
    await caseAction(t, secretary, routed, { action: 'route', committee: 'LAC', handledBy: 'LAC' });
    expect(handOvers.map((h) => [h.caseId === id ? 'A' : 'B', h.kind, h.unitCode])).toEqual([
      ['A', 'transfer', 'GOV'],
      ['A', 'urge', 'GOV'],
      ['A', 'resupervise', 'GOV'],
      // An extension before the case is handed to a unit tells no one.
      ['B', 'route', 'LAC'],
    ]);
    const timeline = (await view(id)).timeline ?? [];
    expect(handOvers[0].eventId).toBe(timeline.find((e) => e.action === 'transfer')?.id);
  });
});
