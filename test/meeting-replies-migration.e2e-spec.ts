import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MigrationTestDatabase } from './support/migration-database.js';

/**
 * Migration 1764000000021 on a database that already holds attendees: each keeps its row and reads as not
 * answered (NEEDS-ACTION); the IMAP bookkeeping table appears; reverting gives the attendees back as they were.
 */
const REPLIES = 1764000000021;

describe('migration 1764000000021: attendees get their reply, IMAP messages are remembered', () => {
  let db: MigrationTestDatabase;
  const attendees = async (): Promise<Record<string, unknown>[]> =>
    (await db.ds.query<Record<string, unknown>[]>('SELECT * FROM meeting_attendees ORDER BY id')).map((a) => ({ ...a, active: Number(a.active) }));

  beforeAll(async () => {
    db = await MigrationTestDatabase.create(REPLIES);
  });
  afterAll(() => db.drop());

  it('keeps every attendee as not answered, stores a reply and the IMAP bookkeeping, and reverts cleanly', async () => {
    const insert = 'INSERT INTO meeting_attendees (id, meetingId, kind, refId, name, email, role, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
    await db.ds.query(insert, ['a1', 'm1', 'leader', 'l1', '王建国副主任', 'wang@example.cn', 'chair', 1]);
    await db.ds.query(insert, ['a2', 'm1', 'unit', 'UCEC', '城建环保委', null, 'required', 0]);
    const before = await attendees();
    const ran = await db.runMigrationUnderTest();
    expect(ran).toEqual(['MeetingReplies1764000000021']);
    const none = { partstat: 'NEEDS-ACTION', repliedAt: null, replyVia: null, substituteName: null, substitutePost: null, replyComment: null };
    expect(await attendees()).toEqual(before.map((a) => ({ ...a, ...none })));
    await db.ds.query("UPDATE meeting_attendees SET partstat = 'DELEGATED', replyVia = 'secretariat', substituteName = '陈建伟', substitutePost = '副主任', replyComment = '出差' WHERE id = 'a2'");
    expect((await attendees())[1]).toMatchObject({ partstat: 'DELEGATED', substituteName: '陈建伟', replyComment: '出差' });
    const mark = 'INSERT INTO imap_processed_messages (messageKey, messageId, outcome, reason, processedAt) VALUES (?, ?, ?, ?, ?)';
    await db.ds.query(mark, ['INBOX:1:1', '<r1@x>', 'applied', null, '2026-11-26 02:00:00.123']);
    await expect(db.ds.query(mark, ['INBOX:1:1', '<r2@x>', 'ignored', 'not-itip-reply', '2026-11-26 02:01:00.000'])).rejects.toThrow(/UNIQUE|Duplicate/i);

    await db.ds.undoLastMigration();
    expect(await attendees()).toEqual(before);
    await expect(db.ds.query('SELECT COUNT(*) FROM imap_processed_messages')).rejects.toThrow();
  });
});
