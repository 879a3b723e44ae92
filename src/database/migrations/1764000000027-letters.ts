import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 §4: official letters (公文). `letter_templates` holds an admin's wording of a kind of letter
 * (the shipped wording in config/letter-templates.json serves until then), `case_letters` each letter
 * generated on a case (kind, number unique per prefix and year, the attachment holding the .docx), and
 * `letter_counters` the last serial per number prefix and year, moved in the generating transaction.
 */
const MYSQL_UP = [
  'CREATE TABLE `letter_templates` (`kind` varchar(24) NOT NULL, `title` varchar(60) NOT NULL, `numberPrefix` varchar(12) NOT NULL, `addressee` varchar(100) NOT NULL, `body` text NOT NULL, `version` int NOT NULL, `updatedBy` varchar(100) NOT NULL, `updatedAt` datetime(3) NOT NULL, PRIMARY KEY (`kind`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'CREATE TABLE `case_letters` (`id` varchar(36) NOT NULL, `caseId` varchar(36) NOT NULL, `kind` varchar(24) NOT NULL, `numberPrefix` varchar(12) NOT NULL, `year` int NOT NULL, `serial` int NOT NULL, `number` varchar(40) NOT NULL, `addressee` varchar(100) NOT NULL, `attachmentId` varchar(36) NOT NULL, `createdBy` varchar(100) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_case_letters_case` (`caseId`, `createdAt`), UNIQUE INDEX `idx_case_letters_number` (`numberPrefix`, `year`, `serial`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'CREATE TABLE `letter_counters` (`numberPrefix` varchar(12) NOT NULL, `year` int NOT NULL, `lastSerial` int NOT NULL, PRIMARY KEY (`numberPrefix`, `year`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const MYSQL_DOWN = ['DROP TABLE `letter_counters`', 'DROP TABLE `case_letters`', 'DROP TABLE `letter_templates`'];

const SQLITE_UP = [
  'CREATE TABLE "letter_templates" ("kind" varchar(24) PRIMARY KEY NOT NULL, "title" varchar(60) NOT NULL, "numberPrefix" varchar(12) NOT NULL, "addressee" varchar(100) NOT NULL, "body" text NOT NULL, "version" integer NOT NULL, "updatedBy" varchar(100) NOT NULL, "updatedAt" datetime(3) NOT NULL)',
  'CREATE TABLE "case_letters" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "kind" varchar(24) NOT NULL, "numberPrefix" varchar(12) NOT NULL, "year" integer NOT NULL, "serial" integer NOT NULL, "number" varchar(40) NOT NULL, "addressee" varchar(100) NOT NULL, "attachmentId" varchar(36) NOT NULL, "createdBy" varchar(100) NOT NULL, "createdAt" datetime(3) NOT NULL)',
  'CREATE INDEX "idx_case_letters_case" ON "case_letters" ("caseId", "createdAt")',
  'CREATE UNIQUE INDEX "idx_case_letters_number" ON "case_letters" ("numberPrefix", "year", "serial")',
  'CREATE TABLE "letter_counters" ("numberPrefix" varchar(12) NOT NULL, "year" integer NOT NULL, "lastSerial" integer NOT NULL, PRIMARY KEY ("numberPrefix", "year"))',
];

const SQLITE_DOWN = ['DROP TABLE "letter_counters"', 'DROP INDEX "idx_case_letters_number"', 'DROP INDEX "idx_case_letters_case"', 'DROP TABLE "case_letters"', 'DROP TABLE "letter_templates"'];

export class Letters1764000000027 implements MigrationInterface {
  name = 'Letters1764000000027';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
