// `npm run rotate-pii-key -- [--status] [--batch N] [--new-key] [--retire]` (docs/backup.md).
import 'reflect-metadata';
import { runCli } from './cli-support.js';
import { rotateCommand } from './rotate-command.js';

await runCli(() => rotateCommand(process.argv.slice(2)));
