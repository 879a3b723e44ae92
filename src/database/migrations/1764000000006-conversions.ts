import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The four conversions (四个转化) of cases into legislative suggestions, supervision topics, motions, opinions. */
const MYSQL_UP = [
  "CREATE TABLE `case_conversions` (`id` varchar(36) NOT NULL, `caseId` varchar(36) NOT NULL, `relatedCaseIds` text NOT NULL, `kind` varchar(32) NOT NULL, `title` varchar(200) NOT NULL, `note` text NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_conversions_kind_created` (`kind`, `createdAt`), INDEX `idx_conversions_case` (`caseId`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  "CREATE TABLE \"case_conversions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"caseId\" varchar(36) NOT NULL, \"relatedCaseIds\" text NOT NULL, \"kind\" varchar(32) NOT NULL, \"title\" varchar(200) NOT NULL, \"note\" text, \"createdBy\" varchar(64) NOT NULL, \"createdAt\" datetime(3) NOT NULL)",
  "CREATE INDEX \"idx_conversions_kind_created\" ON \"case_conversions\" (\"kind\", \"createdAt\")",
  "CREATE INDEX \"idx_conversions_case\" ON \"case_conversions\" (\"caseId\")",
];

export class Conversions1764000000006 implements MigrationInterface {
  name = 'Conversions1764000000006';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE case_conversions');
  }
}
