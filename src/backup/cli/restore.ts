// `npm run restore -- <backup> [--force] [--check]` (docs/backup.md).
import 'reflect-metadata';
import { runCli } from './cli-support.js';
import { restoreCommand } from './restore-command.js';

await runCli(() => restoreCommand(process.argv.slice(2)));
