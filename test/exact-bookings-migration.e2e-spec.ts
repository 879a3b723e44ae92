import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MigrationTestDatabase, dbDateTime as dt, isoOf as iso } from './support/migration-database.js';

/**
 * Migration 1764000000011 on a database that already holds 30-minute booking blocks: every
 * (leader, meeting) becomes one exact booking with its meeting's own times, on the database under test.
 */
const EXACT = 1764000000011;

describe('migration 1764000000011: 30-minute blocks become exact bookings', () => {
  let db: MigrationTestDatabase;

  beforeAll(async () => {
    db = await MigrationTestDatabase.create(EXACT);
  });
  afterAll(() => db.drop());

  it('books each leader of a confirmed or held meeting once for its exact times, and drops stale blocks', async () => {
    const meeting = async (id: string, status: string, start: string, end: string): Promise<void> => {
      await db.ds.query(
        'INSERT INTO meetings (id, type, title, startAt, endAt, location, chairId, status, sequence, uid, planId, cancelReason, createdBy, createdAt, updatedAt, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, NULL, NULL, ?, ?, ?, 1)',
        [id, 'supervision', `会议 ${id}`, dt(start), dt(end), '第一会议室', 'L1', status, `meeting-${id}`, 'secretary', dt('2026-11-26T02:00:00Z'), dt('2026-11-26T02:00:00Z')],
      );
    };
    const block = (leaderId: string, slot: string, meetingId: string): Promise<unknown> =>
      db.ds.query('INSERT INTO leader_bookings (leaderId, slotStart, meetingId) VALUES (?, ?, ?)', [leaderId, dt(slot), meetingId]);
    await meeting('m1', 'confirmed', '2026-12-15T01:00:00Z', '2026-12-15T01:40:00Z'); // 09:00–09:40: blocks 09:00, 09:30
    await meeting('m2', 'held', '2026-12-15T06:30:00Z', '2026-12-15T08:30:00Z'); // 14:30–16:30: four blocks
    await meeting('m3', 'cancelled', '2026-12-16T01:00:00Z', '2026-12-16T02:00:00Z'); // a stale leftover
    for (const l of ['L1', 'L2']) for (const s of ['01:00', '01:30']) await block(l, `2026-12-15T${s}:00Z`, 'm1');
    for (const s of ['06:30', '07:00', '07:30', '08:00']) await block('L1', `2026-12-15T${s}:00Z`, 'm2');
    await block('L3', '2026-12-16T01:00:00Z', 'm3');

    const ran = await db.runMigrationUnderTest();
    expect(ran).toEqual([`ExactBookings${EXACT}`]);

    const rows: { leaderId: string; meetingId: string; startAt: Date | string; endAt: Date | string }[] = await db.ds.query(
      'SELECT leaderId, meetingId, startAt, endAt FROM leader_bookings ORDER BY startAt, leaderId',
    );
    expect(rows.map((r) => [r.leaderId, r.meetingId, iso(r.startAt), iso(r.endAt)])).toEqual([
      ['L1', 'm1', '2026-12-15T01:00:00.000Z', '2026-12-15T01:40:00.000Z'],
      ['L2', 'm1', '2026-12-15T01:00:00.000Z', '2026-12-15T01:40:00.000Z'],
      ['L1', 'm2', '2026-12-15T06:30:00.000Z', '2026-12-15T08:30:00.000Z'],
    ]);
  });

  it('goes back to 30-minute blocks when reverted', async () => {
    await db.ds.undoLastMigration();
    const rows: { leaderId: string; slotStart: Date | string; meetingId: string }[] = await db.ds.query('SELECT leaderId, slotStart, meetingId FROM leader_bookings ORDER BY meetingId, leaderId, slotStart');
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
