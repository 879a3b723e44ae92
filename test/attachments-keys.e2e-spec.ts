import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { backupCommand } from '../src/backup/cli/backup-command.js';
import type { CliIo } from '../src/backup/cli/cli-support.js';
import { restoreCommand } from '../src/backup/cli/restore-command.js';
import { rotateCommand } from '../src/backup/cli/rotate-command.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { SAMPLE_ID, SAMPLE_PHONE, binary, docxWithText, filesUnder, pdfWithText } from './support/attachment-files.js';
import { bearer } from './support/factories.js';
import { registerCase } from './support/http-helpers.js';
import { createTestApp, TEST_MODE, type TestApp } from './support/test-app.js';

/**
 * Attachments and the personal-data key (issue 15 §3): `npm run rotate-pii-key` re-seals every file under the
 * new key and the files still download with only the new key; a backup and restore of the embedded mode
 * keeps them (DATA_DIR/attachments is in the archive).
 */
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');

function capture(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}

interface Stored {
  id: string;
  caseId: string;
  sha256: string;
}

async function uploadTwo(t: TestApp): Promise<Stored[]> {
  const secretary = await t.token('secretary');
  const caseId = (await registerCase<{ id: string }>(t, secretary)).id;
  const stored: Stored[] = [];
  for (const [file, name] of [
    [pdfWithText(`ID ${SAMPLE_ID}`), '来信扫描件.pdf'],
    [await docxWithText([`电话 ${SAMPLE_PHONE}`]), '材料.docx'],
  ] as const) {
    const res = await t.http.post(`/cases/${caseId}/attachments`).set(bearer(secretary)).field('kind', 'petitioner-material').attach('file', file, name);
    expect(res.status).toBe(201);
    expect((res.body as Stored).sha256).toBe(sha(file));
    stored.push(res.body as Stored);
  }
  return stored;
}

/** Each stored attachment downloads with its original bytes. */
async function expectDownloads(t: TestApp, stored: Stored[]): Promise<void> {
  const secretary = await t.token('secretary');
  for (const s of stored) {
    const res = await t.http.get(`/attachments/${s.id}/content`).set(bearer(secretary)).buffer(true).parse(binary);
    expect({ id: s.id, status: res.status, sha256: sha(res.body as Buffer) }).toEqual({ id: s.id, status: 200, sha256: s.sha256 });
  }
}

describe('rotation of the personal-data key re-seals attachment files', () => {
  const KEY_A = randomBytes(32);
  const KEY_B = randomBytes(32);
  const dataDir = mkdtempSync(join(tmpdir(), 'xf-att-rotation-'));
  const dbName = `xf_t_att_${randomBytes(4).toString('hex')}`;
  const adminUrl = TEST_MODE.mysqlUrl.replace(/^mariadb:/, 'mysql:');
  const JWT_SECRET = randomBytes(24).toString('hex');
  const env = (current: Buffer, previous: Buffer[] = []): Record<string, string> => ({
    DATA_DIR: dataDir,
    PII_KEY: current.toString('hex'),
    PII_KEY_PREVIOUS: previous.map((k) => k.toString('hex')).join(','),
    JWT_SECRET,
    ...(TEST_MODE.mysql ? { DATABASE_URL: `${TEST_MODE.mysqlUrl}/${dbName}` } : {}),
  });
  let stored: Stored[] = [];

  beforeAll(async () => {
    if (TEST_MODE.mysql) {
      const admin = await mysql.createConnection(adminUrl);
      await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
    }
    const t = await createTestApp({ env: env(KEY_A) });
    try {
      stored = await uploadTwo(t);
    } finally {
      await t.close();
    }
  });

  afterAll(async () => {
    if (TEST_MODE.mysql) {
      const admin = await mysql.createConnection(adminUrl);
      await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await admin.end();
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('re-seals every file under the new key, once; the old key is no longer needed to download', async () => {
    const dir = join(dataDir, 'attachments');
    const before = filesUnder(dir);
    expect(before.map((f) => PiiCipher.keyIdOfSealed(readFileSync(f)))).toEqual([PiiCipher.keyIdOf(KEY_A), PiiCipher.keyIdOf(KEY_A)]);

    const io = capture();
    expect(await rotateCommand([], env(KEY_B, [KEY_A]), io)).toBe(0);
    expect(io.lines.join('\n')).toContain('附件文件已轮换 2 个；剩余 0 个');
    const after = filesUnder(dir);
    expect(after.sort()).toEqual(before.sort());
    expect(after.map((f) => PiiCipher.keyIdOfSealed(readFileSync(f)))).toEqual([PiiCipher.keyIdOf(KEY_B), PiiCipher.keyIdOf(KEY_B)]);

    // Run again: nothing left, nothing re-sealed twice.
    const sealed = after.map((f) => sha(readFileSync(f)));
    const again = capture();
    expect(await rotateCommand([], env(KEY_B, [KEY_A]), again)).toBe(0);
    expect(again.lines.join('\n')).toContain('附件文件已轮换 0 个；剩余 0 个');
    expect(after.map((f) => sha(readFileSync(f)))).toEqual(sealed);
    const status = capture();
    expect(await rotateCommand(['--status'], env(KEY_B, [KEY_A]), status)).toBe(0);
    expect(status.lines.join('\n')).toContain(`附件文件各密钥下的数量 ${PiiCipher.keyIdOf(KEY_B)}*: 2；待轮换 0 个`);

    const t = await createTestApp({ env: env(KEY_B) });
    try {
      const rows: { keyId: string }[] = await t.dataSource.query('SELECT keyId FROM case_attachments');
      expect(rows.map((r) => r.keyId)).toEqual([PiiCipher.keyIdOf(KEY_B), PiiCipher.keyIdOf(KEY_B)]);
      await expectDownloads(t, stored);
    } finally {
      await t.close();
    }
  });
});

(TEST_MODE.mysql ? describe.skip : describe)('backup and restore keep the attachments (embedded mode)', () => {
  const root = mkdtempSync(join(tmpdir(), 'xf-att-backup-'));
  const dataDir = join(root, 'data');
  const backupDir = join(root, 'offsite');
  const PASSPHRASE = '附件备份口令 2026 strong';
  const elsewhere = join(root, 'attachments-elsewhere');
  const embeddedEnv = (extra: Record<string, string> = {}): Record<string, string> => ({ DATA_DIR: dataDir, PII_KEY: '', JWT_SECRET: '', ...extra });

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('restores every attachment file into a wiped DATA_DIR, and each downloads as uploaded', async () => {
    const t = await createTestApp({ env: embeddedEnv() });
    let stored: Stored[];
    try {
      stored = await uploadTwo(t);
    } finally {
      await t.close();
    }
    const files = filesUnder(join(dataDir, 'attachments')).map((f) => f.slice(dataDir.length));
    expect(files).toHaveLength(2);
    expect(await backupCommand([backupDir], embeddedEnv({ BACKUP_PASSPHRASE: PASSPHRASE }), capture())).toBe(0);
    const archive = join(backupDir, readdirSync(backupDir).find((n) => n.endsWith('.xfbak')) as string);

    rmSync(dataDir, { recursive: true, force: true });
    expect(await restoreCommand([archive], embeddedEnv({ BACKUP_PASSPHRASE: PASSPHRASE }), capture())).toBe(0);
    expect(filesUnder(join(dataDir, 'attachments')).map((f) => f.slice(dataDir.length)).sort()).toEqual(files.sort());

    const restored = await createTestApp({ env: embeddedEnv() });
    try {
      await expectDownloads(restored, stored);
      const list = await restored.http.get(`/cases/${stored[0].caseId}/attachments`).set(bearer(await restored.token('secretary')));
      // (Both were stored at the same FakeClock instant: listed by time, then by id.)
      expect((list.body as { items: Stored[] }).items.map((i) => i.id).sort()).toEqual(stored.map((s) => s.id).sort());
    } finally {
      await restored.close();
    }

    // A data-only archive restored with another key: the attachment files do not open, the restore refuses
    // (here no case carries personal data, so the files are what proves the key wrong).
    const dataOnly = join(root, 'data-only');
    expect(await backupCommand([dataOnly, '--unencrypted'], embeddedEnv(), capture())).toBe(0);
    const plain = join(dataOnly, readdirSync(dataOnly).find((n) => n.endsWith('.xfbak')) as string);
    const target = join(root, 'target');
    const wrongKey = { DATA_DIR: target, PII_KEY: randomBytes(32).toString('hex'), JWT_SECRET: randomBytes(24).toString('hex') };
    await expect(restoreCommand([plain], wrongKey, capture())).rejects.toMatchObject({ code: 'BACKUP_KEY_MISMATCH' });
    const rightKey = { ...wrongKey, PII_KEY: readFileSync(join(dataDir, 'pii.key'), 'utf8').trim() };
    const io = capture();
    expect(await restoreCommand([plain], rightKey, io)).toBe(0);
    expect(io.lines.join('\n')).toMatch(/密钥解密了 2 个抽样字段/);
  });

  it('backs up an ATTACHMENTS_DIR outside DATA_DIR too, and restores it there', async () => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(backupDir, { recursive: true, force: true });
    const env = (extra: Record<string, string> = {}): Record<string, string> => embeddedEnv({ ATTACHMENTS_DIR: elsewhere, ...extra });
    const t = await createTestApp({ env: env() });
    let stored: Stored[];
    try {
      expect(t.config.attachments.dir).toBe(elsewhere);
      stored = await uploadTwo(t);
    } finally {
      await t.close();
    }
    const files = filesUnder(elsewhere).map((f) => f.slice(elsewhere.length));
    expect(files).toHaveLength(2);
    expect(filesUnder(join(dataDir, 'attachments'))).toEqual([]);
    expect(await backupCommand([backupDir], env({ BACKUP_PASSPHRASE: PASSPHRASE }), capture())).toBe(0);
    const archive = join(backupDir, readdirSync(backupDir).find((n) => n.endsWith('.xfbak')) as string);

    rmSync(dataDir, { recursive: true, force: true });
    rmSync(elsewhere, { recursive: true, force: true });
    expect(await restoreCommand([archive], env({ BACKUP_PASSPHRASE: PASSPHRASE }), capture())).toBe(0);
    expect(filesUnder(elsewhere).map((f) => f.slice(elsewhere.length)).sort()).toEqual(files.sort());
    expect(readdirSync(dataDir).filter((n) => n.includes('attachments'))).toEqual([]);

    const restored = await createTestApp({ env: env() });
    try {
      await expectDownloads(restored, stored);
    } finally {
      await restored.close();
    }
  });
});
