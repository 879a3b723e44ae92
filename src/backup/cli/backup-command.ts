import { writeFileSync, existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig, type AppConfig } from '../../../config/app-config.js';
import { dataPaths } from '../../../config/backup-config.js';
import { createBackup, type BackupResult } from '../backup-creator.js';
import { BackupErrors } from '../backup-errors.js';
import { backupRunOf, insertRunSqlite } from '../backup-run-record.js';
import { type CliIo, type Env, formatBytes, passphrase, processIo, t } from './cli-support.js';

/** Records a run in the live database (for GET /health); a failure to record is a warning, never the backup's failure. */
async function record(sqlitePath: string, io: CliIo, run: ReturnType<typeof backupRunOf>): Promise<void> {
  try {
    await insertRunSqlite(sqlitePath, run);
  } catch (error) {
    io.err(t(`未能记录本次备份（${String(error)}）`, `could not record this run (${String(error)})`));
  }
}

/** Writes the keys in clear to a new 0600 file, with the warning at its top. */
export function exportKeys(config: AppConfig, file: string): void {
  const lines = [
    '# 信访联动 · 个人信息密钥与 JWT 密钥（明文）。请离线妥善保管，切勿与备份放在一起；丢失 PII_KEY 则所有身份证号、电话、地址永久无法解密。',
    '# Petition office: personal-data key and JWT secret IN CLEAR. Keep offline and never beside the backups; without PII_KEY every stored ID number, phone and address is lost for good.',
    `PII_KEY=${config.piiKey.toString('hex')}`,
    ...(config.piiPreviousKeys.length ? [`PII_KEY_PREVIOUS=${config.piiPreviousKeys.map((k) => k.toString('hex')).join(',')}`] : []),
    `JWT_SECRET=${config.jwtSecret}`,
    '',
  ];
  writeFileSync(file, lines.join('\n'), { mode: 0o600, flag: 'wx' });
}

/**
 * `npm run backup -- [<directory>] [--unencrypted] [--export-keys <file>]`: an online backup of the embedded
 * installation while it runs. Encrypted with BACKUP_PASSPHRASE (or a passphrase typed in the terminal),
 * with the keys inside; `--unencrypted` writes data only and says where the keys must be kept.
 */
export async function backupCommand(argv: string[], env?: Env, io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { unencrypted: { type: 'boolean', default: false }, 'export-keys': { type: 'string' }, level: { type: 'string', default: '3' } },
  });
  const paths = dataPaths(env);
  if (!paths.embedded || !paths.sqlitePath) throw BackupErrors.embeddedOnly();
  if (!existsSync(paths.sqlitePath)) {
    io.err(t(`${paths.sqlitePath} 不存在：没有可备份的数据`, `${paths.sqlitePath} does not exist: nothing to back up`));
    return 2;
  }
  const config = loadConfig(env);
  const exportTo = values['export-keys'];
  if (exportTo) {
    exportKeys(config, exportTo);
    io.out(t(`密钥已以明文导出到 ${exportTo}（权限 0600）：请离线保管，切勿与备份放在一起`, `keys exported IN CLEAR to ${exportTo} (mode 0600): keep it offline, never beside the backups`));
    if (!positionals.length && !values.unencrypted) return 0;
  }
  const secret = values.unencrypted ? null : await passphrase(config.backup.passphrase, true);
  if (secret === null && !values.unencrypted) {
    io.err(
      t(
        '需要备份口令：设置 BACKUP_PASSPHRASE（或在终端中运行以输入）；或用 --unencrypted 只备份数据（不含密钥）并用 --export-keys 另行保管密钥',
        'a backup passphrase is needed: set BACKUP_PASSPHRASE (or run in a terminal to type it); or pass --unencrypted for data only (no keys) and keep the keys with --export-keys',
      ),
    );
    return 2;
  }
  const directory = positionals[0] ?? config.backup.dir;
  const level = Number(values.level);
  io.err(t(`正在备份 ${paths.sqlitePath} → ${directory}`, `backing up ${paths.sqlitePath} → ${directory}`));

  let lastPercent = -1;
  let lastBytes = 0;
  const startedAt = new Date();
  let result: BackupResult;
  try {
    result = await createBackup(
      { dataDir: config.dataDir, sqlitePath: paths.sqlitePath, piiKey: config.piiKey, piiPreviousKeys: config.piiPreviousKeys, jwtSecret: config.jwtSecret, exclude: [config.backup.dir], attachmentsDir: config.attachments.dir },
      {
        directory,
        passphrase: secret,
        compressionLevel: Number.isInteger(level) && level >= 0 && level <= 9 ? level : 3,
        onProgress: (p) => {
          if (p.phase === 'database') {
            const percent = p.totalPages ? Math.floor((100 * p.copiedPages) / p.totalPages / 10) * 10 : 0;
            if (percent !== lastPercent) io.err(t(`  数据库快照 ${percent}%（${p.copiedPages}/${p.totalPages} 页）`, `  database snapshot ${percent}% (${p.copiedPages}/${p.totalPages} pages)`));
            lastPercent = percent;
          } else if (p.phase === 'files') io.err(t(`  文件 ${p.files} 个`, `  ${p.files} files`));
          else if (p.done || p.bytes - lastBytes >= 64 * 1024 * 1024) {
            lastBytes = p.bytes;
            io.err(t(`  已写入 ${formatBytes(p.bytes)}`, `  written ${formatBytes(p.bytes)}`));
          }
        },
      },
    );
  } catch (error) {
    await record(paths.sqlitePath, io, backupRunOf('cli', startedAt, new Date(), { error }));
    throw error;
  }
  await record(paths.sqlitePath, io, backupRunOf('cli', startedAt, result.finishedAt, { result }));

  const m = result.manifest;
  const seconds = ((result.finishedAt.getTime() - result.startedAt.getTime()) / 1000).toFixed(1);
  io.out(t(`备份完成：${result.path}`, `backup written: ${result.path}`));
  io.out(t(`  大小 ${formatBytes(result.bytes)}，用时 ${seconds} 秒`, `  size ${formatBytes(result.bytes)}, ${seconds} s`));
  io.out(t(`  信访件 ${m.counts.cases ?? 0} 件，时间线 ${m.counts.case_events ?? 0} 条，文件 ${m.entries.filter((e) => e.name.startsWith('files/')).length} 个`, `  ${m.counts.cases ?? 0} cases, ${m.counts.case_events ?? 0} timeline events, ${m.entries.filter((e) => e.name.startsWith('files/')).length} files`));
  io.out(`  SHA-256 ${result.sha256}`);
  if (m.keysIncluded) io.out(t('  已加密，含个人信息密钥和 JWT 密钥（恢复时需要同一口令）', '  encrypted, with the personal-data key and the JWT secret (restoring needs the same passphrase)'));
  else {
    io.out(
      t(
        '  警告：未加密且不含密钥。没有 pii.key，身份证号、电话和地址将无法恢复：请用 --export-keys 导出密钥并与备份分开保管',
        '  WARNING: unencrypted and without keys. Without pii.key no ID number, phone or address can be recovered: export the keys with --export-keys and keep them apart from the backups',
      ),
    );
  }
  return 0;
}
