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
 * Migration 1764000000021 on a database that already holds attendees: each keeps its row and reads as not
 * answered (NEEDS-ACTION); the IMAP bookkeeping table appears; reverting gives the attendees back as they were.
 */
const REPLIES = 1764000000021;
const stamp = (m: new () => MigrationInterface): number => Number(/(\d{13})$/.exec(new m().name ?? '')?.[1]);

describe('migration 1764000000021: attendees get their reply, IMAP messages are remembered', () => {
  let dir = '';
  let dbName = '';
  let ds: DataSource;
  const options = (migrations: (new () => MigrationInterface)[]): DataSourceOptions =>
    TEST_MODE.mysql
      ? { type: 'mariadb', url: `${TEST_MODE.mysqlUrl}/${dbName}`, timezone: 'Z', charset: 'utf8mb4_unicode_ci', migrations, migrationsTransactionMode: 'each' }
      : { type: 'better-sqlite3', database: join(dir, 'db.sqlite'), migrations, migrationsTransactionMode: 'each' };
  const adminUrl = (): string => TEST_MODE.mysqlUrl.replace(/^mariadb:/, 'mysql:');
  const attendees = async (): Promise<Record<string, unknown>[]> =>
    (await ds.query<Record<string, unknown>[]>('SELECT * FROM meeting_attendees ORDER BY id')).map((a) => ({ ...a, active: Number(a.active) }));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xf-mig-'));
    if (TEST_MODE.mysql) {
      dbName = `xf_mig_${randomBytes(5).toString('hex')}`;
      const admin = await mysql.createConnection(adminUrl());
      await admin.query(`CREATE DATABASE \`${dbName}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await admin.end();
    }
    ds = await new DataSource(options(MIGRATIONS.filter((m) => stamp(m) < REPLIES))).initialize();
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

  it('keeps every attendee as not answered, stores a reply and the IMAP bookkeeping, and reverts cleanly', async () => {
    const insert = 'INSERT INTO meeting_attendees (id, meetingId, kind, refId, name, email, role, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
    await ds.query(insert, ['a1', 'm1', 'leader', 'l1', '王建国副主任', 'wang@example.cn', 'chair', 1]);
    await ds.query(insert, ['a2', 'm1', 'unit', 'UCEC', '城建环保委', null, 'required', 0]);
    const before = await attendees();
    await ds.destroy();

    ds = await new DataSource(options(MIGRATIONS.filter((m) => stamp(m) <= REPLIES))).initialize();
    const ran = await ds.runMigrations();
    expect(ran.map((m) => m.name)).toEqual(['MeetingReplies1764000000021']);
    const none = { partstat: 'NEEDS-ACTION', repliedAt: null, replyVia: null, substituteName: null, substitutePost: null, replyComment: null };
    expect(await attendees()).toEqual(before.map((a) => ({ ...a, ...none })));
    await ds.query("UPDATE meeting_attendees SET partstat = 'DELEGATED', replyVia = 'secretariat', substituteName = '陈建伟', substitutePost = '副主任', replyComment = '出差' WHERE id = 'a2'");
    expect((await attendees())[1]).toMatchObject({ partstat: 'DELEGATED', substituteName: '陈建伟', replyComment: '出差' });
    const mark = 'INSERT INTO imap_processed_messages (messageKey, messageId, outcome, reason, processedAt) VALUES (?, ?, ?, ?, ?)';
    await ds.query(mark, ['INBOX:1:1', '<r1@x>', 'applied', null, '2026-11-26 02:00:00.123']);
    await expect(ds.query(mark, ['INBOX:1:1', '<r2@x>', 'ignored', 'not-itip-reply', '2026-11-26 02:01:00.000'])).rejects.toThrow(/UNIQUE|Duplicate/i);

    await ds.undoLastMigration();
    expect(await attendees()).toEqual(before);
    await expect(ds.query('SELECT COUNT(*) FROM imap_processed_messages')).rejects.toThrow();
  });
});
