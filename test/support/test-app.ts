import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import mysql from 'mysql2/promise';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { type AppConfig, loadConfig } from '../../config/app-config.js';
import { AppModule } from '../../src/app.module.js';
import { configureApp } from '../../src/app.setup.js';
import { UsersService } from '../../src/auth/users.service.js';
import type { Role } from '../../src/domain/actor.js';
import { FakeClock } from './fake-clock.js';
import { AppLogger } from '../../src/common/logging/app-logger.js';
import { DirectoryService } from '../../src/directory/directory.service.js';
import { OutboxRelay } from '../../src/jobs/outbox-relay.js';
import { SeedService } from '../../src/seed/seed.service.js';

/** Which backing services the suite runs against: `TEST_DB=mysql` and `TEST_REDIS=1` switch to the production mode. */
export const TEST_MODE = {
  mysql: process.env.TEST_DB === 'mysql',
  redis: process.env.TEST_REDIS === '1',
  /** `mariadb://` selects TypeORM's MariaDB dialect; the admin connection below uses the same URL as mysql://. */
  mysqlUrl: process.env.TEST_MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306',
  redisUrl: process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379',
};

export const PASSWORD = 'test-password-2026';

export interface TestApp {
  app: INestApplication;
  /** The environment the app was configured from (to start a second instance on the same database). */
  env: Readonly<Record<string, string>>;
  http: ReturnType<typeof request>;
  clock: FakeClock;
  config: AppConfig;
  dataSource: DataSource;
  relay: OutboxRelay;
  logLines: string[];
  /** Leader ids of the seeded directory by seed key (`director`, `deputy-1` … `deputy-4`, …). */
  leaders: Map<string, string>;
  token(user: TestUser): Promise<string>;
  close(): Promise<void>;
}

export type TestUser = 'admin' | 'secretary' | 'auditor' | 'director' | 'deputy1' | 'deputy2' | 'unit-gov' | 'unit-lac';

const USERS: Record<TestUser, { role: Role; leaderKey?: string; unitCode?: string; displayName: string }> = {
  admin: { role: 'admin', displayName: '管理员' },
  secretary: { role: 'secretariat', displayName: '张秘书' },
  auditor: { role: 'auditor', displayName: '审计员' },
  director: { role: 'leader', leaderKey: 'director', displayName: '李主任' },
  deputy1: { role: 'leader', leaderKey: 'deputy-1', displayName: '王副主任' },
  deputy2: { role: 'leader', leaderKey: 'deputy-2', displayName: '陈副主任' },
  // Handling units' accounts (role unit): the city government (external) and the legislative affairs commission.
  'unit-gov': { role: 'unit', unitCode: 'GOV', displayName: '市政府信访联络员' },
  'unit-lac': { role: 'unit', unitCode: 'LAC', displayName: '法工委联络员' },
};

export interface TestAppOptions {
  env?: Record<string, string>;
  clock?: FakeClock;
  /** Replaces providers (e.g. a failing mailer) by class/token. */
  overrides?: { provide: unknown; useValue: unknown }[];
}

export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'xf-test-'));
  const clock = options.clock ?? new FakeClock('2026-11-26T02:00:00.000Z');
  const env: Record<string, string> = {
    DATA_DIR: dataDir,
    PII_KEY: randomBytes(32).toString('hex'),
    JWT_SECRET: randomBytes(24).toString('hex'),
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: PASSWORD,
    DEMO_DATA: 'false',
    // Drain-only: no relay timer, no kicks; a spec runs background jobs with `t.relay.drain()`, so none run between its assertions.
    RELAY_INTERVAL_MS: '0',
    // The daily backup is tested on its own (test/backup.e2e-spec.ts); elsewhere it would add a job to every app.
    BACKUP_SCHEDULE: 'false',
    LOG_LEVEL: 'info',
    // Per-minute request limits are off unless a spec is about them (a spec sends thousands of requests as one
    // user within a minute); sign-in brute-force limits stay on.
    RATE_LIMIT_PER_MINUTE: '0',
    RATE_LIMIT_ANONYMOUS_PER_MINUTE: '0',
    // The production default is off; the suite reads /docs-json in both modes.
    API_DOCS: 'true',
    ...options.env,
  };
  let dbName: string | null = null;
  // Given a DATABASE_URL (a second instance of another test app), the database is that app's to drop.
  if (TEST_MODE.mysql && !options.env?.DATABASE_URL) {
    dbName = `xf_t_${randomBytes(5).toString('hex')}`;
    const admin = await mysql.createConnection(adminUrl());
    await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    await admin.end();
    env.DATABASE_URL = `${TEST_MODE.mysqlUrl}/${dbName}`;
  }
  if (TEST_MODE.redis && !env.REDIS_URL) {
    env.REDIS_URL = TEST_MODE.redisUrl;
    env.QUEUE_PREFIX = `xf-test-${randomBytes(4).toString('hex')}`;
  }
  const config = loadConfig(env);
  const logLines: string[] = [];
  const builder = Test.createTestingModule({ imports: [AppModule.forRoot(config, clock)] });
  for (const o of options.overrides ?? []) builder.overrideProvider(o.provide).useValue(o.useValue);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication({ bodyParser: false, logger: new AppLogger('info', (line) => logLines.push(line)) });
  configureApp(app);
  await app.init();
  await app.get(SeedService).run();
  const leaders = new Map((await app.get(DirectoryService).listLeaders()).map((l) => [keyOf(l.name), l.id]));
  const users = app.get(UsersService);
  const tokens = new Map<TestUser, string>();
  const http = request(app.getHttpServer());

  return {
    app,
    env,
    http,
    clock,
    config,
    dataSource: app.get<DataSource>(getDataSourceToken()),
    relay: app.get(OutboxRelay),
    logLines,
    leaders,
    async token(user) {
      const cached = tokens.get(user);
      if (cached) return cached;
      const spec = USERS[user];
      await users.ensure({
        username: user,
        password: PASSWORD,
        role: spec.role,
        displayName: spec.displayName,
        leaderId: spec.leaderKey ? leaders.get(spec.leaderKey) : undefined,
        unitId: spec.unitCode ? (await app.get(DirectoryService).unitByCode(spec.unitCode))?.id : undefined,
      });
      const res = await http.post('/auth/login').send({ username: user, password: PASSWORD }).expect(200);
      const token = (res.body as { accessToken: string }).accessToken;
      tokens.set(user, token);
      return token;
    },
    async close() {
      await app.close();
      if (dbName) {
        const admin = await mysql.createConnection(adminUrl());
        await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
        await admin.end();
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One app for the specs of the enclosing `describe`: created in a `beforeAll`, closed in an `afterAll`.
 * Returns the app as a live view (reading it outside a hook or test throws), so a spec writes
 * `const t = useTestApp();` and uses `t.http`, `t.token(…)`, `t.relay.drain()` as before. Hooks run
 * in the order they are declared: declare `useTestApp` after a `beforeAll` whose result the options
 * need (pass them as a function then), and before the ones that use the app.
 */
export function useTestApp(options: TestAppOptions | (() => TestAppOptions) = {}): TestApp {
  let current: TestApp | null = null;
  beforeAll(async () => {
    current = await createTestApp(typeof options === 'function' ? options() : options);
  });
  afterAll(async () => {
    const closing = current;
    current = null;
    await closing?.close();
  });
  const app = (): TestApp => {
    if (!current) throw new Error('useTestApp: the app exists only inside the hooks and tests of its describe block');
    return current;
  };
  return {
    get app() {
      return app().app;
    },
    get env() {
      return app().env;
    },
    get http() {
      return app().http;
    },
    get clock() {
      return app().clock;
    },
    get config() {
      return app().config;
    },
    get dataSource() {
      return app().dataSource;
    },
    get relay() {
      return app().relay;
    },
    get logLines() {
      return app().logLines;
    },
    get leaders() {
      return app().leaders;
    },
    token: (user) => app().token(user),
    close: () => app().close(),
  };
}

const adminUrl = (): string => TEST_MODE.mysqlUrl.replace(/^mariadb:/, 'mysql:');

/** Seed keys of config/directory/leaders.json by leader name. */
const LEADER_KEYS: Record<string, string> = {
  李明华: 'director',
  王建国: 'deputy-1',
  陈静: 'deputy-2',
  刘洋: 'deputy-3',
  赵志强: 'deputy-4',
  孙立: 'secretary-general',
};
const keyOf = (name: string): string => LEADER_KEYS[name] ?? name;
