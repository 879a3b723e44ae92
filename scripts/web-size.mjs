// Prints the gzipped size of the console's initial JavaScript (the entry and what it preloads) and
// fails the build above the budget of issue 12 (350 KB). Views load on demand and are not counted.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 350;
const dir = 'dist/web';
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const scripts = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\/console\/([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of scripts) {
  const size = gzipSync(readFileSync(join(dir, file))).length;
  total += size;
  process.stdout.write(`  ${file}  ${(size / 1024).toFixed(1)} KB gz\n`);
}
const kb = total / 1024;
process.stdout.write(`Initial JavaScript: ${kb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB)\n`);
if (scripts.length === 0 || kb > BUDGET_KB) {
  process.stderr.write(scripts.length === 0 ? 'No entry script found in dist/web/index.html\n' : `Over budget by ${(kb - BUDGET_KB).toFixed(1)} KB\n`);
  process.exit(1);
}
