import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { MULTIPART_GARBAGE } from '../bench/lib/hostile-requests.js';
import { ID_PATTERN, PHONE_PATTERN, SAMPLE_ID, SAMPLE_PHONE, binary, docxWithText, fakeExe, filesUnder, pdfOfSize, pdfWithText } from './support/attachment-files.js';
import { bearer } from './support/factories.js';
import { caseAction, expectError, registerCase } from './support/http-helpers.js';
import { type TestApp, type TestUser, useTestApp } from './support/test-app.js';

/**
 * Attachments of cases (issue 15 §3): upload by content type and size, sealed files on disk, download only
 * for those who see the case, every download audited.
 */
interface AttachmentView {
  id: string;
  caseId: string;
  kind: string;
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  unitCode: string | null;
  uploadedByName: string;
  via: string;
  contentUrl: string;
}

const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

async function upload(t: TestApp, user: TestUser, caseId: string, file: Buffer, name: string, kind: string, contentType = 'application/octet-stream'): Promise<Response> {
  return t.http
    .post(`/cases/${caseId}/attachments`)
    .set(bearer(await t.token(user)))
    .field('kind', kind)
    .attach('file', file, { filename: name, contentType });
}

async function download(t: TestApp, user: TestUser, id: string): Promise<Response> {
  return t.http
    .get(`/attachments/${id}/content`)
    .set(bearer(await t.token(user)))
    .buffer(true)
    .parse(binary);
}

/** A download's error answer (the body arrives as bytes). */
function expectDownloadError(res: Response, status: number, code: string): void {
  expectError({ status: res.status, body: JSON.parse((res.body as Buffer).toString('utf8')) as unknown } as Response, status, code);
}

async function attachmentRows(t: TestApp): Promise<number> {
  const rows: { n: number | string }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM case_attachments');
  return Number(rows[0].n);
}

describe('case attachments', () => {
  const t = useTestApp();
  /** Routed to the legislative affairs commission (unit-lac), in the director's charge. */
  let lacCase = '';
  /** Transferred to the city government (unit-gov). */
  let govCase = '';
  /** Registered only: no unit sees it. */
  let officeCase = '';
  let pdf: Buffer;
  let lacReport: AttachmentView;

  beforeAll(async () => {
    const secretary = await t.token('secretary');
    lacCase = (await registerCase<{ id: string }>(t, secretary, { category: 'legislation', subject: '建议修订物业管理条例' })).id;
    await caseAction(t, secretary, lacCase, { action: 'accept' });
    await caseAction(t, secretary, lacCase, { action: 'route' });
    govCase = (await registerCase<{ id: string }>(t, secretary)).id;
    await caseAction(t, secretary, govCase, { action: 'accept' });
    await caseAction(t, secretary, govCase, { action: 'transfer' });
    officeCase = (await registerCase<{ id: string }>(t, secretary)).id;
    // The director leads the office case (a leader who sees it); deputy2 leads nothing here.
    await caseAction(t, secretary, officeCase, { action: 'assign-leader', leaderId: t.leaders.get('director') });
    pdf = pdfWithText(`Petitioner ID ${SAMPLE_ID} phone ${SAMPLE_PHONE}`);
  });

  it('stores a PDF and gives back the same bytes (same SHA-256), with its type, its name (RFC 5987) and nosniff', async () => {
    const res = await upload(t, 'secretary', lacCase, pdf, '来信扫描件.pdf', 'petition-scan', 'application/pdf');
    expect(res.status).toBe(201);
    const view = res.body as AttachmentView;
    expect(view).toMatchObject({ caseId: lacCase, kind: 'petition-scan', fileName: '来信扫描件.pdf', mediaType: 'application/pdf', size: pdf.length, sha256: sha(pdf), unitCode: null, uploadedByName: '张秘书', via: 'console' });
    expect(view.contentUrl).toBe(`/attachments/${view.id}/content`);

    const got = await download(t, 'secretary', view.id);
    expect(got.status).toBe(200);
    expect(sha(got.body as Buffer)).toBe(sha(pdf));
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('来信扫描件.pdf')}`);

    const list = await t.http.get(`/cases/${lacCase}/attachments`).set(bearer(await t.token('secretary')));
    expect(list.status).toBe(200);
    expect(list.body).toMatchObject({ items: [{ id: view.id, fileName: '来信扫描件.pdf' }], maxBytes: 20 * 1024 * 1024, perCase: 50 });
    expect(list.body.uploadKinds).toEqual(['petition-scan', 'petitioner-material', 'unit-report', 'meeting-document', 'other']);
  });

  it('writes every download to the audit trail: case, attachment, who, how', async () => {
    // (An auditor reads what is not office-only: see the petitioner's scans below.)
    const view = (await upload(t, 'secretary', lacCase, pdf, 'note.pdf', 'other')).body as AttachmentView;
    expect((await download(t, 'auditor', view.id)).status).toBe(200);
    const entries: { actorId: string; actorName: string; action: string; entityType: string; entityId: string; data: string | Record<string, unknown> }[] = await t.dataSource.query(
      "SELECT actorId, actorName, action, entityType, entityId, data FROM audit_log WHERE action = 'attachment.download' ORDER BY at",
    );
    const mine = entries.map((e) => ({ ...e, data: typeof e.data === 'string' ? (JSON.parse(e.data) as Record<string, unknown>) : e.data })).filter((e) => e.data.attachmentId === view.id);
    expect(mine).toEqual([{ actorId: expect.any(String), actorName: '审计员', action: 'attachment.download', entityType: 'case', entityId: lacCase, data: { attachmentId: view.id, caseId: lacCase, role: 'auditor', via: 'console' } }]);
    const trail = await t.http.get('/audit').query({ action: 'attachment.download' }).set(bearer(await t.token('admin')));
    expect(trail.status).toBe(200);
    expect(JSON.stringify(trail.body)).toContain('下载案件附件');
  });

  it('refuses an .exe renamed .pdf (type by content: 415 naming what it is and what is allowed) and stores nothing', async () => {
    const before = { rows: await attachmentRows(t), files: filesUnder(t.config.attachments.dir).length };
    const res = await upload(t, 'secretary', lacCase, fakeExe(), '书面报告.pdf', 'other', 'application/pdf');
    expectError(res, 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    expect(res.body.message).toContain('Windows 可执行程序');
    expect(res.body.message).toContain('允许上传：PDF、PNG、JPEG、TIFF、Word');
    // Plain text has no signature: refused too (a renamed script would otherwise pass).
    expectError(await upload(t, 'secretary', lacCase, Buffer.from(`身份证 ${SAMPLE_ID}`), '说明.txt', 'other', 'text/plain'), 415, 'ATTACHMENT_TYPE_NOT_ALLOWED');
    expect({ rows: await attachmentRows(t), files: filesUnder(t.config.attachments.dir).length }).toEqual(before);
  });

  it('refuses a 30 MB upload with a clear 413 and stores nothing; one byte over the limit too', async () => {
    const before = { rows: await attachmentRows(t), files: filesUnder(t.config.attachments.dir).length };
    const big = await upload(t, 'secretary', lacCase, pdfOfSize(30 * 1024 * 1024), '大扫描件.pdf', 'petition-scan', 'application/pdf');
    expectError(big, 413, 'ATTACHMENT_TOO_LARGE');
    expect(big.body.message).toMatch(/^文件超过 20 MB/);
    const justOver = await upload(t, 'secretary', lacCase, pdfOfSize(20 * 1024 * 1024 + 1), 'over.pdf', 'petition-scan');
    expectError(justOver, 413, 'ATTACHMENT_TOO_LARGE');
    expect({ rows: await attachmentRows(t), files: filesUnder(t.config.attachments.dir).length }).toEqual(before);
  });

  it('keeps nothing readable on disk: a regex scan of every file under ATTACHMENTS_DIR finds no ID number or phone', async () => {
    const docx = await docxWithText([`信访人身份证号 ${SAMPLE_ID}`, `联系电话 ${SAMPLE_PHONE}`]);
    expect((await upload(t, 'secretary', lacCase, docx, `${SAMPLE_ID}-材料.docx`, 'petitioner-material')).status).toBe(201);
    // The scan can fail: the PDF as uploaded carries both in the clear.
    expect([ID_PATTERN.test(pdf.toString('latin1')), PHONE_PATTERN.test(pdf.toString('latin1'))]).toEqual([true, true]);
    const files = filesUnder(t.config.attachments.dir);
    expect(files.length).toBeGreaterThanOrEqual(3);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const text of [bytes.toString('latin1'), bytes.toString('utf8'), bytes.toString('utf16le')]) {
        expect({ file, id: ID_PATTERN.test(text), phone: PHONE_PATTERN.test(text), pdf: text.includes('%PDF') }).toEqual({ file, id: false, phone: false, pdf: false });
      }
    }
    // And the name shown for the file has the ID number masked.
    const list = await t.http.get(`/cases/${lacCase}/attachments`).set(bearer(await t.token('secretary')));
    expect(JSON.stringify(list.body)).not.toContain(SAMPLE_ID);
    expect(t.logLines.join('\n')).not.toContain(SAMPLE_ID);
  });

  it('lets a unit upload its written report on its own case, and nothing on another unit’s', async () => {
    const res = await upload(t, 'unit-lac', lacCase, pdf, '书面报告.pdf', 'unit-report');
    expect(res.status).toBe(201);
    lacReport = res.body as AttachmentView;
    expect(lacReport).toMatchObject({ unitCode: 'LAC', uploadedByName: '法工委联络员', kind: 'unit-report' });
    expectError(await upload(t, 'unit-lac', lacCase, pdf, 'scan.pdf', 'petition-scan'), 403, 'ATTACHMENT_KIND_NOT_ALLOWED');
    expectError(await upload(t, 'unit-gov', lacCase, pdf, '书面报告.pdf', 'unit-report'), 404, 'CASE_NOT_FOUND');
    expectError(await upload(t, 'secretary', lacCase, pdf, 'letter.pdf', 'letter'), 403, 'ATTACHMENT_KIND_NOT_ALLOWED');
  });

  it('a unit cannot list or download another unit’s attachments (404, like a missing one)', async () => {
    expectError(await t.http.get(`/cases/${lacCase}/attachments`).set(bearer(await t.token('unit-gov'))), 404, 'CASE_NOT_FOUND');
    expectDownloadError(await download(t, 'unit-gov', lacReport.id), 404, 'ATTACHMENT_NOT_FOUND');
    const own = await download(t, 'unit-lac', lacReport.id);
    expect(own.status).toBe(200);
    expect(sha(own.body as Buffer)).toBe(lacReport.sha256);
    const govList = await t.http.get(`/cases/${govCase}/attachments`).set(bearer(await t.token('unit-gov')));
    expect(govList.status).toBe(200);
    expect(govList.body).toMatchObject({ items: [], uploadKinds: ['unit-report', 'other'] });
  });

  it('keeps the petitioner’s scans and materials for the office: other roles do not list them and read 404', async () => {
    const scan = (await upload(t, 'secretary', govCase, pdf, '来信扫描件.pdf', 'petition-scan')).body as AttachmentView & { officeOnly: boolean };
    const material = (await upload(t, 'secretary', govCase, pdf, '身份证复印件.pdf', 'petitioner-material')).body as AttachmentView & { officeOnly: boolean };
    const note = (await upload(t, 'secretary', govCase, pdf, '转办说明.pdf', 'other')).body as AttachmentView & { officeOnly: boolean };
    expect([scan.officeOnly, material.officeOnly, note.officeOnly]).toEqual([true, true, false]);
    await caseAction(t, await t.token('secretary'), govCase, { action: 'assign-leader', leaderId: t.leaders.get('director') });
    const listed = async (user: TestUser): Promise<string[]> => {
      const res = await t.http.get(`/cases/${govCase}/attachments`).set(bearer(await t.token(user)));
      expect({ user, status: res.status }).toEqual({ user, status: 200 });
      return (res.body as { items: AttachmentView[] }).items.map((i) => i.id).sort();
    };
    for (const user of ['admin', 'secretary'] as const) {
      expect(await listed(user)).toEqual(expect.arrayContaining([scan.id, material.id, note.id]));
      expect((await download(t, user, scan.id)).status).toBe(200);
    }
    for (const user of ['unit-gov', 'director', 'auditor'] as const) {
      const ids = await listed(user);
      expect({ user, ids }).toEqual({ user, ids: expect.arrayContaining([note.id]) });
      expect({ user, scan: ids.includes(scan.id), material: ids.includes(material.id) }).toEqual({ user, scan: false, material: false });
      for (const hidden of [scan, material]) expectDownloadError(await download(t, user, hidden.id), 404, 'ATTACHMENT_NOT_FOUND');
      expect((await download(t, user, note.id)).status).toBe(200);
    }
  });

  describe('every role on every route (object level)', () => {
    let officeFile: AttachmentView;
    beforeAll(async () => {
      officeFile = (await upload(t, 'secretary', officeCase, pdf, 'office.pdf', 'other')).body as AttachmentView;
    });

    // [user, case, upload, list, download]: a leader sees only the cases in his or her charge (the director the office case),
    // a unit only the cases routed to it; leaders and auditors never upload.
    it.each([
      ['admin', 'officeCase', 201, 200, 200],
      ['secretary', 'officeCase', 201, 200, 200],
      ['auditor', 'officeCase', 403, 200, 200],
      ['director', 'officeCase', 403, 200, 200],
      ['deputy2', 'officeCase', 403, 404, 404],
      ['director', 'lacCase', 403, 404, 404],
      ['unit-gov', 'officeCase', 404, 404, 404],
      ['unit-lac', 'officeCase', 404, 404, 404],
      ['unit-gov', 'lacCase', 404, 404, 404],
      ['unit-lac', 'lacCase', 201, 200, 200],
    ] as const)('%s on %s: upload %i, list %i, download %i', async (user, which, up, list, down) => {
      const caseId = which === 'officeCase' ? officeCase : lacCase;
      const fileId = which === 'officeCase' ? officeFile.id : lacReport.id;
      const u = await upload(t, user, caseId, pdf, 'r.pdf', user.startsWith('unit') ? 'unit-report' : 'other');
      expect({ user, status: u.status }).toEqual({ user, status: up });
      const l = await t.http.get(`/cases/${caseId}/attachments`).set(bearer(await t.token(user)));
      expect({ user, status: l.status }).toEqual({ user, status: list });
      const d = await download(t, user, fileId);
      expect({ user, status: d.status }).toEqual({ user, status: down });
      if (down === 404) expectDownloadError(d, 404, 'ATTACHMENT_NOT_FOUND');
    });

    it('answers without a token 401, and for unknown or malformed ids 404 / 400', async () => {
      expect((await t.http.get(`/cases/${officeCase}/attachments`)).status).toBe(401);
      expect((await t.http.get(`/attachments/${officeFile.id}/content`)).status).toBe(401);
      expectError(await t.http.get('/attachments/00000000-0000-4000-8000-000000000000/content').set(bearer(await t.token('secretary'))), 404, 'ATTACHMENT_NOT_FOUND');
      expectError(await t.http.get('/cases/00000000-0000-4000-8000-000000000000/attachments').set(bearer(await t.token('secretary'))), 404, 'CASE_NOT_FOUND');
      expectError(await t.http.get(`/attachments/${SAMPLE_ID}/content`).set(bearer(await t.token('secretary'))), 400, 'INVALID_ID');
    });
  });

  it('answers malformed uploads with a 4xx and a Chinese sentence, never a 500', async () => {
    const secretary = bearer(await t.token('secretary'));
    const url = `/cases/${officeCase}/attachments`;
    expectError(await t.http.post(url).set(secretary).field('kind', 'other'), 400, 'ATTACHMENT_FILE_REQUIRED');
    expectError(await t.http.post(url).set(secretary).send({ kind: 'other' }), 400, 'ATTACHMENT_FILE_REQUIRED');
    expectError(await t.http.post(url).set(secretary).field('kind', 'other').attach('upload', pdf, 'a.pdf'), 400, 'ATTACHMENT_UPLOAD_MALFORMED');
    expectError(await t.http.post(url).set(secretary).field('kind', 'other').attach('file', pdf, 'a.pdf').attach('file', pdf, 'b.pdf'), 400, 'ATTACHMENT_UPLOAD_MALFORMED');
    expectError(await t.http.post(url).set(secretary).set('Content-Type', 'multipart/form-data').send('garbage without a boundary'), 400, 'ATTACHMENT_UPLOAD_MALFORMED');
    expectError(await t.http.post(url).set(secretary).set('Content-Type', 'multipart/form-data; boundary=XyZ').send('--XyZ\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n%PDF-1.4 trunc'), 400, 'ATTACHMENT_UPLOAD_MALFORMED');
    expectError(await t.http.post(url).set(secretary).attach('file', Buffer.alloc(0), 'empty.pdf').field('kind', 'other'), 400, 'ATTACHMENT_FILE_REQUIRED');
    const badKind = await t.http.post(url).set(secretary).field('kind', 'secret').attach('file', pdf, 'a.pdf');
    expect(badKind.status).toBe(400);
    expect(typeof badKind.body.code).toBe('string');
    expectError(await t.http.post(url).set(secretary).set('Content-Type', 'text/plain').send('hello'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    // The hostile suite's broken multipart bodies: each a 4xx in the error model, nothing stored.
    const rows = await attachmentRows(t);
    for (const garbage of MULTIPART_GARBAGE) {
      const res = await t.http.post(url).set(secretary).set('Content-Type', 'multipart/form-data; boundary=xyz').send(garbage);
      expect({ garbage: garbage.slice(0, 40), status: res.status >= 400 && res.status < 500, code: typeof res.body.code }).toEqual({ garbage: garbage.slice(0, 40), status: true, code: 'string' });
    }
    expect(await attachmentRows(t)).toBe(rows);
    // multipart elsewhere is still refused.
    expectError(await t.http.post('/cases').set(secretary).field('subject', 'x'), 415, 'UNSUPPORTED_MEDIA_TYPE');
  });
});

describe('attachments per case', () => {
  const t = useTestApp({ env: { ATTACHMENTS_PER_CASE: '2' } });

  it('stops at the limit with 422 ATTACHMENT_LIMIT_REACHED and stores nothing more', async () => {
    const secretary = await t.token('secretary');
    const caseId = (await registerCase<{ id: string }>(t, secretary)).id;
    const pdf = pdfWithText('limit');
    expect((await upload(t, 'secretary', caseId, pdf, '1.pdf', 'other')).status).toBe(201);
    expect((await upload(t, 'secretary', caseId, pdf, '2.pdf', 'other')).status).toBe(201);
    const files = filesUnder(t.config.attachments.dir).length;
    const third = await upload(t, 'secretary', caseId, pdf, '3.pdf', 'other');
    expectError(third, 422, 'ATTACHMENT_LIMIT_REACHED');
    expect(third.body.message).toContain('已有 2 个附件');
    expect(await attachmentRows(t)).toBe(2);
    expect(filesUnder(t.config.attachments.dir)).toHaveLength(files);
  });
});
