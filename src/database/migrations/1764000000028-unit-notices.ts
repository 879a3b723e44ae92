import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 §2: the notices to handling units at each hand-over (`unit_notices`): one per timeline event
 * (unique `eventId`), the unit and its address at the time, the letter attached and the link sent, and
 * the delivery state (queued, sent, no-address, failed) with attempts and the last error.
 */
const MYSQL_UP = [
  'CREATE TABLE `unit_notices` (`id` varchar(36) NOT NULL, `caseId` varchar(36) NOT NULL, `eventId` varchar(36) NOT NULL, `kind` varchar(24) NOT NULL, `unitCode` varchar(32) NOT NULL, `recipient` varchar(200) NULL, `letterKind` varchar(24) NULL, `letterAttachmentId` varchar(36) NULL, `letterNumber` varchar(40) NULL, `linkId` varchar(36) NULL, `status` varchar(12) NOT NULL, `attempts` int NOT NULL DEFAULT 0, `lastError` varchar(300) NULL, `sentAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_unit_notices_case` (`caseId`, `createdAt`), UNIQUE INDEX `idx_unit_notices_event` (`eventId`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const MYSQL_DOWN = ['DROP TABLE `unit_notices`'];

const SQLITE_UP = [
  'CREATE TABLE "unit_notices" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "eventId" varchar(36) NOT NULL, "kind" varchar(24) NOT NULL, "unitCode" varchar(32) NOT NULL, "recipient" varchar(200), "letterKind" varchar(24), "letterAttachmentId" varchar(36), "letterNumber" varchar(40), "linkId" varchar(36), "status" varchar(12) NOT NULL, "attempts" integer NOT NULL DEFAULT (0), "lastError" varchar(300), "sentAt" datetime(3), "createdAt" datetime(3) NOT NULL)',
  'CREATE UNIQUE INDEX "idx_unit_notices_event" ON "unit_notices" ("eventId")',
  'CREATE INDEX "idx_unit_notices_case" ON "unit_notices" ("caseId", "createdAt")',
];

const SQLITE_DOWN = ['DROP INDEX "idx_unit_notices_event"', 'DROP INDEX "idx_unit_notices_case"', 'DROP TABLE "unit_notices"'];

export class UnitNotices1764000000028 implements MigrationInterface {
  name = 'UnitNotices1764000000028';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
