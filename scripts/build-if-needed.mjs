// `npm start` builds first when dist/ is missing or older than the sources: the server (tsc) and the
// web console (Vite, into dist/web).
import { execSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(path) {
  if (!existsSync(path)) return 0;
  if (!statSync(path).isDirectory()) return statSync(path).mtimeMs;
  let latest = 0;
  for (const entry of readdirSync(path, { withFileTypes: true })) latest = Math.max(latest, newest(join(path, entry.name)));
  return latest;
}

const stale = (built, sources) => !existsSync(built) || Math.max(...sources.map(newest)) > statSync(built).mtimeMs;

if (stale('dist/src/main.js', ['src', 'config'])) {
  process.stdout.write('Building the service (tsc)…\n');
  execSync('npx tsc -p tsconfig.build.json', { stdio: 'inherit' });
}
if (stale('dist/web/index.html', ['web/src', 'web/index.html', 'web/vite.config.ts', 'src/domain/labels.ts'])) {
  process.stdout.write('Building the web console (Vite)…\n');
  execSync('npm run build:web', { stdio: 'inherit' });
}
