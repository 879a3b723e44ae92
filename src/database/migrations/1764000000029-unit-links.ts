import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15, unit links (单位办理链接): one row per signed link a handling unit without an account uses
 * for one case (`unit_links`): until when, revoked when and by whom, who issued it, how often it was
 * used. The token itself is the id and its HMAC, so nothing secret is stored. A new table only.
 */
const MYSQL_UP = [
  "CREATE TABLE `unit_links` (`id` varchar(36) NOT NULL, `caseId` varchar(36) NOT NULL, `unitCode` varchar(32) NOT NULL, `expiresAt` datetime(3) NOT NULL, `revokedAt` datetime(3) NULL, `revokedBy` varchar(64) NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `lastUsedAt` datetime(3) NULL, `useCount` int NOT NULL DEFAULT '0', INDEX `idx_unit_links_case` (`caseId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  'CREATE TABLE "unit_links" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "unitCode" varchar(32) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "revokedBy" varchar(64), "createdBy" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "lastUsedAt" datetime(3), "useCount" integer NOT NULL DEFAULT (0))',
  'CREATE INDEX "idx_unit_links_case" ON "unit_links" ("caseId", "createdAt")',
];

export class UnitLinks1764000000029 implements MigrationInterface {
  name = 'UnitLinks1764000000029';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(runner.connection.options.type === 'better-sqlite3' ? 'DROP TABLE "unit_links"' : 'DROP TABLE `unit_links`');
  }
}
