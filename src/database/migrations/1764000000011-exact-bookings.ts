import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Leaders' bookings become exact: one row per leader and meeting with the meeting's own
 * [startAt, endAt), instead of one row per 30-minute block under a unique key (which refused a
 * meeting at 09:45 after one ending at 09:40). Double-booking is now refused by a locked
 * overlap check (src/meetings/booking/resource-bookings.ts).
 *
 * Existing data: every (leader, meeting) pair that held blocks becomes one booking with the times
 * of its meeting (a confirmed meeting's time is in `meetings`); blocks of meetings no longer
 * confirmed or held (none are expected: cancelling frees them) are dropped.
 */
const MYSQL_UP = [
  'RENAME TABLE `leader_bookings` TO `leader_booking_blocks`',
  "CREATE TABLE `leader_bookings` (`leaderId` varchar(36) NOT NULL, `meetingId` varchar(36) NOT NULL, `startAt` datetime(3) NOT NULL, `endAt` datetime(3) NOT NULL, INDEX `idx_leader_bookings_span` (`leaderId`, `startAt`), INDEX `idx_leader_bookings_meeting` (`meetingId`), PRIMARY KEY (`leaderId`, `meetingId`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  "INSERT INTO `leader_bookings` (`leaderId`, `meetingId`, `startAt`, `endAt`) SELECT DISTINCT b.`leaderId`, b.`meetingId`, m.`startAt`, m.`endAt` FROM `leader_booking_blocks` b INNER JOIN `meetings` m ON m.`id` = b.`meetingId` WHERE m.`status` IN ('confirmed', 'held')",
  'DROP TABLE `leader_booking_blocks`',
];

const SQLITE_UP = [
  'ALTER TABLE "leader_bookings" RENAME TO "leader_booking_blocks"',
  'CREATE TABLE "leader_bookings" ("leaderId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "startAt" datetime(3) NOT NULL, "endAt" datetime(3) NOT NULL, PRIMARY KEY ("leaderId", "meetingId"))',
  'CREATE INDEX "idx_leader_bookings_span" ON "leader_bookings" ("leaderId", "startAt")',
  'CREATE INDEX "idx_leader_bookings_meeting" ON "leader_bookings" ("meetingId")',
  "INSERT INTO \"leader_bookings\" (\"leaderId\", \"meetingId\", \"startAt\", \"endAt\") SELECT DISTINCT b.\"leaderId\", b.\"meetingId\", m.\"startAt\", m.\"endAt\" FROM \"leader_booking_blocks\" b INNER JOIN \"meetings\" m ON m.\"id\" = b.\"meetingId\" WHERE m.\"status\" IN ('confirmed', 'held')",
  'DROP TABLE "leader_booking_blocks"',
];

const BLOCK_MS = 30 * 60_000;

export class ExactBookings1764000000011 implements MigrationInterface {
  name = 'ExactBookings1764000000011';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  /**
   * Back to 30-minute blocks. Meetings that are adjacent within one block (09:00–09:40 and
   * 09:45–10:15) cannot both be represented there: the first one keeps the shared block.
   */
  async down(runner: QueryRunner): Promise<void> {
    const sqlite = runner.connection.options.type === 'better-sqlite3';
    const rows = (await runner.query('SELECT leaderId, meetingId, startAt, endAt FROM leader_bookings ORDER BY startAt, meetingId')) as {
      leaderId: string;
      meetingId: string;
      startAt: Date | string;
      endAt: Date | string;
    }[];
    await runner.query('DROP TABLE leader_bookings');
    if (sqlite) {
      await runner.query('CREATE TABLE "leader_bookings" ("leaderId" varchar(36) NOT NULL, "slotStart" datetime(3) NOT NULL, "meetingId" varchar(36) NOT NULL, PRIMARY KEY ("leaderId", "slotStart"))');
      await runner.query('CREATE INDEX "idx_bookings_meeting" ON "leader_bookings" ("meetingId")');
    } else {
      await runner.query(
        'CREATE TABLE `leader_bookings` (`leaderId` varchar(36) NOT NULL, `slotStart` datetime(3) NOT NULL, `meetingId` varchar(36) NOT NULL, INDEX `idx_bookings_meeting` (`meetingId`), PRIMARY KEY (`leaderId`, `slotStart`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
      );
    }
    const insert = sqlite ? 'INSERT OR IGNORE INTO leader_bookings (leaderId, slotStart, meetingId) VALUES (?, ?, ?)' : 'INSERT IGNORE INTO leader_bookings (leaderId, slotStart, meetingId) VALUES (?, ?, ?)';
    for (const row of rows) {
      const start = toDate(row.startAt).getTime();
      const end = toDate(row.endAt).getTime();
      for (let t = Math.floor(start / BLOCK_MS) * BLOCK_MS; t < end; t += BLOCK_MS) {
        await runner.query(insert, [row.leaderId, sqlite ? sqliteDate(new Date(t)) : new Date(t), row.meetingId]);
      }
    }
  }
}

/** Raw SQLite datetimes are 'YYYY-MM-DD HH:MM:SS.SSS' in UTC; MySQL ones come back as Date. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`);
}

const sqliteDate = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');
