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
 * Migration 1764000000011 on a database that already holds 30-minute booking blocks: every
 * (leader, meeting) becomes one exact booking with its meeting's own times, on the database under test.
 */
const EXACT = 1764000000011;
const stamp = (m: new () => MigrationInterface): number => Number(/(\d{13})$/.exec(new m().name ?? '')?.[1]);

describe('migration 1764000000011: 30-minute blocks become exact bookings', () => {
  let dir = '';
  let dbName = '';
  let ds: DataSource;
  const options = (migrations: (new () => MigrationInterface)[]): DataSourceOptions =>
    TEST_MODE.mysql
      ? { type: 'mariadb', url: `${TEST_MODE.mysqlUrl}/${dbName}`, timezone: 'Z', charset: 'utf8mb4_unicode_ci', migrations, migrationsTransactionMode: 'each' }
      : { type: 'better-sqlite3', database: join(dir, 'db.sqlite'), migrations, migrationsTransactionMode: 'each' };
  /** A datetime parameter as each driver takes it (better-sqlite3 binds no Date). */
  const dt = (iso: string): Date | string => (TEST_MODE.mysql ? new Date(iso) : new Date(iso).toISOString().replace('T', ' ').replace('Z', ''));
  const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`)).toISOString();
  const adminUrl = (): string => TEST_MODE.mysqlUrl.replace(/^mariadb:/, 'mysql:');

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xf-mig-'));
    if (TEST_MODE.mysql) {
      dbName = `xf_mig_${randomBytes(5).toString('hex')}`;
      const admin = await mysql.createConnection(adminUrl());
      await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
    }
    ds = await new DataSource(options(MIGRATIONS.filter((m) => stamp(m) < EXACT))).initialize();
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

  it('books each leader of a confirmed or held meeting once for its exact times, and drops stale blocks', async () => {
    const meeting = async (id: string, status: string, start: string, end: string): Promise<void> => {
      await ds.query(
        'INSERT INTO meetings (id, type, title, startAt, endAt, location, chairId, status, sequence, uid, planId, cancelReason, createdBy, createdAt, updatedAt, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, NULL, ?, ?, ?, 1)',
        [id, 'supervision', `会议 ${id}`, dt(start), dt(end), '第一会议室', 'L1', status, `meeting-${id}`, 'secretary', dt('2026-11-26T02:00:00Z'), dt('2026-11-26T02:00:00Z')],
      );
    };
    const block = (leaderId: string, slot: string, meetingId: string): Promise<unknown> =>
      ds.query('INSERT INTO leader_bookings (leaderId, slotStart, meetingId) VALUES (?, ?, ?)', [leaderId, dt(slot), meetingId]);
    await meeting('m1', 'confirmed', '2026-12-15T01:00:00Z', '2026-12-15T01:40:00Z'); // 09:00–09:40: blocks 09:00, 09:30
    await meeting('m2', 'held', '2026-12-15T06:30:00Z', '2026-12-15T08:30:00Z'); // 14:30–16:30: four blocks
    await meeting('m3', 'cancelled', '2026-12-16T01:00:00Z', '2026-12-16T02:00:00Z'); // a stale leftover
    for (const l of ['L1', 'L2']) for (const s of ['01:00', '01:30']) await block(l, `2026-12-15T${s}:00Z`, 'm1');
    for (const s of ['06:30', '07:00', '07:30', '08:00']) await block('L1', `2026-12-15T${s}:00Z`, 'm2');
    await block('L3', '2026-12-16T01:00:00Z', 'm3');

    await ds.destroy();
    ds = await new DataSource(options(MIGRATIONS.filter((m) => stamp(m) <= EXACT))).initialize();
    const ran = await ds.runMigrations();
    expect(ran.map((m) => m.name)).toEqual([`ExactBookings${EXACT}`]);

    const rows: { leaderId: string; meetingId: string; startAt: Date | string; endAt: Date | string }[] = await ds.query(
      'SELECT leaderId, meetingId, startAt, endAt FROM leader_bookings ORDER BY startAt, leaderId',
    );
    expect(rows.map((r) => [r.leaderId, r.meetingId, iso(r.startAt), iso(r.endAt)])).toEqual([
      ['L1', 'm1', '2026-12-15T01:00:00.000Z', '2026-12-15T01:40:00.000Z'],
      ['L2', 'm1', '2026-12-15T01:00:00.000Z', '2026-12-15T01:40:00.000Z'],
      ['L1', 'm2', '2026-12-15T06:30:00.000Z', '2026-12-15T08:30:00.000Z'],
    ]);
  });

  it('goes back to 30-minute blocks when reverted', async () => {
    await ds.undoLastMigration();
    const rows: { leaderId: string; slotStart: Date | string; meetingId: string }[] = await ds.query('SELECT leaderId, slotStart, meetingId FROM leader_bookings ORDER BY meetingId, leaderId, slotStart');
    expect(rows.map((r) => [r.meetingId, r.leaderId, iso(r.slotStart).slice(11, 16)])).toEqual([
      ['m1', 'L1', '01:00'],
      ['m1', 'L1', '01:30'],
      ['m1', 'L2', '01:00'],
      ['m1', 'L2', '01:30'],
      ['m2', 'L1', '06:30'],
      ['m2', 'L1', '07:00'],
      ['m2', 'L1', '07:30'],
      ['m2', 'L1', '08:00'],
    ]);
  });
});
