import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, handling units in the loop (部门联动): accounts of role `unit` name their unit
 * (`users.unitId`, nullable, indexed; existing users have none), and a routed case carries the unit's
 * sign deadline and sign (`signDueAt`, `signedAt`, `signedOnTime`) and its pending extension request
 * (`extensionRequestedAt`, `extensionRequestedDays`, `extensionRequestReason`) and the unit's question
 * awaiting the office's answer (`openQuestionAt`). Every column is
 * nullable and added in place on both databases (no rebuild of `cases`: its earlyWarning triggers stay).
 * Nothing is transformed: cases routed before have no sign deadline and count as not signed.
 */
const MYSQL_UP = [
  'ALTER TABLE `users` ADD `unitId` varchar(36) NULL',
  'CREATE INDEX `idx_users_unit` ON `users` (`unitId`)',
  'ALTER TABLE `cases` ADD `signDueAt` datetime(3) NULL, ADD `signedAt` datetime(3) NULL, ADD `signedOnTime` tinyint NULL, ADD `extensionRequestedAt` datetime(3) NULL, ADD `extensionRequestedDays` int NULL, ADD `extensionRequestReason` text NULL, ADD `openQuestionAt` datetime(3) NULL',
];

const MYSQL_DOWN = [
  'ALTER TABLE `cases` DROP COLUMN `openQuestionAt`, DROP COLUMN `extensionRequestReason`, DROP COLUMN `extensionRequestedDays`, DROP COLUMN `extensionRequestedAt`, DROP COLUMN `signedOnTime`, DROP COLUMN `signedAt`, DROP COLUMN `signDueAt`',
  'DROP INDEX `idx_users_unit` ON `users`',
  'ALTER TABLE `users` DROP COLUMN `unitId`',
];

const SQLITE_UP = [
  'ALTER TABLE "users" ADD COLUMN "unitId" varchar(36)',
  'CREATE INDEX "idx_users_unit" ON "users" ("unitId")',
  'ALTER TABLE "cases" ADD COLUMN "signDueAt" datetime(3)',
  'ALTER TABLE "cases" ADD COLUMN "signedAt" datetime(3)',
  'ALTER TABLE "cases" ADD COLUMN "signedOnTime" boolean',
  'ALTER TABLE "cases" ADD COLUMN "extensionRequestedAt" datetime(3)',
  'ALTER TABLE "cases" ADD COLUMN "extensionRequestedDays" integer',
  'ALTER TABLE "cases" ADD COLUMN "extensionRequestReason" text',
  'ALTER TABLE "cases" ADD COLUMN "openQuestionAt" datetime(3)',
];

/** SQLite (3.35+) drops a column in place when no index or trigger names it. */
const SQLITE_DOWN = [
  'ALTER TABLE "cases" DROP COLUMN "openQuestionAt"',
  'ALTER TABLE "cases" DROP COLUMN "extensionRequestReason"',
  'ALTER TABLE "cases" DROP COLUMN "extensionRequestedDays"',
  'ALTER TABLE "cases" DROP COLUMN "extensionRequestedAt"',
  'ALTER TABLE "cases" DROP COLUMN "signedOnTime"',
  'ALTER TABLE "cases" DROP COLUMN "signedAt"',
  'ALTER TABLE "cases" DROP COLUMN "signDueAt"',
  'DROP INDEX "idx_users_unit"',
  'ALTER TABLE "users" DROP COLUMN "unitId"',
];

export class UnitAccounts1764000000025 implements MigrationInterface {
  name = 'UnitAccounts1764000000025';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
