import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { loadConfig } from './app-config.js';
import { dataPaths, loadBackupConfig, loadEnvKeys, loadPreviousPiiKeys } from './backup-config.js';

const dataDir = (): string => mkdtempSync(join(tmpdir(), 'xf-backup-config-'));
const MYSQL = { DATABASE_URL: 'mariadb://root@127.0.0.1:3306/xf', PII_KEY: 'ab'.repeat(32), JWT_SECRET: 'x'.repeat(32) };

describe('backup configuration', () => {
  it('defaults: daily backups into DATA_DIR/backups, 7 kept, no passphrase (embedded); off with DATABASE_URL', () => {
    const dir = dataDir();
    expect(loadBackupConfig({ DATA_DIR: dir })).toEqual({ dir: join(dir, 'backups'), retention: 7, schedule: true, passphrase: null });
    expect(loadBackupConfig({ DATA_DIR: dir, ...MYSQL }).schedule).toBe(false);
    expect(loadConfig({ DATA_DIR: dir, BACKUP_DIR: '/srv/xf-backups', BACKUP_RETENTION: '30', BACKUP_PASSPHRASE: ' twelve chars+ ' }).backup).toEqual({
      dir: '/srv/xf-backups',
      retention: 30,
      schedule: true,
      passphrase: ' twelve chars+ ',
    });
  });

  it.each([
    [{ BACKUP_RETENTION: '0' }, /BACKUP_RETENTION must be a whole number between 1 and 365/],
    [{ BACKUP_RETENTION: 'many' }, /BACKUP_RETENTION/],
    [{ BACKUP_SCHEDULE: 'daily' }, /BACKUP_SCHEDULE must be true or false/],
    [{ BACKUP_PASSPHRASE: 'short' }, /BACKUP_PASSPHRASE must have at least 12 characters/],
    [{ ...MYSQL, BACKUP_SCHEDULE: 'true' }, /BACKUP_SCHEDULE is for the embedded mode/],
    [{ PII_KEY_PREVIOUS: 'not-a-key' }, /PII_KEY_PREVIOUS must list keys of 32 bytes/],
  ])('stops the boot on %j', (env, message) => {
    expect(() => loadConfig({ DATA_DIR: dataDir(), ...env })).toThrow(message);
  });

  it('reads previous PII keys from PII_KEY_PREVIOUS, or in the embedded mode from DATA_DIR/pii.key.previous', () => {
    const dir = dataDir();
    const a = 'aa'.repeat(32);
    const b = Buffer.alloc(32, 2).toString('base64');
    expect(loadPreviousPiiKeys({ DATA_DIR: dir })).toEqual([]);
    writeFileSync(join(dir, 'pii.key.previous'), `${a}\n# retired later\n${b}\n`);
    expect(loadPreviousPiiKeys({ DATA_DIR: dir }).map((k) => k.toString('hex'))).toEqual([a, '02'.repeat(32)]);
    expect(loadConfig({ DATA_DIR: dir }).piiPreviousKeys).toHaveLength(2);
    // With the keys in the environment, the environment alone counts.
    expect(loadPreviousPiiKeys({ DATA_DIR: dir, PII_KEY: 'cc'.repeat(32) })).toEqual([]);
    expect(loadPreviousPiiKeys({ DATA_DIR: dir, PII_KEY: 'cc'.repeat(32), PII_KEY_PREVIOUS: `${a},${a}` })).toHaveLength(2);
  });

  it('gives the restore command paths and environment keys without creating key files', () => {
    const dir = join(dataDir(), 'fresh');
    expect(dataPaths({ DATA_DIR: dir })).toEqual({ dataDir: dir, embedded: true, sqlitePath: join(dir, 'petitions.sqlite'), attachmentsDir: join(dir, 'attachments') });
    // ATTACHMENTS_DIR: relative to DATA_DIR, or anywhere (then the backup carries it apart).
    expect(dataPaths({ DATA_DIR: dir, ATTACHMENTS_DIR: 'files' }).attachmentsDir).toBe(join(dir, 'files'));
    expect(dataPaths({ DATA_DIR: dir, ATTACHMENTS_DIR: '/srv/xf-files' }).attachmentsDir).toBe('/srv/xf-files');
    expect(loadEnvKeys({ DATA_DIR: dir })).toEqual({ piiKey: null, piiPreviousKeys: [], jwtSecret: false });
    expect(loadEnvKeys({ PII_KEY: 'ab'.repeat(32), JWT_SECRET: 'x' }).piiKey?.toString('hex')).toBe('ab'.repeat(32));
  });
});
