import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { DOCX_READER, DOCX_READER_NOTE, readDocx, REQUIRE_DOCX_READER } from './support/docx-reader.js';
import { readEml } from './support/eml.js';
import { mimeParts } from './support/eml-parts.js';
import { bearer, idNumber } from './support/factories.js';
import { caseAction, expectError, registerCase } from './support/http-helpers.js';
import { useTestApp, type TestUser } from './support/test-app.js';
import { Mailer, type MailMessage } from '../src/common/mail/mailer.js';
import { UnitNoticeSender } from '../src/unit-notices/unit-notice-sender.js';

/**
 * Letters (公文) and the notices to units at each hand-over (issue 15 §2, §4): a transfer mails the unit
 * its 转送函 (.docx) and a link through the outbox; an urge mails a 催办通报, an extension decision a short
 * notice without a letter; a unit without an address is shown as such. Every letter opens in python-docx
 * with the case code, its number and addressee, and no ID number or phone; numbers are consecutive per
 * prefix and year even when two letters are generated at once; an admin's template edit changes the next
 * letter, an unknown placeholder is refused; units and leaders reach only the cases they see.
 */
const FREE_ID = idNumber('42030219880315123');
const PHONE = '13872651234';
// Each case's own petitioner (ID number and phone), so none counts as a repeat and is graded up to a supervised item.
const ID_PATTERN = /\d{17}[\dXx]/;
const PHONE_PATTERN = /1[3-9]\d{9}/;
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

interface Letter {
  id: string;
  kind: string;
  number: string;
  addressee: string;
  attachmentId: string;
}
interface Letters {
  items: Letter[];
  available: string[];
}
interface Notice {
  id: string;
  kind: string;
  status: string;
  unitCode: string;
  letterKind: string | null;
  letterNumber: string | null;
  letterAttachmentId: string | null;
  linkId?: string | null;
  attempts: number;
  sentAt: string | null;
}

const binary = (res: Response, done: (err: Error | null, body: Buffer) => void): void => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
};

const docxIt = DOCX_READER || REQUIRE_DOCX_READER ? it : it.skip;
if (!DOCX_READER && !REQUIRE_DOCX_READER) console.warn(DOCX_READER_NOTE);

describe('letters and notices to units (公文, 部门联动)', () => {
  const t = useTestApp();
  const tokens = new Map<TestUser, string>();
  const as = (user: TestUser): { Authorization: string } => bearer(tokens.get(user) as string);

  beforeAll(async () => {
    for (const user of ['admin', 'secretary', 'auditor', 'deputy1', 'unit-gov', 'unit-lac'] as TestUser[]) tokens.set(user, await t.token(user));
  });

  const secretary = (): string => tokens.get('secretary') as string;
  let petitioners = 0;
  /** A case of a new petitioner each time (a repeat petitioner would be graded up and supervised), with an ID number in the subject. */
  const newCase = (subject = '拖欠农民工工资') => {
    petitioners++;
    const id = idNumber(`42030219900101${String(petitioners).padStart(3, '0')}`);
    return registerCase<{ id: string; code: string }>(t, secretary(), { subject: `${subject} 身份证${FREE_ID}`, petitioner: { name: '李四海', idNumber: id, phone: `${PHONE.slice(0, 7)}${String(1000 + petitioners)}` }, category: 'employment-social', region: `张湾区公文${petitioners}` });
  };
  /** Moves the clock on by a minute: the notices of one case read in the order of their hand-overs. */
  const later = (): void => t.clock.set(new Date(t.clock.now().getTime() + 60_000).toISOString());
  const transferred = async (unit = 'GOV'): Promise<{ id: string; code: string }> => {
    const c = await newCase();
    await caseAction(t, secretary(), c.id, { action: 'accept' });
    await caseAction(t, secretary(), c.id, { action: 'transfer', handledBy: unit });
    return c;
  };
  const notices = async (caseId: string, user: TestUser = 'secretary'): Promise<Notice[]> => (await t.http.get(`/cases/${caseId}/notices`).set(as(user)).expect(200)).body as Notice[];
  const letters = async (caseId: string, user: TestUser = 'secretary'): Promise<Letters> => (await t.http.get(`/cases/${caseId}/letters`).set(as(user)).expect(200)).body as Letters;
  const download = async (attachmentId: string, user: TestUser = 'secretary'): Promise<Buffer> =>
    (await t.http.get(`/attachments/${attachmentId}/content`).set(as(user)).buffer(true).parse(binary).expect(200)).body as Buffer;
  const outbox = (): string => join(t.config.dataDir, 'outbox');
  const mailOf = (noticeId: string): string => readFileSync(join(outbox(), `unit-notice-${noticeId}.eml`), 'utf8');
  const mailCount = (): number => readdirSync(outbox()).filter((f) => f.startsWith('unit-notice-')).length;
  const text = (buffer: Buffer): string => {
    const doc = readDocx(buffer);
    return [...doc.paragraphs, ...doc.tables.flat(2), ...doc.headers, ...doc.footers].join('\n');
  };

  describe('a transfer', () => {
    docxIt('mails the unit its 转送函 (.docx) and a link through the outbox, once, without petitioner data', async () => {
      const c = await transferred();
      const queued = await notices(c.id);
      expect(queued.map((n) => [n.kind, n.status, n.unitCode])).toEqual([['transfer', 'queued', 'GOV']]);
      await t.relay.drain();
      const [sent] = await notices(c.id);
      expect(sent).toMatchObject({ status: 'sent', letterKind: 'transfer-letter', attempts: 1 });
      expect(sent.letterNumber).toMatch(/^人大信转〔2026〕\d+号$/);
      if (t.config.smtpUrl) return;
      const raw = mailOf(sent.id);
      expect(readEml(raw).subject).toBe(`【转送函】${c.code} 拖欠农民工工资 身份证420***********${FREE_ID.slice(-4)}`);
      const parts = mimeParts(raw);
      const body = parts.find((p) => p.contentType === 'text/plain')?.text ?? '';
      expect(body).toContain(`信访事项 ${c.code}`);
      expect(body).toContain(`公文：转送函 ${sent.letterNumber}（见附件）`);
      expect(body).toMatch(/\/console\/unit-link\/[A-Za-z0-9_-]{20,}/);
      expect(body).not.toContain('李四海');
      const attachment = parts.find((p) => p.contentType === DOCX);
      expect(attachment?.fileName).toBe(`转送函${sent.letterNumber}（${c.code}）.docx`);
      const doc = readDocx(attachment?.bytes as Buffer);
      expect(doc.paragraphs).toEqual(expect.arrayContaining(['人大常委会信访室', sent.letterNumber, '关于转送信访事项的函', '市人民政府：']));
      const all = text(attachment?.bytes as Buffer);
      expect(all).toContain(c.code);
      expect(all).toContain('李**');
      expect(all).not.toContain('李四海');
      expect(all).not.toMatch(ID_PATTERN);
      expect(all).not.toMatch(PHONE_PATTERN);
      expect(raw).not.toMatch(ID_PATTERN);
      expect(raw).not.toMatch(PHONE_PATTERN);
      expect(doc.page).toEqual({ width: 210, height: 297, top: 37, bottom: 35, left: 28, right: 26 });
      expect(doc.runs.find((r) => r.text === '人大常委会信访室')).toMatchObject({ color: 'E60012', size: 26 });
      expect(doc.runs.find((r) => r.text === '关于转送信访事项的函')).toMatchObject({ size: 22 });
      // The letter is an attachment of the case with its number, and in the case's letters.
      expect((await letters(c.id)).items.map((l) => [l.kind, l.number, l.attachmentId])).toEqual([['transfer-letter', sent.letterNumber, sent.letterAttachmentId]]);
      // The job again (a crash after sending, a second dispatch): nothing sent twice.
      const before = mailCount();
      await t.app.get(UnitNoticeSender).deliver(sent.id);
      expect(mailCount()).toBe(before);
    });

    it('urging: the unit gets a 催办通报 with the note; an extension decision a short notice without a letter', async () => {
      const c = await transferred();
      await t.relay.drain();
      later();
      await caseAction(t, secretary(), c.id, { action: 'urge', note: '请于本周内报送办理情况' });
      later();
      await caseAction(t, secretary(), c.id, { action: 'extend', days: 10, reason: '案情复杂需调查取证', approver: '李主任' });
      await t.relay.drain();
      const all = await notices(c.id);
      expect(all.map((n) => [n.kind, n.status, n.letterKind])).toEqual([
        ['transfer', 'sent', 'transfer-letter'],
        ['urge', 'sent', 'urging-notice'],
        ['extension-approved', 'sent', null],
      ]);
      expect(all[1].letterNumber).toMatch(/^人大信催〔2026〕\d+号$/);
      if (t.config.smtpUrl) return;
      const urge = mimeParts(mailOf(all[1].id));
      expect(urge.find((p) => p.contentType === 'text/plain')?.text).toContain('催办意见：请于本周内报送办理情况');
      if (DOCX_READER) expect(text(urge.find((p) => p.contentType === DOCX)?.bytes as Buffer)).toContain('催办意见：请于本周内报送办理情况');
      const extension = mimeParts(mailOf(all[2].id));
      expect(readEml(mailOf(all[2].id)).subject).toContain('【延期申请已批准】');
      expect(extension.some((p) => p.contentType === DOCX)).toBe(false);
      expect(extension.find((p) => p.contentType === 'text/plain')?.text).toContain('办理期限：');
    });

    it('a unit without an e-mail address: the letter is made, the notice shows no-address and nothing is mailed', async () => {
      const units = (await t.http.get('/units').set(as('admin')).expect(200)).body as { id: string; code: string }[];
      const housing = units.find((u) => u.code === 'HOUSING') as { id: string };
      await t.http.patch(`/units/${housing.id}`).set(as('admin')).send({ email: null }).expect(200);
      const c = await transferred('HOUSING');
      const before = t.config.smtpUrl ? 0 : mailCount();
      await t.relay.drain();
      const [notice] = await notices(c.id);
      expect(notice).toMatchObject({ kind: 'transfer', status: 'no-address', letterKind: 'transfer-letter', sentAt: null });
      expect(notice.letterNumber).toMatch(/^人大信转/);
      if (!t.config.smtpUrl) expect(mailCount()).toBe(before);
    });
  });

  describe('every letter to a unit', () => {
    const lettersOf = async (caseId: string): Promise<Letter[]> => (await letters(caseId)).items;
    const expectClean = (all: string, code: string, number: string, addressee: string): void => {
      expect(all).toContain(code);
      expect(all).toContain(number);
      expect(all).toContain(`${addressee}：`);
      expect(all).not.toContain('李四海');
      expect(all).not.toMatch(ID_PATTERN);
      expect(all).not.toMatch(PHONE_PATTERN);
    };

    docxIt('交办单 at a route, 督办函 at a supervised transfer and at a re-supervision (with its reason): code, number, addressee, no ID number or phone', async () => {
      // Routed inside to the committee (法工委): the notice carries a 交办单.
      const routed = await newCase();
      await caseAction(t, secretary(), routed.id, { action: 'accept' });
      await caseAction(t, secretary(), routed.id, { action: 'route', committee: 'LAC', handledBy: 'LAC' });
      // A provincial referral is graded up: its transfer makes it a supervised item, the notice carries a 督办函.
      const supervised = await registerCase<{ id: string; code: string }>(t, secretary(), { subject: `省人大转办 身份证${FREE_ID}`, petitioner: { name: '李四海', phone: '13972650001' }, provincialReferral: true, category: 'employment-social', region: '竹溪县公文' });
      await caseAction(t, secretary(), supervised.id, { action: 'accept' });
      await caseAction(t, secretary(), supervised.id, { action: 'transfer', handledBy: 'GOV' });
      // Answered, the petitioner not satisfied: re-supervised with a reason, the notice carries a 督办函 with it.
      const again = await transferred();
      await caseAction(t, secretary(), again.id, { action: 'start' });
      await caseAction(t, secretary(), again.id, { action: 'reply', reason: '已协调发放' });
      await caseAction(t, secretary(), again.id, { action: 'feedback', feedback: 'dissatisfied' });
      later();
      await caseAction(t, secretary(), again.id, { action: 'resupervise', reason: '信访人反映仍未足额发放，请重新核实 13972659999' });
      await t.relay.drain();

      const [sheet] = await lettersOf(routed.id);
      expect(sheet).toMatchObject({ kind: 'assignment-sheet', addressee: '法制工作委员会' });
      expect(sheet.number).toMatch(/^人大信交〔2026〕\d+号$/);
      expectClean(text(await download(sheet.attachmentId)), routed.code, sheet.number, '法制工作委员会');

      const [supervision] = await lettersOf(supervised.id);
      expect(supervision).toMatchObject({ kind: 'supervision-letter', addressee: '市人民政府' });
      const supervisionText = text(await download(supervision.attachmentId));
      expectClean(supervisionText, supervised.code, supervision.number, '市人民政府');
      expect(supervisionText).not.toContain('再督办意见');

      // Both notices' letters were made in one run of the outbox (one instant): found by kind.
      expect((await lettersOf(again.id)).map((l) => l.kind).sort()).toEqual(['supervision-letter', 'transfer-letter']);
      const resupervision = (await lettersOf(again.id)).find((l) => l.kind === 'supervision-letter') as Letter;
      const resupervisionText = text(await download(resupervision.attachmentId));
      expectClean(resupervisionText, again.code, resupervision.number, '市人民政府');
      expect(resupervisionText).toContain('再督办意见：信访人反映仍未足额发放，请重新核实 139****9999');
      expect((await notices(again.id)).map((n) => [n.kind, n.letterKind, n.status])).toEqual([
        ['transfer', 'transfer-letter', 'sent'],
        ['resupervise', 'supervision-letter', 'sent'],
      ]);
    });
  });

  describe('letters on the case page', () => {
    docxIt('prints the petitioner’s 受理告知书: full name, case code, number; no ID number or phone', async () => {
      const c = await newCase('小区加装电梯补贴未兑现');
      await caseAction(t, secretary(), c.id, { action: 'accept' });
      expect((await letters(c.id)).available).toEqual(['acceptance-notice']);
      const res = await t.http.post(`/cases/${c.id}/letters`).set(as('secretary')).send({ kind: 'acceptance-notice' }).expect(201);
      const [letter] = (res.body as Letters).items;
      expect(letter).toMatchObject({ kind: 'acceptance-notice', addressee: '信访人' });
      // The answer names the new letter (letters made at the same instant by a notice job may sort before it).
      expect((res.body as Letters & { created: unknown }).created).toEqual(letter);
      expect(letter.number).toMatch(/^人大信告〔2026〕\d+号$/);
      const all = text(await download(letter.attachmentId));
      expect(all).toContain('李四海：');
      expect(all).toContain(c.code);
      expect(all).toContain(letter.number);
      expect(all).toContain('信访事项受理告知书');
      expect(all).toContain('2026年11月26日');
      expect(all).not.toMatch(ID_PATTERN);
      expect(all).not.toMatch(PHONE_PATTERN);
    });

    docxIt('prints a 不予受理告知书 with the reason of the rejection', async () => {
      const c = await newCase();
      await caseAction(t, secretary(), c.id, { action: 'reject', reason: '该事项已经人民法院判决，不属于人大信访受理范围' });
      const res = await t.http.post(`/cases/${c.id}/letters`).set(as('secretary')).send({ kind: 'rejection-notice' }).expect(201);
      const all = text(await download((res.body as Letters).items[0].attachmentId));
      expect(all).toContain('不予受理的理由：该事项已经人民法院判决，不属于人大信访受理范围');
      expect(all).not.toMatch(ID_PATTERN);
    });

    it('refuses a letter the case’s state does not fit (409 with a sentence), an unknown kind (400), and writes nothing', async () => {
      const c = await newCase();
      expectError(await t.http.post(`/cases/${c.id}/letters`).set(as('secretary')).send({ kind: 'acceptance-notice' }), 409, 'LETTER_NOT_APPLICABLE');
      expectError(await t.http.post(`/cases/${c.id}/letters`).set(as('secretary')).send({ kind: 'transfer-letter' }), 409, 'LETTER_NOT_APPLICABLE');
      expectError(await t.http.post(`/cases/${c.id}/letters`).set(as('secretary')).send({ kind: 'memo' }), 400, 'VALIDATION_FAILED');
      expect((await letters(c.id)).items).toEqual([]);
    });

    it('gives two letters generated at once two consecutive numbers', async () => {
      const [a, b] = [await newCase(), await newCase()];
      for (const c of [a, b]) await caseAction(t, secretary(), c.id, { action: 'accept' });
      const [ra, rb] = await Promise.all([a, b].map((c) => t.http.post(`/cases/${c.id}/letters`).set(as('secretary')).send({ kind: 'acceptance-notice' })));
      expect([ra.status, rb.status]).toEqual([201, 201]);
      const serials = [ra, rb].map((r) => Number(/〔2026〕(\d+)号/.exec((r.body as Letters).items[0].number)?.[1])).sort((x, y) => x - y);
      expect(serials[1]).toBe(serials[0] + 1);
    });
  });

  describe('templates (公文模板)', () => {
    const edit = { title: '信访事项受理告知书', numberPrefix: '人大信受', addressee: '{{petitionerName}}同志：', body: '你反映的“{{subject}}”（{{caseCode}}）已于{{acceptedDate}}受理。\n特此告知，请留意答复（期限：{{dueDate}}）。' };

    docxIt('an admin’s edit changes the next letter (wording and number prefix), versioned and audited', async () => {
      const listed = (await t.http.get('/letter-templates').set(as('secretary')).expect(200)).body as { kind: string; version: number }[];
      expect(listed.map((x) => x.kind)).toEqual(['acceptance-notice', 'rejection-notice', 'transfer-letter', 'assignment-sheet', 'supervision-letter', 'urging-notice']);
      const preview = await t.http.post('/letter-templates/acceptance-notice/preview').set(as('admin')).send(edit).expect(200);
      expect(preview.body).toMatchObject({ number: '人大信受〔2026〕1号', addressee: '张三同志：' });
      const saved = await t.http.put('/letter-templates/acceptance-notice').set(as('admin')).send({ ...edit, version: 0 }).expect(200);
      expect(saved.body).toMatchObject({ version: 1, updatedBy: '系统管理员', numberPrefix: '人大信受' });
      expectError(await t.http.put('/letter-templates/acceptance-notice').set(as('admin')).send({ ...edit, version: 0 }), 409, 'LETTER_TEMPLATE_CHANGED_CONCURRENTLY');
      const c = await newCase();
      await caseAction(t, secretary(), c.id, { action: 'accept' });
      const res = await t.http.post(`/cases/${c.id}/letters`).set(as('secretary')).send({ kind: 'acceptance-notice' }).expect(201);
      const letter = (res.body as Letters).items[0];
      expect(letter.number).toBe('人大信受〔2026〕1号');
      const all = text(await download(letter.attachmentId));
      expect(all).toContain('李四海同志：');
      expect(all).toContain(`（${c.code}）已于2026年11月26日受理。`);
      const audit: { action: string }[] = await t.dataSource.query("SELECT action FROM audit_log WHERE entityType = 'letter-template' AND entityId = 'acceptance-notice'");
      expect(audit.map((a) => a.action)).toEqual(['letter-template.update']);
    });

    it('refuses unknown placeholders naming them (422), a secretary’s edit (403), an unknown kind (404)', async () => {
      const res = await t.http.put('/letter-templates/transfer-letter').set(as('admin')).send({ ...edit, body: '{{caseCode}} {{idNumber}} {{phone}}' });
      expectError(res, 422, 'LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN');
      expect(res.body.message).toContain('{{idNumber}}、{{phone}}');
      expectError(await t.http.post('/letter-templates/transfer-letter/preview').set(as('admin')).send({ ...edit, title: '{{foo}}' }), 422, 'LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN');
      expectError(await t.http.put('/letter-templates/transfer-letter').set(as('secretary')).send(edit), 403, 'FORBIDDEN');
      expectError(await t.http.get('/letter-templates/memo').set(as('admin')), 404, 'LETTER_KIND_UNKNOWN');
      expectError(await t.http.put('/letter-templates/transfer-letter').set(as('admin')).send({ ...edit, body: 'x'.repeat(3001) }), 400, 'VALIDATION_FAILED');
      expectError(await t.http.get('/letter-templates').set(as('unit-gov')), 403, 'FORBIDDEN');
      expect(((await t.http.get('/letter-templates/transfer-letter').set(as('admin')).expect(200)).body as { version: number }).version).toBe(0);
    });
  });

  describe('object-level access', () => {
    it('a unit or leader reaches only the cases it sees (404 otherwise); a unit sees its own notices; only the office the petitioner’s letters', async () => {
      const c = await transferred();
      await t.relay.drain();
      later();
      await caseAction(t, secretary(), c.id, { action: 'urge', note: '请加快办理' });
      await t.relay.drain();
      later();
      const notice = await t.http.post(`/cases/${c.id}/letters`).set(as('secretary')).send({ kind: 'acceptance-notice' }).expect(201);
      // The 告知书 (the petitioner's name in full) is an office-only attachment: not listed nor readable by the unit or an auditor.
      const noticeFile = (notice.body as Letters).items.find((l) => l.kind === 'acceptance-notice')?.attachmentId;
      expect(noticeFile).toEqual(expect.any(String));
      for (const user of ['unit-gov', 'auditor'] as TestUser[]) {
        const files = await t.http.get(`/cases/${c.id}/attachments`).set(as(user)).expect(200);
        expect({ user, listed: (files.body as { items: { id: string }[] }).items.some((i) => i.id === noticeFile) }).toEqual({ user, listed: false });
        expect({ user, status: (await t.http.get(`/attachments/${noticeFile}/content`).set(as(user))).status }).toEqual({ user, status: 404 });
      }
      expect((await t.http.get(`/attachments/${noticeFile}/content`).set(as('secretary'))).status).toBe(200);
      for (const user of ['unit-lac', 'deputy1'] as TestUser[]) {
        expectError(await t.http.get(`/cases/${c.id}/letters`).set(as(user)), 404, 'CASE_NOT_FOUND');
        expectError(await t.http.get(`/cases/${c.id}/notices`).set(as(user)), 404, 'CASE_NOT_FOUND');
      }
      const mine = await letters(c.id, 'unit-gov');
      expect(mine.items.map((l) => l.kind)).toEqual(['transfer-letter', 'urging-notice']);
      expect(mine.available).toEqual([]);
      expect((await notices(c.id, 'unit-gov')).map((n) => n.kind)).toEqual(['transfer', 'urge']);
      expect((await letters(c.id, 'auditor')).items.map((l) => l.kind)).toEqual(['transfer-letter', 'urging-notice']);
      expect((await letters(c.id, 'admin')).items.map((l) => l.kind)).toEqual(['transfer-letter', 'urging-notice', 'acceptance-notice']);
      expectError(await t.http.post(`/cases/${c.id}/letters`).set(as('unit-gov')).send({ kind: 'urging-notice' }), 403, 'FORBIDDEN');
      expectError(await t.http.post(`/cases/${c.id}/letters`).set(as('auditor')).send({ kind: 'urging-notice' }), 403, 'FORBIDDEN');
      expectError(await t.http.get('/cases/00000000-0000-4000-8000-000000000000/letters').set(as('secretary')), 404, 'CASE_NOT_FOUND');
      expectError(await t.http.get('/cases/not-a-uuid/notices').set(as('secretary')), 400, 'INVALID_ID');
    });
  });
});

/** A mailer whose first `failures` sends fail (an SMTP outage). */
class FailingMailer {
  readonly from = 'test@example.cn';
  readonly sent: MailMessage[] = [];
  constructor(private failures: number) {}
  send(message: MailMessage): Promise<void> {
    if (this.failures > 0) {
      this.failures--;
      return Promise.reject(new Error('SMTP 421 service not available'));
    }
    this.sent.push(message);
    return Promise.resolve();
  }
}

describe('a notice whose mail fails', () => {
  const mailer = new FailingMailer(1);
  const t = useTestApp({ overrides: [{ provide: Mailer, useValue: mailer }] });

  it('shows failed with the error, is retried by the outbox and sent once with the same letter and number', async () => {
    const secretary = await t.token('secretary');
    const c = await registerCase<{ id: string }>(t, secretary, { category: 'employment-social', region: '郧阳区重试' });
    await caseAction(t, secretary, c.id, { action: 'accept' });
    await caseAction(t, secretary, c.id, { action: 'transfer', handledBy: 'GOV' });
    await t.relay.drain();
    const read = async (): Promise<Notice[]> => (await t.http.get(`/cases/${c.id}/notices`).set(bearer(secretary)).expect(200)).body as Notice[];
    const [failed] = await read();
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastError: 'SMTP 421 service not available', sentAt: null });
    expect(failed.letterNumber).toMatch(/^人大信转〔2026〕1号$/);
    t.clock.advanceMs(6_000); // the outbox's backoff after a first failure
    await t.relay.drain();
    const [sent] = await read();
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, lastError: null, letterNumber: failed.letterNumber, letterAttachmentId: failed.letterAttachmentId });
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0].attachments).toEqual([expect.objectContaining({ filename: expect.stringContaining(failed.letterNumber as string) })]);
    const listed = (await t.http.get(`/cases/${c.id}/letters`).set(bearer(secretary)).expect(200)).body as Letters;
    expect(listed.items.map((l) => l.number)).toEqual([failed.letterNumber]);
    // The link of the failed attempt never reached the unit: revoked; the one sent is live.
    const links: { id: string; revokedAt: unknown }[] = await t.dataSource.query('SELECT id, revokedAt FROM unit_links WHERE caseId = ? ORDER BY createdAt', [c.id]);
    expect(links.map((l) => [l.id === sent.linkId, l.revokedAt === null])).toEqual([
      [false, false],
      [true, true],
    ]);
  });
});
