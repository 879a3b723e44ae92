import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import type { Response } from 'supertest';
import { rawDate } from '../src/database/raw-values.js';
import { readEml } from './support/eml.js';
import { bearer, caseBody } from './support/factories.js';
import { expectError, isChinese } from './support/http-helpers.js';
import { ledgerXlsx, sampleLedger } from './support/ledger-files.js';
import { type TestUser, useTestApp } from './support/test-app.js';

interface Counts {
  total: number;
  create: number;
  invalid: number;
  duplicate: number;
  repeats: number;
}
interface ReportRow {
  rowNumber: number;
  outcome: string;
  problems: { field: string; label: string; message: string }[];
  repeat: { existingCases: number; earlierRows: number } | null;
}
interface Report {
  counts: Counts;
  rows: ReportRow[];
  created?: number;
  import: { id: string; status: string; createdCount: number };
}

const SAMPLE = sampleLedger(1000);

describe('ledger import (台账导入)', () => {
  const t = useTestApp();
  let sample: Buffer;

  const upload = async (buffer: Buffer, name: string, user: TestUser = 'secretary'): Promise<Response> => t.http.post('/ledger-imports').set(bearer(await t.token(user))).attach('file', buffer, name);
  const post = async (path: string, body: unknown, user: TestUser = 'secretary'): Promise<Response> => t.http.post(path).set(bearer(await t.token(user))).send(body as object);
  const casesCount = async (): Promise<number> => Number((await t.dataSource.query<{ n: number }[]>('SELECT COUNT(*) AS n FROM cases'))[0].n);

  it('reads the 1,000-row sample: the dry run lists exactly the 50 bad rows with reasons, the commit creates 950, a second commit and a second upload create 0', async () => {
    sample = await ledgerXlsx(SAMPLE.lines);
    const uploaded = await upload(sample, '2026年台账.xlsx');
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ fileName: '2026年台账.xlsx', format: 'xlsx', rowCount: 1000, status: 'uploaded' });
    const mapping = uploaded.body.suggestedMapping as Record<string, string | null>;
    expect(mapping).toMatchObject({ externalCode: '编号', receivedAt: '登记日期', channel: '来信来访', petitionerName: '信访人', idNumber: '身份证号', phone: '电话', region: '地区', category: '类别', subject: '事项摘要', status: '状态', handledBy: '承办单位', acceptedAt: '受理日期', closedAt: '办结日期', feedback: '满意度', content: null });
    const id: string = uploaded.body.id;

    const before = await casesCount();
    const dry = await post(`/ledger-imports/${id}/dry-run`, { mapping });
    expect(dry.status).toBe(200);
    const report = dry.body as Report;
    expect(report.counts).toEqual({ total: 1000, create: 950, invalid: 50, duplicate: 0, repeats: 29 });
    const invalid = report.rows.filter((r) => r.outcome === 'invalid');
    expect(invalid.map((r) => r.rowNumber)).toEqual([...SAMPLE.bad.keys()]);
    for (const row of invalid) {
      expect(row.problems.map((p) => p.field)).toContain(SAMPLE.bad.get(row.rowNumber));
      for (const p of row.problems) expect(isChinese(p.message)).toBe(true);
    }
    // No personal data in a reason: the bad ID number is not named back.
    expect(JSON.stringify(report.rows)).not.toContain('420302199001011235');
    const repeats = report.rows.filter((r) => r.outcome === 'create' && r.repeat !== null);
    expect(repeats).toHaveLength(29);
    expect(repeats.every((r) => r.rowNumber >= 402 && r.rowNumber <= 431 && r.repeat?.earlierRows === 1)).toBe(true);
    expect(await casesCount()).toBe(before);

    const committed = await post(`/ledger-imports/${id}/commit`, { mapping });
    expect(committed.status).toBe(200);
    expect(committed.body).toMatchObject({ created: 950, counts: { create: 950, invalid: 50 }, import: { status: 'committed', createdCount: 950 } });
    expect(await casesCount()).toBe(before + 950);

    const again = await post(`/ledger-imports/${id}/commit`, { mapping });
    expect(again.body).toMatchObject({ created: 0, counts: { create: 0, duplicate: 950, invalid: 50 } });
    const reuploaded = await upload(sample, '2026年台账（副本）.xlsx');
    const second = await post(`/ledger-imports/${reuploaded.body.id as string}/commit`, { mapping });
    expect(second.body).toMatchObject({ created: 0, counts: { create: 0, duplicate: 950 } });
    expect(await casesCount()).toBe(before + 950);
  });

  it('keeps the original dates and status, encrypts ID numbers and phones as intake does, and codes imported cases TZ-…', async () => {
    // Row 3 of the sample (line 2): a closed letter received 2025-12-03, closed 20 days later.
    const rows: Record<string, unknown>[] = await t.dataSource.query("SELECT c.* FROM cases c JOIN ledger_import_rows r ON r.caseId = c.id WHERE r.externalCode = '2026信字第00002号'");
    expect(rows).toHaveLength(1);
    const c = rows[0];
    expect(c.status).toBe('closed');
    expect(String(c.code)).toMatch(/^TZ-2025-\d{6}$/);
    expect(rawDate(c.receivedAt).toISOString()).toBe('2025-12-02T16:00:00.000Z');
    expect(rawDate(c.closedAt).toISOString()).toBe('2025-12-22T16:00:00.000Z');
    expect(String(c.petitionerIdCipher)).toMatch(/^v\d:/);
    expect(String(c.petitionerPhoneCipher)).toMatch(/^v\d:/);
    const all = JSON.stringify(await t.dataSource.query('SELECT * FROM cases WHERE flags LIKE ?', ['%imported%']));
    // The well-formed numbers (those imported); a bad row's '12345' is no ID and may occur by chance in any ciphertext.
    const plain = SAMPLE.lines.flatMap((l) => [String(l.身份证号), String(l.电话)]).filter((p) => /^(\d{17}[\dXx]|1[3-9]\d{9})$/.test(p));
    expect(plain.length).toBeGreaterThan(900);
    expect(plain.filter((p) => all.includes(p))).toEqual([]);
    const view = await t.http.get(`/cases/${String(c.id)}`).set(bearer(await t.token('secretary')));
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ status: 'closed', route: { handledBy: 'UCEC', mode: 'internal' }, feedback: 'satisfied', flags: ['imported'] });
    const timeline = await t.http.get(`/cases/${String(c.id)}/timeline`).set(bearer(await t.token('secretary')));
    expect(timeline.status).toBe(200);
    const events = (Array.isArray(timeline.body) ? timeline.body : (timeline.body as { items: unknown[] }).items) as { action: string; fromStatus: string | null; toStatus: string; data: Record<string, unknown> }[];
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ action: 'import', fromStatus: null, toStatus: 'closed', data: { externalCode: '2026信字第00002号', rowNumber: 3 } });
  });

  it('a new case by a petitioner of an imported case gets repeatCount ≥ 1', async () => {
    const line = SAMPLE.lines[4];
    const res = await t.http
      .post('/cases')
      .set(bearer(await t.token('secretary')))
      .send(caseBody({ petitioner: { name: String(line.信访人), idNumber: String(line.身份证号) } }));
    expect(res.status).toBe(201);
    expect(res.body.repeatCount).toBeGreaterThanOrEqual(1);
    const byPhone = await t.http
      .post('/cases')
      .set(bearer(await t.token('secretary')))
      .send(caseBody({ petitioner: { name: String(SAMPLE.lines[6].信访人), phone: String(SAMPLE.lines[6].电话) } }));
    expect(byPhone.body.repeatCount).toBeGreaterThanOrEqual(1);
  });

  it('an imported open case counts for the similar-case fact of a new case (same category and region, last 30 days)', async () => {
    const csv = '登记日期,来信来访,信访人,地区,类别,事项摘要,状态\r\n2026-11-20,来访,周九,竹山县,城建,小区停水,已受理\r\n';
    const up = await upload(Buffer.from(csv, 'utf8'), 'recent.csv');
    expect(up.body.encoding).toBe('utf-8');
    expect((await post(`/ledger-imports/${up.body.id as string}/commit`, { mapping: up.body.suggestedMapping })).body.created).toBe(1);
    const res = await t.http
      .post('/cases')
      .set(bearer(await t.token('secretary')))
      .send(caseBody({ region: '竹山县', category: 'urban-construction' }));
    expect(res.status).toBe(201);
    expect(res.body.similarOpenCases).toBe(1);
  });

  it('imports a GB18030 CSV with its own headers through a custom mapping (keyed by a hash of the row: no office number)', async () => {
    const csv = [
      '来件时间,姓名,手机,问题分类,反映事项,处理进度,所在区县,方式,备注',
      '2026/3/5,"王五, 老年",13800001111,就业社保,"养老金""断缴""问题",不予受理,张湾区,来访,',
      '2026年4月8日,赵六,,其他,"多行\r\n摘要",已登记,茅箭区,电话,',
      '2026-05-09,钱七,13800002222,城建,物业纠纷,已受理,郧阳区,网上信访,',
      '2026-02-30,孙八,,城建,日期不存在,已登记,郧阳区,来信,',
    ].join('\r\n');
    const gb = encodeGb18030(csv);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    const up = await upload(gb, '信访台账.csv');
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ format: 'csv', encoding: 'gb18030', rowCount: 4 });
    expect(up.body.headers).toEqual(['来件时间', '姓名', '手机', '问题分类', '反映事项', '处理进度', '所在区县', '方式', '备注']);
    const mapping = { receivedAt: '来件时间', petitionerName: '姓名', phone: '手机', category: '问题分类', subject: '反映事项', status: '处理进度', region: '所在区县', channel: '方式' };
    const dry = await post(`/ledger-imports/${up.body.id as string}/dry-run`, { mapping });
    expect(dry.status).toBe(200);
    expect(dry.body.counts).toEqual({ total: 4, create: 3, invalid: 1, duplicate: 0, repeats: 0 });
    expect((dry.body as Report).rows.map((r) => [r.rowNumber, r.outcome, r.problems.map((p) => p.field)])).toEqual([[5, 'invalid', ['receivedAt']]]);
    const committed = await post(`/ledger-imports/${up.body.id as string}/commit`, { mapping });
    expect(committed.body.created).toBe(3);
    const stored: { subject: string; status: string; channel: string; region: string }[] = await t.dataSource.query("SELECT subject, status, channel, region FROM cases WHERE petitionerName IN ('王五, 老年', '赵六', '钱七') ORDER BY petitionerName");
    expect(stored).toEqual(
      expect.arrayContaining([
        { subject: '养老金"断缴"问题', status: 'rejected', channel: 'visit', region: '张湾区' },
        { subject: '多行\r\n摘要', status: 'registered', channel: 'phone', region: '茅箭区' },
        { subject: '物业纠纷', status: 'accepted', channel: 'online', region: '郧阳区' },
      ]),
    );
    const again = await post(`/ledger-imports/${(await upload(gb, 'again.csv')).body.id as string}/commit`, { mapping });
    expect(again.body).toMatchObject({ created: 0, counts: { duplicate: 3 } });
  });

  it('two commits of the same ledger at once create each case once', async () => {
    const lines = SAMPLE.lines.slice(0, 100).map((l, i) => ({ ...l, 编号: `并发-${i}` }));
    const buffer = await ledgerXlsx(lines);
    const a = (await upload(buffer, 'a.xlsx')).body as { id: string; suggestedMapping: Record<string, string | null> };
    const b = (await upload(buffer, 'b.xlsx')).body as { id: string };
    const before = await casesCount();
    const [ra, rb] = await Promise.all([post(`/ledger-imports/${a.id}/commit`, { mapping: a.suggestedMapping }), post(`/ledger-imports/${b.id}/commit`, { mapping: a.suggestedMapping })]);
    expect([ra.status, rb.status]).toEqual([200, 200]);
    expect((ra.body.created as number) + (rb.body.created as number)).toBe(95);
    expect(await casesCount()).toBe(before + 95);
  });

  it('urges imported cases overdue long ago once: one notice per case and one digest mail to the unit, not one mail per case', async () => {
    const secretary = await t.token('secretary');
    const outbox = join(t.config.dataDir, 'outbox');
    const mails = (): string[] => (existsSync(outbox) ? readdirSync(outbox).filter((f) => f.endsWith('.eml')) : []);
    const before = mails();
    await t.relay.drain(); // the daily sweep the scheduler enqueued at start-up, and the imports' outbox work
    const openToGov = Number((await t.dataSource.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM cases WHERE flags LIKE '%imported%' AND status = 'in_handling' AND routeHandledBy = 'GOV' AND dueAt < ?", ['2026-11-26 02:00:00.000']))[0].n);
    expect(openToGov).toBeGreaterThan(200);
    for (let i = 0; i < 2; i++) {
      const job = await t.http.post('/jobs/deadline-sweep').set(bearer(secretary)).expect(202);
      await t.relay.drain();
      expect((await t.http.get(`/jobs/${job.body.id as string}`).set(bearer(secretary)).expect(200)).body.status).toBe('done');
    }
    const notices = Number((await t.dataSource.query<{ n: number }[]>("SELECT COUNT(*) AS n FROM case_notices n JOIN cases c ON c.id = n.caseId WHERE c.flags LIKE '%imported%' AND c.routeHandledBy = 'GOV' AND n.kind = 'overdue'"))[0].n);
    expect(notices).toBe(openToGov);
    const toGov = mails()
      .filter((f) => !before.includes(f))
      .map((f) => readEml(readFileSync(join(outbox, f), 'utf8')))
      .filter((m) => m.headers.to === 'xinfang@gov.example.cn');
    expect(toGov).toHaveLength(1);
    expect(toGov[0].text).toContain('已超期');
  });

  it('refuses bad input with a stable code and a Chinese sentence', async () => {
    const up = await upload(await ledgerXlsx(SAMPLE.lines.slice(0, 3)), 'small.xlsx');
    const id: string = up.body.id;
    expectError(await post(`/ledger-imports/${id}/dry-run`, { mapping: { receivedAt: '登记日期' } }), 400, 'LEDGER_MAPPING_INVALID');
    expectError(await post(`/ledger-imports/${id}/dry-run`, { mapping: { ...up.body.suggestedMapping, subject: '没有这一列' } }), 400, 'LEDGER_MAPPING_INVALID');
    expectError(await post(`/ledger-imports/${id}/dry-run`, { mapping: { ...up.body.suggestedMapping, content: '事项摘要' } }), 400, 'LEDGER_MAPPING_INVALID');
    expectError(await post(`/ledger-imports/${id}/dry-run`, { mapping: { ...up.body.suggestedMapping, extra: '编号' } }), 400, 'VALIDATION_FAILED');
    expectError(await post(`/ledger-imports/${id}/dry-run`, {}), 400, 'VALIDATION_FAILED');
    expectError(await post('/ledger-imports/00000000-0000-4000-8000-000000000000/dry-run', { mapping: up.body.suggestedMapping }), 404, 'LEDGER_IMPORT_NOT_FOUND');
    expectError(await t.http.get('/ledger-imports/not-a-uuid').set(bearer(await t.token('secretary'))), 400, 'INVALID_ID');
    expectError(await t.http.post('/ledger-imports').set(bearer(await t.token('secretary'))).field('note', 'x'), 400, 'LEDGER_FILE_MISSING');
    expectError(await upload(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'old.xls'), 415, 'LEDGER_FILE_TYPE');
    expectError(await upload(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0]), 'ledger.csv'), 415, 'LEDGER_FILE_TYPE');
    expectError(await upload(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), 'broken.xlsx'), 422, 'LEDGER_FILE_UNREADABLE');
    expectError(await upload(Buffer.from('编号,登记日期\r\n', 'utf8'), 'empty.csv'), 422, 'LEDGER_FILE_EMPTY');
    expectError(await upload(Buffer.from('a,"b\r\n1,2', 'utf8'), 'open-quote.csv'), 422, 'LEDGER_FILE_UNREADABLE');
    expectError(await upload(Buffer.from('编号\r\n' + '1\r\n'.repeat(200_001), 'utf8'), 'too-many.csv'), 422, 'LEDGER_TOO_MANY_ROWS');
    expectError(await upload(Buffer.from(Array.from({ length: 101 }, (_, i) => `列${i}`).join(',') + '\r\n1\r\n', 'utf8'), 'too-wide.csv'), 422, 'LEDGER_TOO_MANY_COLUMNS');
    // Rows sealed under a key no longer configured (retired by rotate-pii-key): 410, never a 500.
    const sealed = await upload(await ledgerXlsx(SAMPLE.lines.slice(0, 2)), 'sealed.xlsx');
    await t.dataSource.query('UPDATE ledger_import_chunks SET rowsCipher = ? WHERE importId = ?', [JSON.stringify('v2:0badc0de:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'), sealed.body.id]);
    expectError(await post(`/ledger-imports/${sealed.body.id as string}/dry-run`, { mapping: sealed.body.suggestedMapping }), 410, 'LEDGER_IMPORT_EXPIRED');
    const tooLarge = await upload(Buffer.alloc(40 * 1024 * 1024 + 1, 0x31), 'huge.csv');
    expectError(tooLarge, 413, 'LEDGER_FILE_TOO_LARGE');
    expect(tooLarge.body.message).toBe('台账文件超过 40 MB，请拆分后分批导入。');
  });

  it('is for the secretariat and the admin only: every other role gets 403 on every route', async () => {
    const up = await upload(await ledgerXlsx(SAMPLE.lines.slice(0, 2)), 'roles.xlsx', 'admin');
    expect(up.status).toBe(201);
    const id: string = up.body.id;
    const body = { mapping: up.body.suggestedMapping };
    const routes = (token: string): Promise<Response>[] => [
      t.http.post('/ledger-imports').set(bearer(token)).attach('file', Buffer.from('编号\r\n1'), 'x.csv'),
      t.http.get('/ledger-imports').set(bearer(token)),
      t.http.get(`/ledger-imports/${id}`).set(bearer(token)),
      t.http.post(`/ledger-imports/${id}/dry-run`).set(bearer(token)).send(body),
      t.http.post(`/ledger-imports/${id}/commit`).set(bearer(token)).send(body),
    ];
    for (const user of ['auditor', 'director', 'deputy1', 'unit-gov', 'unit-lac'] as const) {
      for (const res of await Promise.all(routes(await t.token(user)))) expectError(res, 403, 'FORBIDDEN');
    }
    for (const user of ['admin', 'secretary'] as const) {
      const token = await t.token(user);
      expect((await t.http.get('/ledger-imports').set(bearer(token))).status).toBe(200);
      expect((await t.http.get(`/ledger-imports/${id}`).set(bearer(token))).body).toMatchObject({ id, rowCount: 2 });
      expect((await t.http.post(`/ledger-imports/${id}/dry-run`).set(bearer(token)).send(body)).status).toBe(200);
    }
    const anonymous = await t.http.get('/ledger-imports');
    expect(anonymous.status).toBe(401);
  });
});

/** GB18030 bytes of a text, as Excel in China saves CSV (Node encodes only UTF-8; Python's codec does it). */
function encodeGb18030(text: string): Buffer {
  return execFileSync('python3', ['-c', 'import sys; sys.stdout.buffer.write(sys.stdin.buffer.read().decode("utf-8").encode("gb18030"))'], { input: Buffer.from(text, 'utf8') });
}
