import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: the minutes of a meeting (会议纪要: a draft, then issued with a number of the year 〔2026〕N号,
 * unique by year and serial), who attended (per invited attendee: present, the substitute sent, the
 * state of the minutes mailed) and the per-year counter the numbers come from.
 */
const MYSQL_UP = [
  'CREATE TABLE `meeting_minutes` (`meetingId` varchar(36) NOT NULL, `status` varchar(8) NOT NULL, `year` int NULL, `serial` int NULL, `number` varchar(32) NULL, `summary` text NULL, `requirements` text NULL, `undecidedCaseIds` text NOT NULL, `extraAttendees` text NOT NULL, `issuedAt` datetime(3) NULL, `issuedBy` varchar(64) NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `version` int NOT NULL, UNIQUE INDEX `idx_minutes_number` (`year`, `serial`), PRIMARY KEY (`meetingId`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'CREATE TABLE `minutes_attendance` (`id` varchar(36) NOT NULL, `meetingId` varchar(36) NOT NULL, `attendeeId` varchar(36) NOT NULL, `present` tinyint NOT NULL, `substituteName` varchar(50) NULL, `substitutePost` varchar(100) NULL, `mailStatus` varchar(12) NULL, `mailedAt` datetime(3) NULL, `mailError` varchar(500) NULL, UNIQUE INDEX `idx_minutes_attendance` (`meetingId`, `attendeeId`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'CREATE TABLE `minutes_counters` (`year` int NOT NULL, `lastSerial` int NOT NULL, PRIMARY KEY (`year`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const MYSQL_DOWN = ['DROP TABLE `minutes_counters`', 'DROP TABLE `minutes_attendance`', 'DROP TABLE `meeting_minutes`'];

const SQLITE_UP = [
  'CREATE TABLE "meeting_minutes" ("meetingId" varchar(36) PRIMARY KEY NOT NULL, "status" varchar(8) NOT NULL, "year" integer, "serial" integer, "number" varchar(32), "summary" text, "requirements" text, "undecidedCaseIds" text NOT NULL, "extraAttendees" text NOT NULL, "issuedAt" datetime(3), "issuedBy" varchar(64), "createdBy" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL)',
  'CREATE UNIQUE INDEX "idx_minutes_number" ON "meeting_minutes" ("year", "serial")',
  'CREATE TABLE "minutes_attendance" ("id" varchar(36) PRIMARY KEY NOT NULL, "meetingId" varchar(36) NOT NULL, "attendeeId" varchar(36) NOT NULL, "present" boolean NOT NULL, "substituteName" varchar(50), "substitutePost" varchar(100), "mailStatus" varchar(12), "mailedAt" datetime(3), "mailError" varchar(500))',
  'CREATE UNIQUE INDEX "idx_minutes_attendance" ON "minutes_attendance" ("meetingId", "attendeeId")',
  'CREATE TABLE "minutes_counters" ("year" integer PRIMARY KEY NOT NULL, "lastSerial" integer NOT NULL)',
];

const SQLITE_DOWN = ['DROP TABLE "minutes_counters"', 'DROP INDEX "idx_minutes_attendance"', 'DROP TABLE "minutes_attendance"', 'DROP INDEX "idx_minutes_number"', 'DROP TABLE "meeting_minutes"'];

export class MeetingMinutes1764000000022 implements MigrationInterface {
  name = 'MeetingMinutes1764000000022';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
