import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { TEST_MODE } from './support/test-app.js';

/**
 * Migration 1764000000016 on a database that already holds units: each keeps its columns and gets an
 * empty responsibility list; the rooms table appears; reverting gives the units back as they were.
 */
const ROOMS = 1764000000016;
const stamp = (m: new () => MigrationInterface): number => Number(/(\d{13})$/.exec(new m().name ?? '')?.[1]);

describe('migration 1764000000016: units get responsibilities, rooms appear', () => {
  let dir = '';
  let dbName = '';
  let ds: DataSource;
  const options = (migrations: (new () => MigrationInterface)[]): DataSourceOptions =>
    TEST_MODE.mysql
      ? { type: 'mariadb', url: `${TEST_MODE.mysqlUrl}/${dbName}`, timezone: 'Z', charset: 'utf8mb4_unicode_ci', migrations, migrationsTransactionMode: 'each' }
      : { type: 'better-sqlite3', database: join(dir, 'db.sqlite'), migrations, migrationsTransactionMode: 'each' };
  const adminUrl = (): string => TEST_MODE.mysqlUrl.replace(/^mariadb:/, 'mysql:');
  const units = async (): Promise<Record<string, unknown>[]> =>
    (await ds.query<Record<string, unknown>[]>('SELECT * FROM units ORDER BY code')).map((u) => ({ ...u, active: Number(u.active) }));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xf-mig-'));
    if (TEST_MODE.mysql) {
      dbName = `xf_mig_${randomBytes(5).toString('hex')}`;
      const admin = await mysql.createConnection(adminUrl());
      await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
    }
    ds = await new DataSource(options(MIGRATIONS.filter((m) => stamp(m) < ROOMS))).initialize();
    await ds.runMigrations();
  });
  afterAll(async () => {
    if (ds.isInitialized) await ds.destroy();
    if (dbName) {
      const admin = await mysql.createConnection(adminUrl());
      await admin.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
      await admin.end();
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every unit, with an empty list of responsibilities, and reverts cleanly', async () => {
    const insert = 'INSERT INTO units (id, code, name, shortName, nameEn, kind, categories, email, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';
    await ds.query(insert, ['u1', 'OFFICE', '信访室', '信访室', 'Petition Office', 'office', '["other"]', 'xf@example.cn', 1]);
    await ds.query(insert, ['u2', 'GOV', '市人民政府', null, null, 'external', '[]', null, 0]);
    const before = await units();
    await ds.destroy();

    ds = await new DataSource(options(MIGRATIONS.filter((m) => stamp(m) <= ROOMS))).initialize();
    const ran = await ds.runMigrations();
    expect(ran.map((m) => m.name)).toEqual(MIGRATIONS.filter((m) => stamp(m) === ROOMS).map((m) => new m().name));
    expect(await units()).toEqual(before.map((u) => ({ ...u, responsibilities: '[]' })));
    await ds.query('INSERT INTO rooms (id, name, capacity, equipment, location) VALUES (?, ?, ?, ?, ?)', ['r1', '常委会第三会议室', 40, '[]', null]);
    await expect(ds.query('INSERT INTO rooms (id, name, capacity, equipment, location) VALUES (?, ?, ?, ?, ?)', ['r2', '常委会第三会议室', 10, '[]', null])).rejects.toThrow();
    // The unique unit code survived the rebuild (SQLite copies the table).
    const withList = 'INSERT INTO units (id, code, name, shortName, nameEn, kind, categories, email, active, responsibilities) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)';
    await expect(ds.query(withList, ['u3', 'GOV', '重复', null, null, 'external', '[]', null, 1, '[]'])).rejects.toThrow(/UNIQUE|Duplicate/i);
    await ds.query(withList, ['u4', 'EDU', '市教育局', null, null, 'external', '[]', null, 1, '["受理登记"]']);
    await ds.query("DELETE FROM units WHERE id = 'u4'");

    await ds.undoLastMigration();
    expect(await units()).toEqual(before);
    await expect(ds.query('SELECT COUNT(*) FROM rooms')).rejects.toThrow();
  });
});
