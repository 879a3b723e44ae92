// `npm start` builds first when dist/ is missing or older than the sources.
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = 'dist/src/main.js';
const stale = !existsSync(built) || Math.max(newest('src'), newest('config')) > statSync(built).mtimeMs;
if (stale) {
  process.stdout.write('Building (tsc)…\n');
  execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit' });
}
