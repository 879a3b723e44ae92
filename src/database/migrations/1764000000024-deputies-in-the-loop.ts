import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, deputies in the loop (代表联动): the deputy who reported a case (`cases.reportedByDeputyId`,
 * nullable, indexed; existing cases have none), the kind of a deputy's station (`deputies.stationKind`:
 * `station` 代表联络站 / `home` 代表之家, nullable) and deputies' time booked by confirmed meetings
 * (`deputy_bookings`, exact intervals like `leader_bookings`). Nullable columns are added in place on
 * both databases (no rebuild of `cases`, so its earlyWarning triggers stay as they are).
 */
const MYSQL_UP = [
  'ALTER TABLE `cases` ADD `reportedByDeputyId` varchar(36) NULL',
  'CREATE INDEX `idx_cases_reported_by_deputy` ON `cases` (`reportedByDeputyId`)',
  'ALTER TABLE `deputies` ADD `stationKind` varchar(8) NULL',
  'CREATE TABLE `deputy_bookings` (`deputyId` varchar(36) NOT NULL, `meetingId` varchar(36) NOT NULL, `startAt` datetime(3) NOT NULL, `endAt` datetime(3) NOT NULL, INDEX `idx_deputy_bookings_span` (`deputyId`, `startAt`), INDEX `idx_deputy_bookings_meeting` (`meetingId`), PRIMARY KEY (`deputyId`, `meetingId`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const MYSQL_DOWN = [
  'DROP TABLE `deputy_bookings`',
  'ALTER TABLE `deputies` DROP COLUMN `stationKind`',
  'DROP INDEX `idx_cases_reported_by_deputy` ON `cases`',
  'ALTER TABLE `cases` DROP COLUMN `reportedByDeputyId`',
];

const SQLITE_UP = [
  'ALTER TABLE "cases" ADD COLUMN "reportedByDeputyId" varchar(36)',
  'CREATE INDEX "idx_cases_reported_by_deputy" ON "cases" ("reportedByDeputyId")',
  'ALTER TABLE "deputies" ADD COLUMN "stationKind" varchar(8)',
  'CREATE TABLE "deputy_bookings" ("deputyId" varchar(36) NOT NULL, "meetingId" varchar(36) NOT NULL, "startAt" datetime(3) NOT NULL, "endAt" datetime(3) NOT NULL, PRIMARY KEY ("deputyId", "meetingId"))',
  'CREATE INDEX "idx_deputy_bookings_span" ON "deputy_bookings" ("deputyId", "startAt")',
  'CREATE INDEX "idx_deputy_bookings_meeting" ON "deputy_bookings" ("meetingId")',
];

/** SQLite (3.35+) drops a column in place when no index or trigger names it. */
const SQLITE_DOWN = [
  'DROP TABLE "deputy_bookings"',
  'ALTER TABLE "deputies" DROP COLUMN "stationKind"',
  'DROP INDEX "idx_cases_reported_by_deputy"',
  'ALTER TABLE "cases" DROP COLUMN "reportedByDeputyId"',
];

export class DeputiesInTheLoop1764000000024 implements MigrationInterface {
  name = 'DeputiesInTheLoop1764000000024';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
