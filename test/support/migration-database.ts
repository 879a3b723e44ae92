import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '../../src/database/migrations/index.js';
import { rawDate } from '../../src/database/raw-values.js';
import { TEST_MODE } from './test-app.js';

type MigrationClass = new () => MigrationInterface;

/** The 13-digit stamp that ends a migration's name. */
const stampOf = (m: MigrationClass): number => Number(/(\d{13})$/.exec(new m().name ?? '')?.[1]);

/** A datetime parameter as each driver takes it (better-sqlite3 binds no Date). */
export const dbDateTime = (iso: string): Date | string => (TEST_MODE.mysql ? new Date(iso) : new Date(iso).toISOString().replace('T', ' ').replace('Z', ''));

/** A datetime read back from either driver, as ISO text. */
export const isoOf = (v: Date | string): string => rawDate(v).toISOString();

/**
 * A throw-away database of the mode under test (a SQLite file, or a new MariaDB database) for testing one
 * migration on rows written before it: `create` runs every migration before the one under test, the test
 * writes its rows, `runMigrationUnderTest` applies that one migration, `ds.undoLastMigration()` reverts it.
 */
export class MigrationTestDatabase {
  ds!: DataSource;

  private constructor(
    private readonly stamp: number,
    private readonly dir: string,
    private readonly dbName: string,
  ) {}

  static async create(stamp: number): Promise<MigrationTestDatabase> {
    const dir = mkdtempSync(join(tmpdir(), 'xf-mig-'));
    const dbName = TEST_MODE.mysql ? `xf_mig_${randomBytes(5).toString('hex')}` : '';
    if (dbName) await adminQuery(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
    const db = new MigrationTestDatabase(stamp, dir, dbName);
    db.ds = await new DataSource(db.options(MIGRATIONS.filter((m) => stampOf(m) < stamp))).initialize();
    await db.ds.runMigrations();
    return db;
  }

  /** The names of the migrations with this stamp (what `runMigrationUnderTest` should run). */
  get namesUnderTest(): string[] {
    return MIGRATIONS.filter((m) => stampOf(m) === this.stamp).map((m) => new m().name ?? '');
  }

  /** Reopens the database knowing the migrations up to the one under test and runs what is missing; returns their names. */
  async runMigrationUnderTest(): Promise<string[]> {
    await this.ds.destroy();
    this.ds = await new DataSource(this.options(MIGRATIONS.filter((m) => stampOf(m) <= this.stamp))).initialize();
    return (await this.ds.runMigrations()).map((m) => m.name);
  }

  async drop(): Promise<void> {
    if (this.ds?.isInitialized) await this.ds.destroy();
    if (this.dbName) await adminQuery(`DROP DATABASE IF EXISTS \`${this.dbName}\``);
    rmSync(this.dir, { recursive: true, force: true });
  }

  private options(migrations: MigrationClass[]): DataSourceOptions {
    return TEST_MODE.mysql
      ? { type: 'mariadb', url: `${TEST_MODE.mysqlUrl}/${this.dbName}`, timezone: 'Z', charset: 'utf8mb4_unicode_ci', migrations, migrationsTransactionMode: 'each' }
      : { type: 'better-sqlite3', database: join(this.dir, 'db.sqlite'), migrations, migrationsTransactionMode: 'each' };
  }
}

async function adminQuery(sql: string): Promise<void> {
  const admin = await mysql.createConnection(TEST_MODE.mysqlUrl.replace(/^mariadb:/, 'mysql:'));
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}
