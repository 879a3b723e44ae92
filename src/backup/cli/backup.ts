// `npm run backup -- [<directory>] [--unencrypted] [--export-keys <file>]` (docs/backup.md).
import 'reflect-metadata';
import { backupCommand } from './backup-command.js';
import { runCli } from './cli-support.js';

await runCli(() => backupCommand(process.argv.slice(2)));
