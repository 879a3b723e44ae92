import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { loadConfig } from '../../../config/app-config.js';
import { dataPaths, loadBackupConfig, loadEnvKeys } from '../../../config/backup-config.js';
import { caseCode } from '../../domain/case-vocabulary.js';
import { applyPendingMigrations } from '../../migrate.js';
import { readArchiveHeader } from '../archive/backup-archive.js';
import { BackupErrors } from '../backup-errors.js';
import { RestoreService } from '../restore-service.js';
import { type CliIo, type Env, formatBytes, passphrase, processIo, t } from './cli-support.js';

/**
 * `npm run restore -- <backup> [--force] [--check]`: restores an archive into DATA_DIR (empty, no service
 * running), checks the manifest and every checksum, runs pending migrations and prints what it restored.
 * `--check` verifies an archive (decrypts, checksums, SQLite integrity, key) without restoring anything.
 */
export async function restoreCommand(argv: string[], env?: Env, io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { force: { type: 'boolean', default: false }, check: { type: 'boolean', default: false } } });
  const archive = positionals[0];
  if (!archive) {
    io.err(t('用法：npm run restore -- <备份文件> [--force] [--check]', 'usage: npm run restore -- <backup file> [--force] [--check]'));
    return 2;
  }
  const paths = dataPaths(env);
  if (!paths.embedded || !paths.sqlitePath) throw BackupErrors.embeddedOnly();
  const backupConfig = loadBackupConfig(env);
  const envKeys = loadEnvKeys(env);
  const header = await readArchiveHeader(archive);
  const secret = header.encrypted ? await passphrase(backupConfig.passphrase, false) : null;
  if (header.encrypted && secret === null) throw BackupErrors.passphraseRequired();

  const service = new RestoreService({
    dataDir: paths.dataDir,
    sqlitePath: paths.sqlitePath,
    backupDir: backupConfig.dir,
    envPiiKey: envKeys.piiKey,
    envPiiPreviousKeys: envKeys.piiPreviousKeys,
    envJwtSecret: envKeys.jwtSecret,
    attachmentsDir: paths.attachmentsDir,
  });
  io.err(t(`正在${values.check ? '校验' : '恢复'} ${archive}（备份于 ${header.createdAt}）`, `${values.check ? 'checking' : 'restoring'} ${archive} (taken ${header.createdAt})`));
  let lastBytes = 0;
  const report = await service.restore(archive, {
    passphrase: secret,
    force: values.force,
    checkOnly: values.check,
    onProgress: ({ bytes }) => {
      if (bytes - lastBytes >= 64 * 1024 * 1024) {
        lastBytes = bytes;
        io.err(t(`  已解出 ${formatBytes(bytes)}`, `  extracted ${formatBytes(bytes)}`));
      }
    },
  });
  const m = report.manifest;
  const cases = report.restored.counts.cases ?? 0;
  const events = report.restored.counts.case_events ?? 0;
  const lastCodes = Object.entries(m.lastCaseSeq).map(([year, seq]) => caseCode(Number(year), seq));
  if (values.check) {
    io.out(t(`校验通过：${archive}`, `check passed: ${archive}`));
    io.out(t(`  清单与全部 ${m.entries.length} 项校验和一致，数据库完整性检查通过，密钥解密了 ${report.keyCheckSamples} 个抽样字段`, `  all ${m.entries.length} entries match the manifest's checksums, the database passed integrity_check, the key decrypted ${report.keyCheckSamples} sampled fields`));
    io.out(t(`  信访件 ${cases} 件，时间线 ${events} 条，最后编号 ${lastCodes.join(', ') || '—'}`, `  ${cases} cases, ${events} timeline events, last codes ${lastCodes.join(', ') || '-'}`));
    return 0;
  }

  // The restored installation's configuration: its key files now exist (or the environment gives them).
  const config = loadConfig(env);
  const applied = await applyPendingMigrations(config.database);
  const db = new Database(paths.sqlitePath, { readonly: true, fileMustExist: true });
  const after = (db.prepare('SELECT COUNT(*) AS n FROM cases').get() as { n: number }).n;
  db.close();

  io.out(t(`恢复完成：${paths.dataDir}`, `restored into ${paths.dataDir}`));
  io.out(t(`  备份时间 ${m.startedAt}，信访件 ${after} 件，时间线 ${events} 条，最后编号 ${lastCodes.join(', ') || '—'}`, `  backup of ${m.startedAt}: ${after} cases, ${events} timeline events, last codes ${lastCodes.join(', ') || '-'}`));
  io.out(t(`  文件 ${report.files} 个；清单与全部校验和一致；密钥解密了 ${report.keyCheckSamples} 个抽样字段`, `  ${report.files} files; every checksum matches the manifest; the key decrypted ${report.keyCheckSamples} sampled fields`));
  io.out(
    report.keysRestored
      ? t('  已恢复个人信息密钥和 JWT 密钥（DATA_DIR 中 0600 文件）', '  the personal-data key and the JWT secret were restored (0600 files in DATA_DIR)')
      : t('  备份不含密钥：使用现有的密钥', '  the backup held no keys: the existing ones are used'),
  );
  if (envKeys.piiKey && report.keysRestored) io.out(t('  注意：环境变量 PII_KEY 优先于恢复的密钥文件', '  note: PII_KEY in the environment takes precedence over the restored key file'));
  io.out(applied.length ? t(`  已执行迁移：${applied.join(', ')}`, `  migrations applied: ${applied.join(', ')}`) : t('  数据库结构已是最新', '  the schema is up to date'));
  if (report.movedAside) io.out(t(`  原有数据已移到 ${report.movedAside}`, `  the previous data was moved to ${report.movedAside}`));
  return 0;
}
