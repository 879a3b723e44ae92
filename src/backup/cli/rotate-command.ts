import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DataSource } from 'typeorm';
import { loadConfig } from '../../../config/app-config.js';
import { dataPaths, KEY_FILES, loadEnvKeys } from '../../../config/backup-config.js';
import { PiiCipher } from '../../common/pii/pii-cipher.js';
import { buildDataSourceOptions } from '../../data-source-options.js';
import { BackupErrors } from '../backup-errors.js';
import { InstanceLock } from '../instance-lock.js';
import { AttachmentRotation } from '../../attachments/attachment-rotation.js';
import { PiiRotation, type RotationStatus } from '../pii-rotation.js';
import { type CliIo, type Env, processIo, t } from './cli-support.js';

function printStatus(io: CliIo, status: RotationStatus): void {
  const keys = Object.entries(status.tokensByKey).map(([id, n]) => `${id}${id === status.currentKeyId ? '*' : ''}: ${n}`);
  io.out(t(`  当前密钥 ${status.currentKeyId}；各密钥下的字段数 ${keys.join(', ') || '—'}；待轮换 ${status.rowsToRotate} 件`, `  current key ${status.currentKeyId}; stored fields per key ${keys.join(', ') || '-'}; ${status.rowsToRotate} cases to rotate`));
}

/**
 * Embedded mode, keys in files, no service running: the current pii.key moves to pii.key.previous and a
 * new key is written; the rotation that follows re-encrypts everything under it.
 */
function newKeyFile(dataDir: string, io: CliIo): void {
  const live = InstanceLock.live(dataDir);
  if (live.length) throw BackupErrors.serviceRunningForNewKey(live.map((i) => i.pid));
  const current = join(dataDir, KEY_FILES.pii);
  const key = PiiCipher.parseKey(readKey(current));
  appendFileSync(join(dataDir, KEY_FILES.piiPrevious), key.toString('hex') + '\n', { mode: 0o600 });
  const fresh = randomBytes(32);
  writeFileSync(current, fresh.toString('hex') + '\n', { mode: 0o600 });
  io.out(t(`新密钥 ${PiiCipher.keyIdOf(fresh)} 已写入 ${current}；旧密钥 ${PiiCipher.keyIdOf(key)} 移入 ${KEY_FILES.piiPrevious}`, `new key ${PiiCipher.keyIdOf(fresh)} written to ${current}; old key ${PiiCipher.keyIdOf(key)} moved to ${KEY_FILES.piiPrevious}`));
}

function readKey(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  return readFileSync(file, 'utf8');
}

/**
 * `npm run rotate-pii-key -- [--status] [--batch N] [--new-key] [--retire]` (docs/backup.md):
 * re-encrypts stored personal data under PII_KEY while PII_KEY_PREVIOUS still decrypts, resumable.
 */
export async function rotateCommand(argv: string[], env?: Env, io: CliIo = processIo, hooks: { onBatch?: () => void } = {}): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { status: { type: 'boolean', default: false }, batch: { type: 'string', default: '500' }, 'new-key': { type: 'boolean', default: false }, retire: { type: 'boolean', default: false } },
  });
  const paths = dataPaths(env);
  const envKeys = loadEnvKeys(env);
  if (values['new-key']) {
    if (!paths.embedded || envKeys.piiKey) {
      io.err(
        t(
          '--new-key 只用于内置模式且密钥在 DATA_DIR 文件中；使用环境变量时：把新密钥设为 PII_KEY、旧密钥设为 PII_KEY_PREVIOUS，重启服务，再运行本命令',
          '--new-key is for the embedded mode with keys in DATA_DIR files; with environment keys: set the new key as PII_KEY and the old one as PII_KEY_PREVIOUS, restart the service, then run this command',
        ),
      );
      return 2;
    }
    newKeyFile(paths.dataDir, io);
  }
  const config = loadConfig(env);
  const cipher = new PiiCipher(config.piiKey, config.piiPreviousKeys);
  if (!values.status) PiiRotation.assertServicesUseKey(config.dataDir, cipher.keyId);

  const ds = new DataSource(buildDataSourceOptions(config.database, false));
  await ds.initialize();
  try {
    const rotation = new PiiRotation(ds, cipher);
    const attachments = new AttachmentRotation(ds, cipher, config.attachments.dir);
    if (values.status) {
      printStatus(io, await rotation.status());
      const files = Object.entries(await attachments.status()).map(([id, n]) => `${id}${id === cipher.keyId ? '*' : ''}: ${n}`);
      io.out(t(`  附件文件各密钥下的数量 ${files.join(', ') || '—'}；待轮换 ${await attachments.countPending()} 个`, `  attachment files per key ${files.join(', ') || '-'}; ${await attachments.countPending()} to rotate`));
      return 0;
    }
    if (values.retire) {
      const pending = await rotation.countPending();
      if (pending > 0) {
        io.err(t(`仍有 ${pending} 件使用旧密钥：先完成轮换，不能退役旧密钥`, `${pending} cases are still under an old key: finish the rotation before retiring it`));
        return 1;
      }
      const pendingFiles = await attachments.countPending();
      if (pendingFiles > 0) {
        io.err(t(`仍有 ${pendingFiles} 个附件文件使用旧密钥：先完成轮换，不能退役旧密钥`, `${pendingFiles} attachment files are still under an old key: finish the rotation before retiring it`));
        return 1;
      }
      const file = join(config.dataDir, KEY_FILES.piiPrevious);
      if (paths.embedded && !envKeys.piiKey && existsSync(file)) {
        rmSync(file);
        io.out(t(`已删除 ${file}：旧密钥已退役（重启服务生效）`, `removed ${file}: the old key is retired (restart the service)`));
      } else io.out(t('剩余 0：从环境中删除 PII_KEY_PREVIOUS 并重启服务，旧密钥即退役', 'nothing left: remove PII_KEY_PREVIOUS from the environment and restart the service to retire the old key'));
      return 0;
    }
    const batchSize = Number(values.batch);
    io.err(t(`正在以密钥 ${cipher.keyId} 重新加密（每批 ${batchSize} 件，可随时中断后重跑）`, `re-encrypting under key ${cipher.keyId} (batches of ${batchSize}; safe to interrupt and run again)`));
    const result = await rotation.run({
      batchSize: Number.isInteger(batchSize) && batchSize > 0 ? batchSize : 500,
      onBatch: (p) => {
        if (p.batches % 20 === 1) io.err(t(`  已轮换 ${p.rotated} 件，约剩 ${p.remaining} 件`, `  rotated ${p.rotated}, about ${p.remaining} left`));
        hooks.onBatch?.();
      },
    });
    io.out(t(`已轮换 ${result.rotated} 件；剩余 ${result.remaining} 件`, `rotated ${result.rotated} cases; ${result.remaining} remaining`));
    // Attachment files (sealed with the same key), after the cases' fields: resumable in the same way.
    const files = await attachments.run();
    io.out(t(`附件文件已轮换 ${files.rotated} 个；剩余 ${files.remaining} 个`, `rotated ${files.rotated} attachment files; ${files.remaining} remaining`));
    if (files.unreadable.length) {
      io.out(t(`  ${files.unreadable.length} 个附件文件缺失或无法用已配置的密钥解密（如 ${files.unreadable.slice(0, 3).join(', ')}）`, `  ${files.unreadable.length} attachment files are missing or cannot be decrypted with the configured keys (e.g. ${files.unreadable.slice(0, 3).join(', ')})`));
    }
    if (result.changedMeanwhile) io.out(t(`  ${result.changedMeanwhile} 件在轮换时被修改：再运行一次`, `  ${result.changedMeanwhile} changed meanwhile: run again`));
    if (result.unreadable.length) {
      io.out(t(`  ${result.unreadable.length} 件无法用已配置的密钥解密（如 ${result.unreadable.slice(0, 3).join(', ')}）：缺少哪把旧密钥见 --status`, `  ${result.unreadable.length} cannot be decrypted with the configured keys (e.g. ${result.unreadable.slice(0, 3).join(', ')}): see --status for the missing key`));
    }
    if (result.remaining === 0 && files.remaining === 0) {
      io.out(t('剩余 0：旧密钥可以退役（npm run rotate-pii-key -- --retire，或删除 PII_KEY_PREVIOUS 后重启）', 'nothing left: the old key can be retired (npm run rotate-pii-key -- --retire, or remove PII_KEY_PREVIOUS and restart)'));
      return 0;
    }
    return 1;
  } finally {
    await ds.destroy();
  }
}
