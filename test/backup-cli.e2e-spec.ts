import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import Database from 'better-sqlite3';
import { loadConfig } from '../config/app-config.js';
import { readArchiveHeader } from '../src/backup/archive/backup-archive.js';
import { backupCommand } from '../src/backup/cli/backup-command.js';
import type { CliIo } from '../src/backup/cli/cli-support.js';
import { restoreCommand } from '../src/backup/cli/restore-command.js';
import { PiiCipher } from '../src/common/pii/pii-cipher.js';
import { applyPendingMigrations } from '../src/migrate.js';
import { TEST_MODE } from './support/test-app.js';

/**
 * The backup commands without a passphrase (embedded mode): a data-only archive, the keys exported apart,
 * and a restore that needs those keys and checks them against the data.
 */
const ID_NUMBER = '11010519491231002X';

function capture(): CliIo & { lines: string[]; text(): string } {
  const lines: string[] = [];
  return { lines, out: (l) => lines.push(l), err: (l) => lines.push(l), text: () => lines.join('\n') };
}

(TEST_MODE.mysql ? describe.skip : describe)('backup without a passphrase: data only, keys kept apart', () => {
  const root = mkdtempSync(join(tmpdir(), 'xf-backup-cli-'));
  const dataDir = join(root, 'data');
  const env = { DATA_DIR: dataDir, ADMIN_PASSWORD: 'Xf-Backup-Cli-Test-2026!', DEMO_DATA: 'false' };
  let archive = '';
  let keys: { PII_KEY: string; JWT_SECRET: string };

  beforeAll(async () => {
    // An installation with one case whose ID number is encrypted under the key file of DATA_DIR.
    const config = loadConfig(env);
    await applyPendingMigrations(config.database);
    const db = new Database(join(dataDir, 'petitions.sqlite'));
    const columns = (db.prepare('PRAGMA table_info(cases)').all() as { name: string; notnull: number; type: string }[]).filter((c) => c.notnull);
    const row: Record<string, unknown> = Object.fromEntries(columns.map((c) => [c.name, /int|bool/i.test(c.type) ? 0 : /datetime/i.test(c.type) ? '2026-11-26 02:00:00.000' : '[]']));
    Object.assign(row, { id: 'c0000000-0000-4000-8000-000000000001', code: 'XF-2026-000001', petitionerName: '张三' });
    const cipher = new PiiCipher(config.piiKey);
    db.prepare(`INSERT INTO cases (${[...Object.keys(row), 'petitionerIdCipher'].join(', ')}) VALUES (${[...Object.keys(row), 'c'].map(() => '?').join(', ')})`).run(...Object.values(row), cipher.encrypt(ID_NUMBER));
    db.close();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('refuses to write an unencrypted archive unless told, and says what to do', async () => {
    const io = capture();
    expect(await backupCommand([join(root, 'out')], env, io)).toBe(2);
    expect(io.text()).toMatch(/需要备份口令.*--unencrypted.*--export-keys/);
    expect(existsSync(join(root, 'out'))).toBe(false);
  });

  it('--unencrypted writes data without keys and warns; --export-keys writes the keys in clear, 0600, with a warning', async () => {
    const io = capture();
    expect(await backupCommand([join(root, 'out'), '--unencrypted', '--export-keys', join(root, 'keys.env')], env, io)).toBe(0);
    expect(io.text()).toMatch(/警告：未加密且不含密钥/);
    expect(io.text()).toMatch(/密钥已以明文导出到/);
    archive = join(root, 'out', readdirSync(join(root, 'out')).find((f) => f.endsWith('.xfbak')) ?? '');
    expect((await readArchiveHeader(archive)).encrypted).toBe(false);
    const bytes = readFileSync(archive);
    expect(bytes.includes(Buffer.from(readFileSync(join(dataDir, 'pii.key'), 'utf8').trim()))).toBe(false);

    const exported = readFileSync(join(root, 'keys.env'), 'utf8');
    expect(statSync(join(root, 'keys.env')).mode & 0o777).toBe(0o600);
    expect(exported.split('\n')[0]).toMatch(/^# .*明文.*切勿与备份放在一起/);
    const pairs = Object.fromEntries(exported.split('\n').filter((l) => /^[A-Z_]+=/.test(l)).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    expect(pairs).toEqual({ PII_KEY: readFileSync(join(dataDir, 'pii.key'), 'utf8').trim(), JWT_SECRET: readFileSync(join(dataDir, 'jwt.secret'), 'utf8').trim() });
    keys = pairs as typeof keys;
  });

  it('restores a data-only archive only with its keys, and checks them against the data', async () => {
    const target = join(root, 'restored');
    await expect(restoreCommand([archive], { DATA_DIR: target }, capture())).rejects.toMatchObject({ code: 'BACKUP_KEYS_MISSING', message: expect.stringMatching(/此备份不含密钥/) });
    const wrongKey = { DATA_DIR: target, PII_KEY: 'ab'.repeat(32), JWT_SECRET: keys.JWT_SECRET };
    await expect(restoreCommand([archive], wrongKey, capture())).rejects.toMatchObject({ code: 'BACKUP_KEY_MISMATCH', message: expect.stringMatching(/密钥与恢复的数据不匹配/) });
    expect(existsSync(join(target, 'petitions.sqlite'))).toBe(false);

    // --check of a data-only archive without a key checks everything else.
    const check = capture();
    expect(await restoreCommand([archive, '--check'], { DATA_DIR: target }, check)).toBe(0);
    expect(check.text()).toMatch(/校验通过[\s\S]*密钥解密了 0 个抽样字段[\s\S]*信访件 1 件/);

    const io = capture();
    expect(await restoreCommand([archive], { DATA_DIR: target, ...keys }, io)).toBe(0);
    expect(io.text()).toMatch(/备份不含密钥：使用现有的密钥/);
    expect(io.text()).toMatch(/密钥解密了 1 个抽样字段/);
    const db = new Database(join(target, 'petitions.sqlite'), { readonly: true });
    const [row] = db.prepare('SELECT petitionerIdCipher AS c FROM cases').all() as { c: string }[];
    db.close();
    expect(new PiiCipher(PiiCipher.parseKey(keys.PII_KEY)).decrypt(row.c)).toBe(ID_NUMBER);
  });
});
