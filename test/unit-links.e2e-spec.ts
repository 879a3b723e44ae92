import { createHash, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { linkActorId, UnitLinkSigner, unitLinkKey } from '../src/unit-links/unit-link-token.js';
import { UnitLinks } from '../src/unit-links/unit-links.service.js';
import { ID_PATTERN, PHONE_PATTERN, SAMPLE_PHONE, binary, fakeExe, pdfWithText } from './support/attachment-files.js';
import { bearer, idNumber } from './support/factories.js';
import { caseAction, expectError, registerCase } from './support/http-helpers.js';
import { type TestApp, useTestApp } from './support/test-app.js';

/**
 * Unit links (issue 15 §1): a handling unit without an account works on its case through a signed link:
 * sees it masked, signs, uploads its written report, replies; forged, expired, revoked and handed-over
 * links are refused; every use is audited; the link reaches nothing of another case.
 */
interface LinkView {
  id: string;
  caseId: string;
  unitCode: string;
  state: string;
  url: string | null;
  expiresAt: string;
  useCount: number;
  lastUsedAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  createdBy: string;
}

const PETITIONER = { name: '欧阳志远', idNumber: idNumber('42030219800101123'), phone: SAMPLE_PHONE, address: '茅箭区人民南路 88 号' };
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const tokenOf = (url: string | null): string => {
  const match = /\/console\/unit-link\/([^/]+)$/.exec(url ?? '');
  if (!match) throw new Error(`not a unit link: ${url}`);
  return match[1];
};
/** A supervised item (headcount 6: escalated) transferred to the city government (GOV): a written report is required. */
async function supervisedCaseForGov(t: TestApp, secretary: string): Promise<{ id: string; code: string }> {
  const c = await registerCase<{ id: string; code: string; grade: string }>(t, secretary, { headcount: 6, subject: '老旧小区改造进度缓慢', unitsInvolved: ['GOV'], petitioner: PETITIONER });
  expect(c.grade).toBe('escalated');
  await caseAction(t, secretary, c.id, { action: 'accept' });
  const transferred = await caseAction(t, secretary, c.id, { action: 'transfer', handledBy: 'GOV' });
  expect([transferred.body.route.handledBy, transferred.body.deadlines.reportRequired]).toEqual(['GOV', true]);
  return c;
}

async function linkUses(t: TestApp, caseId: string): Promise<{ actorName: string; use: string; action: string | null }[]> {
  const rows: { actorName: string; data: string | Record<string, unknown> }[] = await t.dataSource.query(
    "SELECT actorName, data FROM audit_log WHERE action = 'unit-link.use' AND entityId = ?",
    [caseId],
  );
  return rows.map((r) => {
    const data = (typeof r.data === 'string' ? JSON.parse(r.data) : r.data) as { use: string; action?: string };
    return { actorName: r.actorName, use: data.use, action: data.action ?? null };
  });
}

describe('unit links', () => {
  const t = useTestApp();
  let secretary: string;
  let theCase: { id: string; code: string };
  let link: LinkView;
  let token: string;

  beforeAll(async () => {
    secretary = await t.token('secretary');
    theCase = await supervisedCaseForGov(t, secretary);
    const issued = await t.http.post(`/cases/${theCase.id}/unit-links`).set(bearer(secretary)).expect(201);
    link = issued.body as LinkView;
    token = tokenOf(link.url);
  });

  it('issues a link for the handling unit, valid until the running deadline plus 30 days, with the console page as URL', async () => {
    expect(link).toMatchObject({ caseId: theCase.id, unitCode: 'GOV', state: 'active', useCount: 0, lastUsedAt: null, revokedAt: null });
    expect(link.url).toBe(`${t.config.publicBaseUrl}/console/unit-link/${token}`);
    const c = await t.http.get(`/cases/${theCase.id}`).set(bearer(secretary)).expect(200);
    // Supervised reply due 2027-01-26 (local end of day) + 30 days.
    expect(c.body.deadlines.dueAt).toBe('2027-01-26T15:59:59.999Z');
    expect(link.expiresAt).toBe('2027-02-25T15:59:59.999Z');
    const listed = await t.http.get(`/cases/${theCase.id}/unit-links`).set(bearer(secretary)).expect(200);
    expect((listed.body.items as LinkView[]).map((l) => [l.id, l.state])).toEqual([[link.id, 'active']]);
    expect(listed.body.canIssue).toBe(true);
  });

  it('opens the case as the unit may see it: masked (no ID number, phone or name), its deadlines, its own actions', async () => {
    const res = await t.http.get(`/unit-links/${token}`).expect(200);
    const text = JSON.stringify(res.body);
    expect({ id: ID_PATTERN.test(text), phone: PHONE_PATTERN.test(text), name: text.includes('欧阳志远'), address: text.includes('人民南路') }).toEqual({ id: false, phone: false, name: false, address: false });
    expect(res.body.link).toEqual({ expiresAt: link.expiresAt, unitCode: 'GOV', unitName: expect.any(String) });
    expect(res.body.case).toMatchObject({ id: theCase.id, code: theCase.code, status: 'routed', petitioner: { masked: true } });
    expect(res.body.case.deadlines.replyDueAt).toBe('2027-01-26T15:59:59.999Z');
    expect(res.body.case.deadlines.signDueAt).toEqual(expect.any(String));
    expect(res.body.case.allowedActions).toContain('sign');
    expect(res.body.case.allowedActions).not.toContain('reply');
    expect(res.body.case.allowedActions.every((a: string) => ['sign', 'ask', 'request-extension'].includes(a))).toBe(true);
    expect(res.body.urgings).toEqual([]);
    expect(res.body.attachments).toMatchObject({ items: [], uploadKinds: ['unit-report', 'other'] });
  });

  it('signs, uploads the written report (PDF) and replies through the link; the secretariat sees the reply and the file', async () => {
    const signed = await t.http.post(`/unit-links/${token}/actions`).send({ action: 'sign' }).expect(200);
    expect(signed.body.case.status).toBe('in_handling');
    expect(signed.body.case.allowedActions).toEqual(expect.arrayContaining(['ask', 'request-extension', 'reply']));
    expect(signed.body.case.allowedActions).not.toContain('sign');

    // A supervised item: the unit's reply needs its written report as a file.
    const bare = await t.http.post(`/unit-links/${token}/actions`).send({ action: 'reply', reason: '已完成改造计划', report: '见书面报告' });
    expectError(bare, 422, 'WRITTEN_REPORT_ATTACHMENT_REQUIRED');

    const pdf = pdfWithText('市政府关于老旧小区改造进度的书面报告');
    const uploaded = await t.http.post(`/unit-links/${token}/attachments`).field('kind', 'unit-report').attach('file', pdf, { filename: '书面报告.pdf', contentType: 'application/pdf' }).expect(201);
    expect(uploaded.body).toMatchObject({ caseId: theCase.id, kind: 'unit-report', mediaType: 'application/pdf', unitCode: 'GOV', via: 'link', sha256: sha(pdf) });
    expect(uploaded.body.uploadedByName).toMatch(/（链接）$/);
    expect(uploaded.body.contentUrl).toBe(`/unit-links/${token}/attachments/${uploaded.body.id}`);

    const replied = await t.http
      .post(`/unit-links/${token}/actions`)
      .send({ action: 'reply', reason: '已完成改造计划，明年三月开工', report: '书面报告已上传', attachmentIds: [uploaded.body.id] })
      .expect(200);
    expect(replied.body.case.status).toBe('replied');
    expect(replied.body.case.allowedActions).toEqual([]);

    const seen = await t.http.get(`/cases/${theCase.id}`).set(bearer(secretary)).expect(200);
    const reply = (seen.body.timeline as { action: string; reason: string; actor: { id: string; name: string; role: string }; data: Record<string, unknown> }[]).find((e) => e.action === 'reply');
    expect(reply).toMatchObject({ reason: '已完成改造计划，明年三月开工', actor: { id: linkActorId(link.id), role: 'unit' }, data: { attachmentIds: [uploaded.body.id] } });
    expect(reply?.actor.name).toMatch(/（链接）$/);
    const files = await t.http.get(`/cases/${theCase.id}/attachments`).set(bearer(secretary)).expect(200);
    expect((files.body.items as { id: string; via: string }[]).map((f) => [f.id, f.via])).toEqual([[uploaded.body.id, 'link']]);
    const content = await t.http.get(`/attachments/${uploaded.body.id}/content`).set(bearer(secretary)).buffer(true).parse(binary).expect(200);
    expect(sha(content.body as Buffer)).toBe(sha(pdf));
    // The unit reads its own file back through the link, too.
    const back = await t.http.get(`/unit-links/${token}/attachments/${uploaded.body.id}`).buffer(true).parse(binary).expect(200);
    expect(sha(back.body as Buffer)).toBe(sha(pdf));
    expect(back.headers['content-type']).toBe('application/pdf');
  });

  it('audits every use of the link and counts it on the link', async () => {
    const uses = await linkUses(t, theCase.id);
    // One clock instant for all of them: compared as a set of uses.
    expect(uses.map((u) => (u.action ? `${u.use}:${u.action}` : u.use)).sort()).toEqual(['action:reply', 'action:sign', 'download', 'upload', 'view']);
    expect(uses.every((u) => u.actorName.endsWith('（链接）'))).toBe(true);
    const listed = await t.http.get(`/cases/${theCase.id}/unit-links`).set(bearer(secretary)).expect(200);
    expect((listed.body.items as LinkView[])[0]).toMatchObject({ useCount: 5, lastUsedAt: t.clock.now().toISOString() });
    // The refused reply (422) changed nothing and left no use behind.
    const downloads: { n: number | string }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'attachment.download' AND entityId = ?", [theCase.id]);
    expect(Number(downloads[0].n)).toBe(2);
  });

  it('refuses a forged, altered or unknown token with 404 UNIT_LINK_INVALID, on every route', async () => {
    const [id, mac] = token.split('.');
    const unknownButSigned = new UnitLinkSigner(unitLinkKey(t.config.jwtSecret)).sign(randomUUID());
    const otherKey = new UnitLinkSigner(unitLinkKey('not-this-deployment-secret')).sign(id);
    for (const bad of [`${id}.${mac.replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, otherKey, unknownButSigned, id, 'x', '%E4%B8%AD']) {
      expectError(await t.http.get(`/unit-links/${bad}`), 404, 'UNIT_LINK_INVALID');
      expectError(await t.http.post(`/unit-links/${bad}/actions`).send({ action: 'sign' }), 404, 'UNIT_LINK_INVALID');
      expectError(await t.http.get(`/unit-links/${bad}/attachments/${randomUUID()}`), 404, 'UNIT_LINK_INVALID');
    }
    expectError(
      await t.http.post(`/unit-links/${unknownButSigned}/attachments`).field('kind', 'unit-report').attach('file', pdfWithText('x'), { filename: 'a.pdf' }),
      404,
      'UNIT_LINK_INVALID',
    );
  });

  it('validates what the unit sends: only its own actions, an allowed file kind, a real PDF', async () => {
    const c = await supervisedCaseForGov(t, secretary);
    const own = tokenOf((await t.http.post(`/cases/${c.id}/unit-links`).set(bearer(secretary)).expect(201)).body.url);
    expectError(await t.http.post(`/unit-links/${own}/actions`).send({ action: 'close' }), 400, 'VALIDATION_FAILED');
    expectError(await t.http.post(`/unit-links/${own}/actions`).send({ action: 'request-extension', days: 31, reason: '需要更多时间' }), 400, 'VALIDATION_FAILED');
    expectError(await t.http.post(`/unit-links/${own}/actions`).send({ action: 'reply', reason: '答复', attachmentIds: ['not-a-uuid'] }), 400, 'VALIDATION_FAILED');
    // Not signed yet: the state machine refuses a reply.
    expect((await t.http.post(`/unit-links/${own}/actions`).send({ action: 'reply', reason: '答复', report: '报告' })).status).toBe(409);
    expectError(await t.http.post(`/unit-links/${own}/attachments`).field('kind', 'letter').attach('file', pdfWithText('x'), { filename: 'a.pdf' }), 403, 'ATTACHMENT_KIND_NOT_ALLOWED');
    expectError(await t.http.post(`/unit-links/${own}/attachments`).field('kind', 'unit-report').attach('file', fakeExe(), { filename: 'report.pdf', contentType: 'application/pdf' }), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    expectError(await t.http.post(`/unit-links/${own}/attachments`).field('kind', 'unit-report'), 400, 'ATTACHMENT_FILE_REQUIRED');
    // An extension request within 1–30 days goes through and is the secretariat's to decide.
    await t.http.post(`/unit-links/${own}/actions`).send({ action: 'sign' }).expect(200);
    const asked = await t.http.post(`/unit-links/${own}/actions`).send({ action: 'request-extension', days: 15, reason: '涉及资金审批' }).expect(200);
    expect(asked.body.case.allowedActions).not.toContain('request-extension');
  });

  it("cannot reach another case's attachment, nor reply with it", async () => {
    const other = await supervisedCaseForGov(t, secretary);
    const foreign = await t.http.post(`/cases/${other.id}/attachments`).set(bearer(secretary)).field('kind', 'petition-scan').attach('file', pdfWithText('另一件的扫描件'), { filename: 'scan.pdf' }).expect(201);
    const c = await supervisedCaseForGov(t, secretary);
    const own = tokenOf((await t.http.post(`/cases/${c.id}/unit-links`).set(bearer(secretary)).expect(201)).body.url);
    expectError(await t.http.get(`/unit-links/${own}/attachments/${foreign.body.id}`), 404, 'ATTACHMENT_NOT_FOUND');
    expectError(await t.http.get(`/unit-links/${own}/attachments/${randomUUID()}`), 404, 'ATTACHMENT_NOT_FOUND');
    expectError(await t.http.get(`/unit-links/${own}/attachments/not-a-uuid`), 400, 'INVALID_ID');
    await t.http.post(`/unit-links/${own}/actions`).send({ action: 'sign' }).expect(200);
    const res = await t.http.post(`/unit-links/${own}/actions`).send({ action: 'reply', reason: '答复', report: '报告', attachmentIds: [foreign.body.id] });
    expectError(res, 422, 'ATTACHMENT_NOT_OF_CASE');
    expect((await t.http.get(`/cases/${c.id}`).set(bearer(secretary)).expect(200)).body.status).toBe('in_handling');
    // Nothing of the other case was read through the link.
    const reads: { n: number | string }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'attachment.download' AND entityId = ?", [other.id]);
    expect(Number(reads[0].n)).toBe(0);
  });

  it('answers 410 UNIT_LINK_REVOKED once the secretariat revokes it (audited once), and the list says so', async () => {
    const c = await supervisedCaseForGov(t, secretary);
    const issued = (await t.http.post(`/cases/${c.id}/unit-links`).set(bearer(secretary)).expect(201)).body as LinkView;
    const own = tokenOf(issued.url);
    await t.http.get(`/unit-links/${own}`).expect(200);
    const revoked = await t.http.post(`/unit-links/${issued.id}/revoke`).set(bearer(secretary)).expect(200);
    expect(revoked.body).toMatchObject({ state: 'revoked', url: null, revokedAt: t.clock.now().toISOString(), revokedBy: expect.any(String) });
    const again = await t.http.post(`/unit-links/${issued.id}/revoke`).set(bearer(secretary)).expect(200);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    expectError(await t.http.get(`/unit-links/${own}`), 410, 'UNIT_LINK_REVOKED');
    expectError(await t.http.post(`/unit-links/${own}/actions`).send({ action: 'sign' }), 410, 'UNIT_LINK_REVOKED');
    const revocations: { n: number | string }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'unit-link.revoke' AND entityId = ?", [c.id]);
    expect(Number(revocations[0].n)).toBe(1);
    expect((await t.http.get(`/cases/${c.id}`).set(bearer(secretary)).expect(200)).body.status).toBe('routed');
  });

  it('answers 410 UNIT_LINK_HANDED_OVER for a link of a unit that no longer (or never) handles the case', async () => {
    const c = await supervisedCaseForGov(t, secretary);
    const issued = await t.dataSource.transaction((em) => t.app.get(UnitLinks).issueIn(em, { caseId: c.id, unitCode: 'LAC', createdBy: 'system' }));
    expect(issued.url).toBe(`${t.config.publicBaseUrl}/console/unit-link/${issued.token}`);
    expectError(await t.http.get(`/unit-links/${issued.token}`), 410, 'UNIT_LINK_HANDED_OVER');
    expectError(await t.http.post(`/unit-links/${issued.token}/actions`).send({ action: 'sign' }), 410, 'UNIT_LINK_HANDED_OVER');
    // The GOV link of the same case works.
    const gov = await t.dataSource.transaction((em) => t.app.get(UnitLinks).issueIn(em, { caseId: c.id, unitCode: 'GOV', createdBy: 'system' }));
    await t.http.get(`/unit-links/${gov.token}`).expect(200);
  });

  it('answers 410 UNIT_LINK_EXPIRED from its expiry on (the last moment before still works)', async () => {
    const c = await supervisedCaseForGov(t, secretary);
    const issued = (await t.http.post(`/cases/${c.id}/unit-links`).set(bearer(secretary)).expect(201)).body as LinkView;
    const own = tokenOf(issued.url);
    const before = t.clock.now();
    try {
      t.clock.set(new Date(Date.parse(issued.expiresAt) - 1000));
      await t.http.get(`/unit-links/${own}`).expect(200);
      t.clock.set(new Date(issued.expiresAt));
      expectError(await t.http.get(`/unit-links/${own}`), 410, 'UNIT_LINK_EXPIRED');
      const listed = await t.http.get(`/cases/${c.id}/unit-links`).set(bearer(secretary)).expect(200);
      expect((listed.body.items as LinkView[]).find((l) => l.id === issued.id)).toMatchObject({ state: 'expired', url: null });
    } finally {
      t.clock.set(before);
    }
  });

  it('lets only the office issue, list and revoke: other roles 403, a missing case 404, a case not routed 409', async () => {
    const c = await supervisedCaseForGov(t, secretary);
    const issued = (await t.http.post(`/cases/${c.id}/unit-links`).set(bearer(await t.token('admin'))).expect(201)).body as LinkView;
    for (const user of ['director', 'auditor', 'unit-gov', 'unit-lac'] as const) {
      const token = await t.token(user);
      expectError(await t.http.get(`/cases/${c.id}/unit-links`).set(bearer(token)), 403, 'FORBIDDEN');
      expectError(await t.http.post(`/cases/${c.id}/unit-links`).set(bearer(token)), 403, 'FORBIDDEN');
      expectError(await t.http.post(`/unit-links/${issued.id}/revoke`).set(bearer(token)), 403, 'FORBIDDEN');
    }
    expectError(await t.http.get(`/cases/${c.id}/unit-links`), 401, 'UNAUTHENTICATED');
    expectError(await t.http.get(`/cases/${randomUUID()}/unit-links`).set(bearer(secretary)), 404, 'CASE_NOT_FOUND');
    expectError(await t.http.post(`/cases/${randomUUID()}/unit-links`).set(bearer(secretary)), 404, 'CASE_NOT_FOUND');
    expectError(await t.http.post(`/unit-links/${randomUUID()}/revoke`).set(bearer(secretary)), 404, 'UNIT_LINK_NOT_FOUND');
    expectError(await t.http.get('/cases/not-a-uuid/unit-links').set(bearer(secretary)), 400, 'INVALID_ID');
    const registered = await registerCase<{ id: string }>(t, secretary);
    expectError(await t.http.post(`/cases/${registered.id}/unit-links`).set(bearer(secretary)), 409, 'UNIT_LINK_NO_UNIT');
    expect((await t.http.get(`/cases/${registered.id}/unit-links`).set(bearer(secretary)).expect(200)).body).toEqual({ items: [], canIssue: false });
    const withdrawn = await supervisedCaseForGov(t, secretary);
    await caseAction(t, secretary, withdrawn.id, { action: 'withdraw', reason: '信访人撤回' });
    expectError(await t.http.post(`/cases/${withdrawn.id}/unit-links`).set(bearer(secretary)), 409, 'UNIT_LINK_CASE_CLOSED');
    expect((await t.http.get(`/cases/${withdrawn.id}/unit-links`).set(bearer(secretary)).expect(200)).body.canIssue).toBe(false);
    const listed = await t.http.get(`/cases/${c.id}/unit-links`).set(bearer(secretary)).expect(200);
    expect((listed.body.items as LinkView[]).map((l) => l.id)).toEqual([issued.id]);
  });
});

describe('unit links: request limits', () => {
  // Five requests without a token per minute and address: the secretary's sign-in is one of them.
  const t = useTestApp({ env: { RATE_LIMIT_ANONYMOUS_PER_MINUTE: '5' } });

  it('limits link requests per client address like every public route (429 with Retry-After)', async () => {
    const secretary = await t.token('secretary');
    const c = await supervisedCaseForGov(t, secretary);
    const own = tokenOf((await t.http.post(`/cases/${c.id}/unit-links`).set(bearer(secretary)).expect(201)).body.url);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await t.http.get(`/unit-links/${own}`)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const over = await t.http.post(`/unit-links/${own}/actions`).send({ action: 'sign' });
    expectError(over, 429, 'TOO_MANY_REQUESTS');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
    // Refused requests are not uses: four views audited, no action.
    const rows: { n: number | string }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'unit-link.use' AND entityId = ?", [c.id]);
    expect(Number(rows[0].n)).toBe(4);
  });
});
