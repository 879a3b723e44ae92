import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: rooms become planned resources. A room's available hours (JSON, null = office hours);
 * a meeting's room (null for every existing meeting: they keep their location text) and whether a
 * secretary made or edited the draft by hand (re-planning keeps such drafts; existing ones: false);
 * exact room bookings of confirmed meetings, as for leaders (`room_bookings`). No data is transformed.
 */
const MYSQL_UP = [
  'ALTER TABLE `rooms` ADD `availableHours` text NULL',
  'ALTER TABLE `meetings` ADD `roomId` varchar(36) NULL',
  'ALTER TABLE `meetings` ADD `handEdited` tinyint NOT NULL DEFAULT 0',
  'CREATE TABLE `room_bookings` (`roomId` varchar(36) NOT NULL, `meetingId` varchar(36) NOT NULL, `startAt` datetime(3) NOT NULL, `endAt` datetime(3) NOT NULL, INDEX `idx_room_bookings_span` (`roomId`, `startAt`), INDEX `idx_room_bookings_meeting` (`meetingId`), PRIMARY KEY (`roomId`, `meetingId`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const MYSQL_DOWN = ['DROP TABLE `room_bookings`', 'ALTER TABLE `meetings` DROP COLUMN `handEdited`', 'ALTER TABLE `meetings` DROP COLUMN `roomId`', 'ALTER TABLE `rooms` DROP COLUMN `availableHours`'];

const SQLITE_UP = [
  'ALTER TABLE "rooms" ADD COLUMN "availableHours" text',
  'ALTER TABLE "meetings" ADD COLUMN "roomId" varchar(36)',
  'ALTER TABLE "meetings" ADD COLUMN "handEdited" boolean NOT NULL DEFAULT (0)',
  'CREATE TABLE "room_bookings" ("roomId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "startAt" datetime(3) NOT NULL, "endAt" datetime(3) NOT NULL, PRIMARY KEY ("roomId", "meetingId"))',
  'CREATE INDEX "idx_room_bookings_span" ON "room_bookings" ("roomId", "startAt")',
  'CREATE INDEX "idx_room_bookings_meeting" ON "room_bookings" ("meetingId")',
];

const SQLITE_DOWN = ['DROP TABLE "room_bookings"', 'ALTER TABLE "meetings" DROP COLUMN "handEdited"', 'ALTER TABLE "meetings" DROP COLUMN "roomId"', 'ALTER TABLE "rooms" DROP COLUMN "availableHours"'];

export class MeetingRooms1764000000020 implements MigrationInterface {
  name = 'MeetingRooms1764000000020';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
