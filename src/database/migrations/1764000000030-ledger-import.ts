import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15 §5, ledger import (台账导入): the upload batches (`ledger_imports`: headers, suggested and
 * last mapping, counts), their rows kept only as PiiCipher tokens in chunks (`ledger_import_chunks`),
 * one row per imported case under a UNIQUE import key (`ledger_import_rows`: the office's number or a
 * hash of the mapped row; importing the same ledger twice, or twice at once, creates each case once),
 * and the numbering of imported cases per year (`ledger_import_counters`: `TZ-2025-000001`, apart from
 * the gap-free `XF-` codes of new cases). New tables only: nothing existing changes.
 */
const MYSQL_UP = [
  'CREATE TABLE `ledger_imports` (`id` varchar(36) NOT NULL, `fileName` varchar(200) NOT NULL, `format` varchar(8) NOT NULL, `encoding` varchar(16) NULL, `headers` json NOT NULL, `suggestedMapping` json NOT NULL, `rowCount` int NOT NULL, `status` varchar(16) NOT NULL, `mapping` json NULL, `counts` json NULL, `createdCount` int NOT NULL DEFAULT 0, `createdBy` varchar(36) NOT NULL, `createdByName` varchar(50) NOT NULL, `createdAt` datetime(3) NOT NULL, `checkedAt` datetime(3) NULL, `committedAt` datetime(3) NULL, INDEX `idx_ledger_imports_created` (`createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'CREATE TABLE `ledger_import_chunks` (`importId` varchar(36) NOT NULL, `seq` int NOT NULL, `rowsCipher` json NOT NULL, PRIMARY KEY (`importId`, `seq`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'CREATE TABLE `ledger_import_rows` (`importKey` varchar(64) NOT NULL, `caseId` varchar(36) NOT NULL, `importId` varchar(36) NOT NULL, `rowNumber` int NOT NULL, `externalCode` varchar(40) NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_ledger_import_rows_import` (`importId`, `rowNumber`), PRIMARY KEY (`importKey`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
  'CREATE TABLE `ledger_import_counters` (`year` int NOT NULL, `lastSeq` int NOT NULL, PRIMARY KEY (`year`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const MYSQL_DOWN = ['DROP TABLE `ledger_import_counters`', 'DROP TABLE `ledger_import_rows`', 'DROP TABLE `ledger_import_chunks`', 'DROP TABLE `ledger_imports`'];

const SQLITE_UP = [
  'CREATE TABLE "ledger_imports" ("id" varchar(36) PRIMARY KEY NOT NULL, "fileName" varchar(200) NOT NULL, "format" varchar(8) NOT NULL, "encoding" varchar(16), "headers" json NOT NULL, "suggestedMapping" json NOT NULL, "rowCount" integer NOT NULL, "status" varchar(16) NOT NULL, "mapping" json, "counts" json, "createdCount" integer NOT NULL DEFAULT (0), "createdBy" varchar(36) NOT NULL, "createdByName" varchar(50) NOT NULL, "createdAt" datetime(3) NOT NULL, "checkedAt" datetime(3), "committedAt" datetime(3))',
  'CREATE INDEX "idx_ledger_imports_created" ON "ledger_imports" ("createdAt")',
  'CREATE TABLE "ledger_import_chunks" ("importId" varchar(36) NOT NULL, "seq" integer NOT NULL, "rowsCipher" json NOT NULL, PRIMARY KEY ("importId", "seq"))',
  'CREATE TABLE "ledger_import_rows" ("importKey" varchar(64) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "importId" varchar(36) NOT NULL, "rowNumber" integer NOT NULL, "externalCode" varchar(40), "createdAt" datetime(3) NOT NULL)',
  'CREATE INDEX "idx_ledger_import_rows_import" ON "ledger_import_rows" ("importId", "rowNumber")',
  'CREATE TABLE "ledger_import_counters" ("year" integer PRIMARY KEY NOT NULL, "lastSeq" integer NOT NULL)',
];

const SQLITE_DOWN = ['DROP TABLE "ledger_import_counters"', 'DROP TABLE "ledger_import_rows"', 'DROP TABLE "ledger_import_chunks"', 'DROP TABLE "ledger_imports"'];

export class LedgerImport1764000000030 implements MigrationInterface {
  name = 'LedgerImport1764000000030';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
