import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_PASSWORD, databaseUrl, REDIS_URL, ROOT, sleep } from './env.js';

export interface RunningProcess {
  name: string;
  url: string;
  pid: number;
  /** The last lines the process wrote (stdout and stderr). */
  output(): string;
  stop(): Promise<void>;
}

const started = new Set<ChildProcess>();
// If a benchmark dies, do not leave its servers behind (only the children this process started).
process.on('exit', () => {
  for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => process.exit(130));
}

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`process exited with code ${child.exitCode} before it answered ${url}\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url} after ${timeoutMs} ms\n${output()}`);
    await sleep(200);
  }
}

async function launch(name: string, script: string, env: Record<string, string>, port: number, readyPath: string, nodeArgs: string[] = [], cwd = ROOT): Promise<RunningProcess> {
  let buffer = '';
  const child = spawn(process.execPath, [...nodeArgs, script], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  const keep = (chunk: Buffer): void => {
    buffer = (buffer + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    started.delete(child);
  };
  try {
    await waitForHttp(url + readyPath, child, () => buffer, 180_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { name, url, pid: child.pid ?? -1, output: () => buffer, stop };
}

export interface ServiceOptions {
  database: string;
  port: number;
  redis?: boolean;
  env?: Record<string, string>;
  /** Extra `node` flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Another built tree to run (e.g. a patched copy made by snapshot.sh), instead of this one. */
  root?: string;
  name?: string;
}

/** Starts the built service (`node dist/src/main.js`) against a bench database, production-style. */
export async function startService(options: ServiceOptions): Promise<RunningProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xf-bench-'));
  const env: Record<string, string> = {
    DATABASE_URL: databaseUrl(options.database),
    DATA_DIR: dataDir,
    PII_KEY: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(24).toString('hex'),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD,
    DEMO_DATA: 'false',
    LOG_LEVEL: 'warn',
    // Benchmarks send hundreds of requests a second as one user for longer than an access token lives.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    ACCESS_TOKEN_TTL_SECONDS: '3600',
    HOST: '127.0.0.1',
    PORT: String(options.port),
    ...(options.redis === false ? {} : { REDIS_URL, QUEUE_PREFIX: `xf-bench-${randomBytes(4).toString('hex')}` }),
    ...options.env,
  };
  const proc = await launch(options.name ?? 'service', 'dist/src/main.js', env, options.port, '/health', options.nodeArgs, options.root ?? ROOT);
  return {
    ...proc,
    stop: async () => {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts the floor app of bench/floor-app.ts (built to dist/bench/floor-app.js). */
export function startFloor(options: { database: string; port: number; table: string }): Promise<RunningProcess> {
  return launch(
    'floor',
    'dist/bench/floor-app.js',
    { FLOOR_DATABASE_URL: databaseUrl(options.database), FLOOR_TABLE: options.table, PORT: String(options.port), DB_POOL_SIZE: '20' },
    options.port,
    '/floor/health',
  );
}

export async function login(baseUrl: string, username = 'admin', password = ADMIN_PASSWORD): Promise<string> {
  const res = await fetch(`${baseUrl}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { accessToken: string }).accessToken;
}
