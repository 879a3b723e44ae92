import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: attachments of a case (附件). Metadata and the hash of the plain content here; the file, sealed
 * with the personal-data key named by `keyId`, under ATTACHMENTS_DIR at `storageKey` (docs/attachments.md).
 */
const MYSQL_UP = [
  'CREATE TABLE `case_attachments` (`id` varchar(36) NOT NULL, `caseId` varchar(36) NOT NULL, `kind` varchar(24) NOT NULL, `fileName` varchar(255) NOT NULL, `mediaType` varchar(100) NOT NULL, `size` int NOT NULL, `sha256` varchar(64) NOT NULL, `storageKey` varchar(80) NOT NULL, `keyId` varchar(16) NOT NULL, `unitCode` varchar(32) NULL, `uploadedById` varchar(64) NOT NULL, `uploadedByName` varchar(100) NOT NULL, `via` varchar(8) NOT NULL, `letterNumber` varchar(40) NULL, `officeOnly` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(3) NOT NULL, INDEX `idx_case_attachments_case` (`caseId`, `createdAt`), INDEX `idx_case_attachments_key` (`keyId`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const SQLITE_UP = [
  'CREATE TABLE "case_attachments" ("id" varchar(36) PRIMARY KEY NOT NULL, "caseId" varchar(36) NOT NULL, "kind" varchar(24) NOT NULL, "fileName" varchar(255) NOT NULL, "mediaType" varchar(100) NOT NULL, "size" integer NOT NULL, "sha256" varchar(64) NOT NULL, "storageKey" varchar(80) NOT NULL, "keyId" varchar(16) NOT NULL, "unitCode" varchar(32), "uploadedById" varchar(64) NOT NULL, "uploadedByName" varchar(100) NOT NULL, "via" varchar(8) NOT NULL, "letterNumber" varchar(40), "officeOnly" boolean NOT NULL DEFAULT (0), "createdAt" datetime(3) NOT NULL)',
  'CREATE INDEX "idx_case_attachments_case" ON "case_attachments" ("caseId", "createdAt")',
  'CREATE INDEX "idx_case_attachments_key" ON "case_attachments" ("keyId")',
];

export class CaseAttachments1764000000026 implements MigrationInterface {
  name = 'CaseAttachments1764000000026';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  /** The files under ATTACHMENTS_DIR stay (sealed, unreachable without rows); remove the directory by hand if wanted. */
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_attachments');
  }
}
