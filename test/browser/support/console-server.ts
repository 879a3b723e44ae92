import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { projectPath } from '../../../config/paths.js';
import { createTestApp, type TestApp, type TestAppOptions } from '../../support/test-app.js';

/** The built console the service serves at /console (`npm test` builds it before jest). */
export const CONSOLE_DIR = projectPath('dist/web');

export interface ConsoleServer {
  t: TestApp;
  /** http://127.0.0.1:<port>, also the app's PUBLIC_BASE_URL (feed and invite links point here). */
  baseUrl: string;
  close(): Promise<void>;
}

/**
 * The service on the embedded default (the test app: SQLite in a temporary data directory, its FakeClock
 * and test users) listening on a real port, serving the built console.
 */
export async function startConsoleServer(options: TestAppOptions = {}): Promise<ConsoleServer> {
  ensureConsoleBuilt();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const t = await createTestApp({ ...options, env: { CONSOLE_DIR, PORT: String(port), PUBLIC_BASE_URL: baseUrl, ...options.env } });
  await t.app.listen(port, '127.0.0.1');
  return { t, baseUrl, close: () => t.close() };
}

/** A port nobody listens on now; known before the app is configured so PUBLIC_BASE_URL can name it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Builds dist/web once when it is missing (a lock directory keeps parallel jest workers from building twice). */
function ensureConsoleBuilt(): void {
  const index = join(CONSOLE_DIR, 'index.html');
  if (existsSync(index)) return;
  const lock = projectPath('dist/.web-build.lock');
  mkdirSync(projectPath('dist'), { recursive: true });
  const deadline = Date.now() + 240_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // Another worker builds; a lock older than the deadline was left by a killed run.
      if (existsSync(index)) return;
      const age = Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
      if (age > 240_000) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error('waited 4 minutes for another worker to build the console (dist/web)');
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (!existsSync(index)) {
      process.stderr.write('dist/web/index.html is missing: building the console once (vite build) for the browser tests\n');
      execFileSync(process.execPath, [projectPath('node_modules/vite/bin/vite.js'), 'build', '--config', projectPath('web/vite.config.ts'), '--logLevel', 'warn'], {
        cwd: projectPath('.'),
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
