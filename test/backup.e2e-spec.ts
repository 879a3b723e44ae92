import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { backupCommand } from '../src/backup/cli/backup-command.js';
import type { CliIo } from '../src/backup/cli/cli-support.js';
import { restoreCommand } from '../src/backup/cli/restore-command.js';
import { BACKUP_WARNINGS, BackupService } from '../src/backup/backup.service.js';
import { caseCode } from '../src/domain/case-vocabulary.js';
import { FakeClock } from './support/fake-clock.js';
import { bearer, caseBody, idNumber } from './support/factories.js';
import { createTestApp, TEST_MODE, useTestApp } from './support/test-app.js';

/**
 * Backup and restore of the embedded mode (SQLite): an online backup while registrations go on, a wiped
 * DATA_DIR, a restore from the archive alone (keys included, encrypted), and the refusals.
 */
const PASSPHRASE = '信访室备份口令 2026 strong';
const OUTBOX_MAIL = 'Subject: =?UTF-8?B?5Lya6K6u6YCa55+l?=\r\n\r\ninvite\r\n';
const ATTACHMENT = Buffer.from('%PDF-1.4 scanned letter', 'latin1');
const describeEmbedded = TEST_MODE.mysql ? describe.skip : describe;

interface CaseView {
  id: string;
  code: string;
  petitioner: { idNumber: string | null; phone: string | null; address: string | null };
}
interface TimelineEvent {
  id: string;
  type: string;
}

function capture(): CliIo & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l) };
}

/** Keys come from files in DATA_DIR (the embedded default), not from the test's environment. */
const embeddedEnv = (dataDir: string, extra: Record<string, string> = {}): Record<string, string> => ({ DATA_DIR: dataDir, PII_KEY: '', JWT_SECRET: '', ...extra });

/** A petitioner with an ID number, phone and address unique to `n`. */
function petitioner(n: number): { name: string; idNumber: string; phone: string; address: string } {
  return {
    name: '王五',
    idNumber: idNumber(`42030319800101${String(n % 1000).padStart(3, '0')}`),
    phone: `139${String(10_000_000 + n).slice(-8)}`,
    address: `湖北省十堰市张湾区车城路${n}号`,
  };
}

describeEmbedded('backup and restore (embedded mode)', () => {
  const root = mkdtempSync(join(tmpdir(), 'xf-backup-e2e-'));
  const dataDir = join(root, 'data');
  const backupDir = join(root, 'offsite');
  let archive = '';
  /** Registered (201) before the backup started, with what was sent and the timeline then. */
  const before = new Map<string, { code: string; sent: ReturnType<typeof petitioner>; timeline: string[] }>();
  /** Every acknowledged registration, with the personal data sent. */
  const acknowledged = new Map<string, ReturnType<typeof petitioner>>();

  afterAll(() => rmSync(root, { recursive: true, force: true }));

  describe('an online backup while registrations continue, then a wiped DATA_DIR', () => {
    const t = useTestApp({ env: embeddedEnv(dataDir) });
    let secretary: string;

    beforeAll(async () => {
      secretary = await t.token('secretary');
    });

    it('takes a consistent backup while four clients keep registering', async () => {
      let n = 0;
      const register = async (): Promise<{ id: string; code: string; sent: ReturnType<typeof petitioner> }> => {
        const sent = petitioner(++n);
        const res = await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ petitioner: sent }));
        expect(res.status).toBe(201);
        const body = res.body as CaseView;
        acknowledged.set(body.id, sent);
        return { id: body.id, code: body.code, sent };
      };
      // 30 cases with a longer timeline, before anything else.
      for (let i = 0; i < 30; i++) {
        const c = await register();
        if (i % 3 === 0) await t.http.post(`/cases/${c.id}/actions`).set(bearer(secretary)).send({ action: 'accept' }).expect(200);
      }
      let stop = false;
      let during = 0;
      const clients = Array.from({ length: 4 }, async () => {
        while (!stop) {
          await register();
          during++;
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      // Files of DATA_DIR travel too: the outbox of e-mails and any attachments.
      mkdirSync(join(dataDir, 'attachments', '2026'), { recursive: true });
      writeFileSync(join(dataDir, 'outbox', 'invite-1.eml'), OUTBOX_MAIL);
      writeFileSync(join(dataDir, 'attachments', '2026', '来信扫描件.pdf'), ATTACHMENT);
      // Every case acknowledged before the backup starts must be in it.
      for (const [id, sent] of acknowledged) before.set(id, { code: '', sent, timeline: [] });
      const duringAtStart = during;
      const io = capture();
      const rc = await backupCommand([backupDir], embeddedEnv(dataDir, { BACKUP_PASSPHRASE: PASSPHRASE }), io);
      const duringBackup = during - duringAtStart;
      await new Promise((resolve) => setTimeout(resolve, 200));
      stop = true;
      await Promise.all(clients);

      expect(rc).toBe(0);
      expect(duringBackup).toBeGreaterThan(0); // registrations really went on while it ran
      const files = readdirSync(backupDir).filter((f) => f.endsWith('.xfbak'));
      expect(files).toHaveLength(1);
      archive = join(backupDir, files[0]);
      expect(statSync(archive).mode & 0o777).toBe(0o600);
      // Progress and size are printed; the keys are inside, encrypted.
      const output = io.lines.join('\n');
      expect(output).toMatch(/数据库快照 100%/);
      expect(output).toMatch(/备份完成：.*\.xfbak/);
      expect(output).toMatch(/大小 [\d.]+ (KiB|MiB)/);
      expect(output).toMatch(/含个人信息密钥和 JWT 密钥/);
      expect(output).toMatch(/文件 2 个/);
      // Nothing of the data or the keys is readable in the archive.
      const bytes = readFileSync(archive);
      expect(bytes.includes(Buffer.from(readFileSync(join(dataDir, 'pii.key'), 'utf8').trim()))).toBe(false);
      expect(bytes.includes(Buffer.from('SQLite format 3'))).toBe(false);
      expect(bytes.includes(Buffer.from('王五'))).toBe(false);

      // The codes and timelines of the cases registered before the backup, as the service showed them.
      for (const [id, entry] of before) {
        const c = (await t.http.get(`/cases/${id}`).set(bearer(secretary)).expect(200)).body as CaseView;
        entry.code = c.code;
        const timeline = (await t.http.get(`/cases/${id}/timeline`).set(bearer(secretary)).expect(200)).body as TimelineEvent[];
        entry.timeline = timeline.map((e) => `${e.id}:${e.type}`);
      }
      // The run is recorded for GET /health.
      const health = (await t.http.get('/health').expect(200)).body as { backup: { ok: boolean; keysIncluded: boolean; warning: string | null } };
      expect(health.backup).toMatchObject({ ok: true, keysIncluded: true, warning: null });
    });

    afterAll(() => {
      rmSync(dataDir, { recursive: true, force: true }); // the disk died (the app closed first: its afterAll was declared earlier)
    });
  });

  describe('restore', () => {
    it('refuses a backup with one byte changed, with a clear message, and restores nothing', async () => {
      const bytes = readFileSync(archive);
      bytes[Math.floor(bytes.length / 2)] ^= 0x01;
      const tampered = join(root, 'tampered.xfbak');
      writeFileSync(tampered, bytes);
      const target = join(root, 'tampered-target');
      await expect(restoreCommand([tampered], embeddedEnv(target, { BACKUP_PASSPHRASE: PASSPHRASE }), capture())).rejects.toMatchObject({
        code: 'BACKUP_TAMPERED',
        message: expect.stringMatching(/备份文件已损坏或被篡改.*tampered with/),
      });
      expect(existsSync(join(target, 'petitions.sqlite'))).toBe(false);
      expect(existsSync(join(target, 'pii.key'))).toBe(false);
    });

    it('refuses a wrong passphrase, and an encrypted backup without one', async () => {
      const target = join(root, 'wrong-pass-target');
      await expect(restoreCommand([archive], embeddedEnv(target, { BACKUP_PASSPHRASE: 'not the passphrase' }), capture())).rejects.toMatchObject({
        code: 'BACKUP_WRONG_PASSPHRASE',
        message: expect.stringMatching(/备份口令错误.*wrong backup passphrase/),
      });
      await expect(restoreCommand([archive], embeddedEnv(target), capture())).rejects.toMatchObject({ code: 'BACKUP_PASSPHRASE_REQUIRED' });
      expect(existsSync(join(target, 'petitions.sqlite'))).toBe(false);
    });

    it('restores the wiped DATA_DIR: every case acknowledged before the backup, its timeline, its decrypted ID number; codes go on without gap or repeat', async () => {
      expect(existsSync(dataDir)).toBe(false);
      const io = capture();
      expect(await restoreCommand([archive], embeddedEnv(dataDir, { BACKUP_PASSPHRASE: PASSPHRASE }), io)).toBe(0);
      const output = io.lines.join('\n');
      expect(output).toMatch(/恢复完成/);
      expect(output).toMatch(/已恢复个人信息密钥和 JWT 密钥/);
      expect(statSync(join(dataDir, 'pii.key')).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dataDir, 'outbox', 'invite-1.eml'), 'utf8')).toBe(OUTBOX_MAIL);
      expect(readFileSync(join(dataDir, 'attachments', '2026', '来信扫描件.pdf')).equals(ATTACHMENT)).toBe(true);

      const t = await createTestApp({ env: embeddedEnv(dataDir) });
      try {
        const secretary = await t.token('secretary');
        for (const [id, entry] of before) {
          const res = await t.http.get(`/cases/${id}`).set(bearer(secretary));
          expect({ id, status: res.status }).toEqual({ id, status: 200 });
          const c = res.body as CaseView;
          expect(c.code).toBe(entry.code);
          expect(c.petitioner).toMatchObject({ idNumber: entry.sent.idNumber, phone: entry.sent.phone, address: entry.sent.address });
          const timeline = (await t.http.get(`/cases/${id}/timeline`).set(bearer(secretary)).expect(200)).body as TimelineEvent[];
          expect(timeline.map((e) => `${e.id}:${e.type}`)).toEqual(entry.timeline);
        }
        // Only acknowledged cases, numbered 1..n without a gap; the counter agrees.
        const rows: { id: string; code: string }[] = await t.dataSource.query('SELECT id, code FROM cases ORDER BY code');
        expect(rows.length).toBeGreaterThanOrEqual(before.size);
        for (const r of rows) expect(acknowledged.has(r.id)).toBe(true);
        expect(rows.map((r) => r.code)).toEqual(rows.map((_r, i) => caseCode(2026, i + 1)));
        const [counter]: { lastSeq: number }[] = await t.dataSource.query('SELECT lastSeq FROM case_counters WHERE year = 2026');
        expect(counter.lastSeq).toBe(rows.length);
        const next = (await t.http.post('/cases').set(bearer(secretary)).send(caseBody()).expect(201)).body as CaseView;
        expect(next.code).toBe(caseCode(2026, rows.length + 1));
      } finally {
        await t.close();
      }
    });

    it('refuses to restore over a running service, and over existing data unless forced', async () => {
      const t = await createTestApp({ env: embeddedEnv(dataDir) });
      const casesBefore: { n: number }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM cases');
      try {
        await expect(restoreCommand([archive, '--force'], embeddedEnv(dataDir, { BACKUP_PASSPHRASE: PASSPHRASE }), capture())).rejects.toMatchObject({
          code: 'BACKUP_SERVICE_RUNNING',
          message: expect.stringMatching(new RegExp(`服务正在使用.*进程 ${process.pid}.*stop it before restoring`)),
        });
        const casesAfter: { n: number }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM cases');
        expect(casesAfter[0].n).toBe(casesBefore[0].n);
      } finally {
        await t.close();
      }
      await expect(restoreCommand([archive], embeddedEnv(dataDir, { BACKUP_PASSPHRASE: PASSPHRASE }), capture())).rejects.toMatchObject({ code: 'BACKUP_TARGET_NOT_EMPTY' });
      const io = capture();
      expect(await restoreCommand([archive, '--force'], embeddedEnv(dataDir, { BACKUP_PASSPHRASE: PASSPHRASE }), io)).toBe(0);
      const aside = readdirSync(dataDir).filter((n) => n.startsWith('pre-restore-'));
      expect(aside).toHaveLength(1);
      expect(readdirSync(join(dataDir, aside[0]))).toEqual(expect.arrayContaining(['petitions.sqlite', 'pii.key']));
    });

    it('checks an archive without restoring anything (--check)', async () => {
      const target = join(root, 'check-only');
      const io = capture();
      expect(await restoreCommand([archive, '--check'], embeddedEnv(target, { BACKUP_PASSPHRASE: PASSPHRASE }), io)).toBe(0);
      expect(io.lines.join('\n')).toMatch(new RegExp(`校验通过.*\\n.*数据库完整性检查通过，密钥解密了 \\d+ 个抽样字段[\\s\\S]*信访件 \\d+ 件`));
      expect(existsSync(join(target, 'petitions.sqlite'))).toBe(false);
    });
  });
});

describeEmbedded('the daily backup of the embedded mode', () => {
  it('runs once a day through the outbox, keeps BACKUP_RETENTION archives, and health turns to a warning after 48 hours', async () => {
    const clock = new FakeClock('2026-11-26T02:00:00.000Z'); // 10:00 in Shanghai: past the 01:30 backup time
    const t = await createTestApp({ clock, env: { BACKUP_SCHEDULE: 'true', BACKUP_RETENTION: '2' } });
    try {
      await t.relay.drain();
      const runs: { kind: string; ok: number; keysIncluded: number }[] = await t.dataSource.query('SELECT kind, ok, keysIncluded FROM backup_runs');
      expect(runs).toEqual([{ kind: 'schedule', ok: 1, keysIncluded: 0 }]);
      const dir = join(t.config.dataDir, 'backups');
      expect(readdirSync(dir).filter((f) => f.endsWith('.xfbak'))).toHaveLength(1);
      // Without BACKUP_PASSPHRASE the daily backup holds data only, and health says the key is not backed up.
      let health = (await t.http.get('/health').expect(200)).body as { status: string; backup: Record<string, unknown> };
      expect(health.backup).toEqual({ lastAt: '2026-11-26T02:00:00.000Z', ok: true, ageHours: 0, warning: BACKUP_WARNINGS.keys, keysIncluded: false, managedBy: 'service' });
      expect(JSON.stringify(health.backup)).not.toContain(t.config.dataDir);

      const service = t.app.get(BackupService);
      clock.advanceMs(60_000);
      await service.backupNow();
      clock.advanceMs(60_000);
      await service.backupNow();
      expect(readdirSync(dir).filter((f) => f.endsWith('.xfbak'))).toHaveLength(2);

      clock.advanceDays(2);
      clock.advanceMs(3_600_000);
      health = (await t.http.get('/health').expect(200)).body as { status: string; backup: Record<string, unknown> };
      expect(health.status).toBe('ok');
      expect(health.backup).toMatchObject({ ok: true, ageHours: 49, warning: BACKUP_WARNINGS.stale });

      // Admins see the paths; others do not get the list.
      const admin = await t.token('admin');
      const list = (await t.http.get('/backups').set(bearer(admin)).expect(200)).body as { runs: { location: string; sizeBytes: number }[] };
      expect(list.runs).toHaveLength(3);
      expect(list.runs[0].location.startsWith(dir)).toBe(true);
      expect(list.runs[0].sizeBytes).toBeGreaterThan(0);
      await t.http.get('/backups').set(bearer(await t.token('secretary'))).expect(403);
    } finally {
      await t.close();
    }
  });

  it('with BACKUP_PASSPHRASE encrypts and includes the keys; a service without any backup warns; an admin can start one', async () => {
    const t = await createTestApp({ env: { BACKUP_SCHEDULE: 'true', BACKUP_PASSPHRASE: PASSPHRASE } });
    const bare = await createTestApp();
    try {
      await t.relay.drain();
      const health = (await t.http.get('/health').expect(200)).body as { backup: Record<string, unknown> };
      expect(health.backup).toMatchObject({ ok: true, keysIncluded: true, warning: null });
      const none = (await bare.http.get('/health').expect(200)).body as { status: string; backup: Record<string, unknown> };
      expect(none.status).toBe('ok');
      expect(none.backup).toMatchObject({ lastAt: null, ok: null, ageHours: null, warning: BACKUP_WARNINGS.none });

      // An admin starts one now (202); it appears among the runs when done. Others may not.
      await bare.http.post('/backups').set(bearer(await bare.token('secretary'))).expect(403);
      await bare.http.post('/backups').set(bearer(await bare.token('admin'))).expect(202);
      let runs: { kind: string; ok: boolean }[] = [];
      for (let i = 0; i < 100 && !runs.length; i++) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        runs = ((await bare.http.get('/backups').set(bearer(await bare.token('admin'))).expect(200)).body as { runs: { kind: string; ok: boolean }[] }).runs;
      }
      expect(runs).toEqual([expect.objectContaining({ kind: 'admin', ok: true })]);
    } finally {
      await t.close();
      await bare.close();
    }
  });
});
