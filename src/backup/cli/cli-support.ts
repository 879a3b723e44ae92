import { Writable } from 'node:stream';
import { createInterface } from 'node:readline';
import { cliLanguage } from '../../../config/backup-config.js';
import { BackupError } from '../backup-errors.js';

const language = cliLanguage();

/** A message for the operator: Chinese first, English after it (English only with LANG=en…). */
export function t(zh: string, en: string): string {
  if (language === 'en') return en;
  const indent = /^\s*/.exec(zh)?.[0] ?? '';
  return `${zh} · ${en.slice(indent.length)}`;
}

/** Where a command writes: the summary to `out`, progress and warnings to `err` (tests capture both). */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
};

export type Env = Record<string, string | undefined>;

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}

/** Reads a line from the terminal without echoing it. */
export async function promptHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  try {
    return await new Promise<string>((resolve) => rl.question('', resolve));
  } finally {
    rl.close();
    process.stderr.write('\n');
  }
}

/** The passphrase from BACKUP_PASSPHRASE, or typed in a terminal (twice when `confirm`); null when neither. */
export async function passphrase(fromConfig: string | null, confirm: boolean): Promise<string | null> {
  if (fromConfig !== null) return fromConfig;
  if (!process.stdin.isTTY) return null;
  for (;;) {
    const first = await promptHidden(t('备份口令：', 'Backup passphrase: '));
    if (confirm && first.length < 12) {
      process.stderr.write(t('口令至少 12 个字符', 'the passphrase needs at least 12 characters') + '\n');
      continue;
    }
    if (!confirm) return first;
    const second = await promptHidden(t('再输入一次：', 'Again: '));
    if (first === second) return first;
    process.stderr.write(t('两次输入不一致', 'the two entries differ') + '\n');
  }
}

/** Runs a command's main function: a BackupError or a configuration error ends it with its message and exit code 2. */
export async function runCli(main: () => Promise<number>): Promise<void> {
  try {
    process.exitCode = await main();
  } catch (error) {
    if (error instanceof BackupError) {
      process.stderr.write((language === 'en' ? error.en : error.message) + '\n');
      process.exitCode = 2;
      return;
    }
    if (error instanceof Error && error.name === 'ConfigError') {
      process.stderr.write(error.message + '\n');
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
