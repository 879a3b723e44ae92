import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import mysql from 'mysql2/promise';
import { DataSource, type DataSourceOptions, type MigrationInterface } from 'typeorm';
import { MIGRATIONS } from '../src/database/migrations/index.js';
import { TEST_MODE } from './support/test-app.js';

/** Migration 1764000000013 on a database that already holds published rule sets: one `publish` activation each, from what the sets record. */
const ACTIVATIONS = 1764000000013;
const stamp = (m: new () => MigrationInterface): number => Number(/(\d{13})$/.exec(new m().name ?? '')?.[1]);

describe('migration 1764000000013: the activation history of sets published before it', () => {
  let dir = '';
  let dbName = '';
  let ds: DataSource;
  const options = (migrations: (new () => MigrationInterface)[]): DataSourceOptions =>
    TEST_MODE.mysql
      ? { type: 'mariadb', url: `${TEST_MODE.mysqlUrl}/${dbName}`, timezone: 'Z', charset: 'utf8mb4_unicode_ci', migrations, migrationsTransactionMode: 'each' }
      : { type: 'better-sqlite3', database: join(dir, 'db.sqlite'), migrations, migrationsTransactionMode: 'each' };
  const dt = (iso: string): Date | string => (TEST_MODE.mysql ? new Date(iso) : new Date(iso).toISOString().replace('T', ' ').replace('Z', ''));
  const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`)).toISOString();
  const adminUrl = (): string => TEST_MODE.mysqlUrl.replace(/^mariadb:/, 'mysql:');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'rsa-mig-'));
    if (TEST_MODE.mysql) {
      dbName = `rsa_mig_${randomBytes(5).toString('hex')}`;
      const admin = await mysql.createConnection(adminUrl());
      await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
    }
    ds = await new DataSource(options(MIGRATIONS.filter((m) => stamp(m) < ACTIVATIONS))).initialize();
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

  it('adds one publish row per published set, in publication order, and none for drafts', async () => {
    const insert = (id: string, version: number, status: string, activeMarker: number | null, publishedBy: string | null, publishedAt: string | null): Promise<unknown> =>
      ds.query(
        'INSERT INTO rule_sets (id, version, status, activeMarker, note, precedence, rules, basedOn, createdBy, createdAt, updatedAt, publishedBy, publishedAt) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)',
        [id, version, status, activeMarker, `v${version}`, '["normal"]', '[]', 'admin', dt('2026-11-01T00:00:00Z'), dt('2026-11-01T00:00:00Z'), publishedBy, publishedAt ? dt(publishedAt) : null],
      );
    await insert('00000000-0000-4000-8000-000000000001', 1, 'archived', null, 'system', '2026-11-01T00:00:00Z');
    await insert('00000000-0000-4000-8000-000000000002', 2, 'published', 1, 'admin', '2026-11-10T02:00:00Z');
    await insert('00000000-0000-4000-8000-000000000003', 3, 'draft', null, null, null);

    await ds.destroy();
    ds = await new DataSource(options(MIGRATIONS.filter((m) => stamp(m) <= ACTIVATIONS))).initialize();
    const ran = await ds.runMigrations();
    expect(ran.map((m) => m.name)).toEqual([`RuleSetActivations${ACTIVATIONS}`]);

    const rows: Record<string, unknown>[] = await ds.query(
      'SELECT seq, ruleSetId, version, action, fromVersion, note, `by`, at, regradeStatus, regradeScanned, regradeTotal, regradeChanged FROM rule_set_activations ORDER BY seq',
    );
    expect(rows.map((r) => [Number(r.seq), r.ruleSetId, Number(r.version), r.action, r.fromVersion === null ? null : Number(r.fromVersion), r.by, iso(r.at as string), r.regradeStatus])).toEqual([
      [1, '00000000-0000-4000-8000-000000000001', 1, 'publish', null, 'system', '2026-11-01T00:00:00.000Z', 'done'],
      [2, '00000000-0000-4000-8000-000000000002', 2, 'publish', 1, 'admin', '2026-11-10T02:00:00.000Z', 'done'],
    ]);
    expect(rows.every((r) => typeof r.note === 'string' && r.note.length > 0)).toBe(true);
  });
});
