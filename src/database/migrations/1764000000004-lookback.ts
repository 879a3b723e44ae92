import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Look-back reviews (回头看): sampled callbacks on closed, transferred cases. */
const MYSQL_UP = [
  "CREATE TABLE `lookback_reviews` (`id` varchar(36) NOT NULL, `period` varchar(7) NOT NULL, `caseId` varchar(36) NOT NULL, `caseCode` varchar(20) NOT NULL, `unitCode` varchar(32) NOT NULL, `reason` varchar(16) NOT NULL, `callbackResult` varchar(16) NULL, `note` text NULL, `createdAt` datetime(3) NOT NULL, `reviewedAt` datetime(3) NULL, INDEX `idx_lookback_period_unit` (`period`, `unitCode`), UNIQUE INDEX `uq_lookback_period_case` (`period`, `caseId`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  "CREATE TABLE \"lookback_reviews\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"period\" varchar(7) NOT NULL, \"caseId\" varchar(36) NOT NULL, \"caseCode\" varchar(20) NOT NULL, \"unitCode\" varchar(32) NOT NULL, \"reason\" varchar(16) NOT NULL, \"callbackResult\" varchar(16), \"note\" text, \"createdAt\" datetime(3) NOT NULL, \"reviewedAt\" datetime(3), CONSTRAINT \"uq_lookback_period_case\" UNIQUE (\"period\", \"caseId\"))",
  "CREATE INDEX \"idx_lookback_period_unit\" ON \"lookback_reviews\" (\"period\", \"unitCode\")",
];

export class Lookback1764000000004 implements MigrationInterface {
  name = 'Lookback1764000000004';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE lookback_reviews');
  }
}
