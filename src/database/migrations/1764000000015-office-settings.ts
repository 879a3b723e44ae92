import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: office settings (办公设置) as versions in the database — one active (unique activeMarker) —
 * and the append-only log of their publications and rollbacks. Version 1 is seeded at first start
 * from config/policy.json and config/meetings.json (SettingsService.seedDefault).
 */
const MYSQL_UP = [
  'CREATE TABLE `office_settings` (`id` varchar(36) NOT NULL, `version` int NOT NULL, `status` varchar(12) NOT NULL, `activeMarker` int NULL, `body` text NOT NULL, `note` varchar(500) NOT NULL, `basedOn` int NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `publishedBy` varchar(64) NULL, `publishedAt` datetime(3) NULL, UNIQUE INDEX `idx_office_settings_version` (`version`), UNIQUE INDEX `idx_office_settings_active` (`activeMarker`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'CREATE TABLE `office_settings_activations` (`id` varchar(36) NOT NULL, `settingsId` varchar(36) NOT NULL, `version` int NOT NULL, `action` varchar(12) NOT NULL, `fromVersion` int NULL, `note` varchar(500) NOT NULL, `by` varchar(64) NOT NULL, `at` datetime(3) NOT NULL, INDEX `idx_office_settings_activations_at` (`at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const SQLITE_UP = [
  'CREATE TABLE "office_settings" ("id" varchar(36) PRIMARY KEY NOT NULL, "version" integer NOT NULL, "status" varchar(12) NOT NULL, "activeMarker" integer, "body" text NOT NULL, "note" varchar(500) NOT NULL, "basedOn" integer, "createdBy" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "publishedBy" varchar(64), "publishedAt" datetime(3))',
  'CREATE UNIQUE INDEX "idx_office_settings_version" ON "office_settings" ("version")',
  'CREATE UNIQUE INDEX "idx_office_settings_active" ON "office_settings" ("activeMarker")',
  'CREATE TABLE "office_settings_activations" ("id" varchar(36) PRIMARY KEY NOT NULL, "settingsId" varchar(36) NOT NULL, "version" integer NOT NULL, "action" varchar(12) NOT NULL, "fromVersion" integer, "note" varchar(500) NOT NULL, "by" varchar(64) NOT NULL, "at" datetime(3) NOT NULL)',
  'CREATE INDEX "idx_office_settings_activations_at" ON "office_settings_activations" ("at")',
];

export class OfficeSettings1764000000015 implements MigrationInterface {
  name = 'OfficeSettings1764000000015';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE office_settings_activations');
    await runner.query('DROP TABLE office_settings');
  }
}
