import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource, Logger } from 'typeorm';
import { loadConfig } from '../../config/app-config.js';
import { AppModule } from '../../src/app.module.js';
import { databaseUrl } from './env.js';

export interface CapturedQuery {
  sql: string;
  params: unknown[];
  /** performance.now() when TypeORM sent it. */
  at: number;
}

/**
 * The service's modules in this process (no HTTP, no workers), with every SQL statement TypeORM
 * sends recorded, so a benchmark can time the exact statements of a code path one by one.
 */
export class InProcessApp {
  readonly captured: CapturedQuery[] = [];

  private constructor(
    readonly app: INestApplicationContext,
    readonly dataSource: DataSource,
    private readonly dataDir: string,
  ) {
    const capture = (sql: string, params?: unknown[]): void => {
      this.captured.push({ sql, params: params ?? [], at: performance.now() });
    };
    const logger: Logger = {
      logQuery: capture,
      logQueryError: () => undefined,
      logQuerySlow: () => undefined,
      logSchemaBuild: () => undefined,
      logMigration: () => undefined,
      log: () => undefined,
    };
    Object.assign(dataSource, { logger });
  }

  static async start(database: string, env: Record<string, string> = {}): Promise<InProcessApp> {
    const dataDir = mkdtempSync(join(tmpdir(), 'xf-bench-ctx-'));
    const config = loadConfig({
      DATABASE_URL: databaseUrl(database),
      DATA_DIR: dataDir,
      JWT_SECRET: randomBytes(24).toString('hex'),
      PII_KEY: randomBytes(32).toString('hex'),
      DEMO_DATA: 'false',
      RUN_WORKERS: 'false',
      LOG_LEVEL: 'error',
      ...env,
    });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error'] });
    return new InProcessApp(app, app.get<DataSource>(getDataSourceToken()), dataDir);
  }

  /**
   * Runs a sequential code path and attributes its wall time to statement kinds: each statement
   * is charged the time until the next one is sent (its round trip plus the JavaScript after it).
   */
  async profile(work: () => Promise<unknown>, kindOf: (sql: string) => string): Promise<{ totalMs: number; byKind: Record<string, { n: number; ms: number }> }> {
    this.captured.length = 0;
    const t0 = performance.now();
    await work();
    const end = performance.now();
    const byKind: Record<string, { n: number; ms: number }> = {};
    this.captured.forEach((q, i) => {
      const next = i + 1 < this.captured.length ? this.captured[i + 1].at : end;
      const k = kindOf(q.sql);
      byKind[k] ??= { n: 0, ms: 0 };
      byKind[k].n++;
      byKind[k].ms += next - q.at;
    });
    if (this.captured.length) {
      byKind['(before first statement)'] = { n: 0, ms: this.captured[0].at - t0 };
    }
    this.captured.length = 0;
    return { totalMs: end - t0, byKind };
  }

  /** Runs `work` and returns the statements it sent (with `all`, transaction control statements too). */
  async capture(work: () => Promise<unknown>, all = false): Promise<CapturedQuery[]> {
    this.captured.length = 0;
    await work();
    return this.captured.filter((q) => all || !/^(START TRANSACTION|COMMIT|ROLLBACK|SET TRANSACTION)/i.test(q.sql));
  }

  async close(): Promise<void> {
    await this.app.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
