import { DomainError } from '../common/errors.js';

/** Why a backup, a restore or a key rotation stopped: a stable code and a message in Chinese, then English. */
export type BackupErrorCode =
  | 'BACKUP_NOT_AN_ARCHIVE'
  | 'BACKUP_UNSUPPORTED_VERSION'
  | 'BACKUP_WRONG_PASSPHRASE'
  | 'BACKUP_PASSPHRASE_REQUIRED'
  | 'BACKUP_TAMPERED'
  | 'BACKUP_TRUNCATED'
  | 'BACKUP_MANIFEST_MISMATCH'
  | 'BACKUP_SERVICE_RUNNING'
  | 'BACKUP_TARGET_NOT_EMPTY'
  | 'BACKUP_KEYS_MISSING'
  | 'BACKUP_KEY_MISMATCH'
  | 'BACKUP_EMBEDDED_ONLY'
  | 'BACKUP_IN_PROGRESS'
  | 'PII_ROTATION_KEY_MISMATCH'
  | 'PII_ROTATION_UNREADABLE';

export class BackupError extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} · ${en}`);
    this.name = 'BackupError';
  }
}

export const BackupErrors = {
  notAnArchive: (path: string) => new BackupError('BACKUP_NOT_AN_ARCHIVE', `不是本系统的备份文件：${path}`, `not a backup archive of this service: ${path}`),
  unsupportedVersion: (version: unknown) =>
    new BackupError('BACKUP_UNSUPPORTED_VERSION', `备份格式版本 ${String(version)} 不受支持`, `unsupported backup format version ${String(version)}`),
  wrongPassphrase: () =>
    new BackupError('BACKUP_WRONG_PASSPHRASE', '备份口令错误（或备份文件头已损坏），未恢复任何内容', 'wrong backup passphrase (or a damaged archive header); nothing was restored'),
  passphraseRequired: () =>
    new BackupError(
      'BACKUP_PASSPHRASE_REQUIRED',
      '此备份已加密：请设置 BACKUP_PASSPHRASE，或在终端中运行以输入口令',
      'this backup is encrypted: set BACKUP_PASSPHRASE, or run it in a terminal to type the passphrase',
    ),
  tampered: (where: string) =>
    new BackupError('BACKUP_TAMPERED', `备份文件已损坏或被篡改（${where}），已拒绝恢复`, `the backup archive is damaged or has been tampered with (${where}); refused`),
  truncated: () => new BackupError('BACKUP_TRUNCATED', '备份文件不完整（被截断），已拒绝恢复', 'the backup archive is incomplete (truncated); refused'),
  manifestMismatch: (detail: string) =>
    new BackupError('BACKUP_MANIFEST_MISMATCH', `备份内容与清单不符：${detail}`, `the backup does not match its manifest: ${detail}`),
  serviceRunning: (pids: number[], dataDir: string) =>
    new BackupError(
      'BACKUP_SERVICE_RUNNING',
      `服务正在使用 ${dataDir}（进程 ${pids.join(', ')}）：请先停止服务再恢复`,
      `a running service uses ${dataDir} (pid ${pids.join(', ')}): stop it before restoring`,
    ),
  targetNotEmpty: (dataDir: string, found: string[]) =>
    new BackupError(
      'BACKUP_TARGET_NOT_EMPTY',
      `${dataDir} 中已有数据（${found.join(', ')}）：只能恢复到空目录；确需覆盖请加 --force（原有文件将移到 pre-restore-* 目录）`,
      `${dataDir} already holds data (${found.join(', ')}): restore only into an empty directory, or pass --force (existing files are moved to pre-restore-*)`,
    ),
  keysMissing: () =>
    new BackupError(
      'BACKUP_KEYS_MISSING',
      '此备份不含密钥：请先把原来的 pii.key 和 jwt.secret 放入 DATA_DIR，或设置 PII_KEY 和 JWT_SECRET',
      'this backup holds no keys: put the original pii.key and jwt.secret into DATA_DIR first, or set PII_KEY and JWT_SECRET',
    ),
  keyMismatch: (detail: string) =>
    new BackupError('BACKUP_KEY_MISMATCH', `个人信息密钥与恢复的数据不匹配：${detail}`, `the personal-data key does not match the restored data: ${detail}`),
  embeddedOnly: () =>
    new BackupError(
      'BACKUP_EMBEDDED_ONLY',
      '此命令用于内置模式（SQLite）；MySQL 请用 scripts/backup-mysql.sh（见 docs/backup.md）',
      'this command is for the embedded (SQLite) mode; for MySQL use scripts/backup-mysql.sh (see docs/backup.md)',
    ),
  inProgress: () => new BackupError('BACKUP_IN_PROGRESS', '另一个备份正在进行', 'another backup is in progress'),
  serviceRunningForNewKey: (pids: number[]) =>
    new BackupError(
      'BACKUP_SERVICE_RUNNING',
      `服务正在运行（进程 ${pids.join(', ')}）：--new-key 需先停止服务`,
      `a service is running (pid ${pids.join(', ')}): stop it before --new-key`,
    ),
  /** `services`: the pids of the services still on another key, each with that key's id. */
  rotationKeyMismatch: (services: string) =>
    new BackupError(
      'PII_ROTATION_KEY_MISMATCH',
      `运行中的服务（进程 ${services}）仍使用旧密钥：请先以新的 PII_KEY 和 PII_KEY_PREVIOUS（旧密钥）重启服务，再轮换`,
      `a running service (pid ${services}) still encrypts with the old key: restart it with the new PII_KEY and the old one in PII_KEY_PREVIOUS first, then rotate`,
    ),
};

/** A refusal of the HTTP API (`POST /backups`): 409 with the same code and sentences. */
export const backupConflict = (error: BackupError): DomainError => new DomainError(error.code, 409, { zh: error.zh, en: error.en });
