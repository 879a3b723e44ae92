import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13: the units' responsibility list (职责清单, JSON text, `[]` for the existing units) and the
 * meeting rooms (会议室) as a directory resource.
 */
const MYSQL_UP = [
  'ALTER TABLE `units` ADD `responsibilities` text NOT NULL',
  "UPDATE `units` SET `responsibilities` = '[]'",
  'CREATE TABLE `rooms` (`id` varchar(36) NOT NULL, `name` varchar(100) NOT NULL, `capacity` int NOT NULL, `equipment` text NOT NULL, `location` varchar(200) NULL, `active` tinyint NOT NULL DEFAULT 1, UNIQUE INDEX `idx_rooms_name` (`name`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const MYSQL_DOWN = ['DROP TABLE `rooms`', 'ALTER TABLE `units` DROP COLUMN `responsibilities`'];

/** SQLite cannot add a NOT NULL column without a default: the table is rebuilt, as TypeORM itself does. */
const SQLITE_UNITS_COLUMNS = '"id", "code", "name", "shortName", "nameEn", "kind", "categories", "email", "active"';
const SQLITE_UP = [
  'CREATE TABLE "temporary_units" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "shortName" varchar(100), "nameEn" varchar(150), "kind" varchar(16) NOT NULL, "categories" text NOT NULL, "email" varchar(200), "active" boolean NOT NULL DEFAULT (1), "responsibilities" text NOT NULL, CONSTRAINT "UQ_47635c1ab22d02fc3ebae3608b8" UNIQUE ("code"))',
  `INSERT INTO "temporary_units" (${SQLITE_UNITS_COLUMNS}, "responsibilities") SELECT ${SQLITE_UNITS_COLUMNS}, '[]' FROM "units"`,
  'DROP TABLE "units"',
  'ALTER TABLE "temporary_units" RENAME TO "units"',
  'CREATE TABLE "rooms" ("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(100) NOT NULL, "capacity" integer NOT NULL, "equipment" text NOT NULL, "location" varchar(200), "active" boolean NOT NULL DEFAULT (1))',
  'CREATE UNIQUE INDEX "idx_rooms_name" ON "rooms" ("name")',
];

const SQLITE_DOWN = [
  'DROP TABLE "rooms"',
  'CREATE TABLE "temporary_units" ("id" varchar(36) PRIMARY KEY NOT NULL, "code" varchar(32) NOT NULL, "name" varchar(100) NOT NULL, "shortName" varchar(100), "nameEn" varchar(150), "kind" varchar(16) NOT NULL, "categories" text NOT NULL, "email" varchar(200), "active" boolean NOT NULL DEFAULT (1), CONSTRAINT "UQ_47635c1ab22d02fc3ebae3608b8" UNIQUE ("code"))',
  `INSERT INTO "temporary_units" (${SQLITE_UNITS_COLUMNS}) SELECT ${SQLITE_UNITS_COLUMNS} FROM "units"`,
  'DROP TABLE "units"',
  'ALTER TABLE "temporary_units" RENAME TO "units"',
];

export class DirectoryRooms1764000000016 implements MigrationInterface {
  name = 'DirectoryRooms1764000000016';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
