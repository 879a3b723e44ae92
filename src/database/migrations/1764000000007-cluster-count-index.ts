import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `similarOpenCases` counts open cases by category, region and receipt date on every registration.
 * With `status` in the index that count is read from the index alone instead of looking up every
 * case of the cluster (bench/post-cases.ts: the clusters of a busy month hold hundreds of cases).
 * The new index starts with the old one's columns, so every query the old one served it serves too.
 */
const MYSQL_UP = [
  'DROP INDEX `idx_cases_category_region_received` ON `cases`',
  'CREATE INDEX `idx_cases_category_region_received_status` ON `cases` (`category`, `region`, `receivedAt`, `status`)',
];
const MYSQL_DOWN = [
  'DROP INDEX `idx_cases_category_region_received_status` ON `cases`',
  'CREATE INDEX `idx_cases_category_region_received` ON `cases` (`category`, `region`, `receivedAt`)',
];

const SQLITE_UP = [
  'DROP INDEX "idx_cases_category_region_received"',
  'CREATE INDEX "idx_cases_category_region_received_status" ON "cases" ("category", "region", "receivedAt", "status")',
];
const SQLITE_DOWN = [
  'DROP INDEX "idx_cases_category_region_received_status"',
  'CREATE INDEX "idx_cases_category_region_received" ON "cases" ("category", "region", "receivedAt")',
];

export class ClusterCountIndex1764000000007 implements MigrationInterface {
  name = 'ClusterCountIndex1764000000007';

  async up(runner: QueryRunner): Promise<void> {
    const sqlite = runner.connection.options.type === 'better-sqlite3';
    for (const sql of sqlite ? SQLITE_UP : MYSQL_UP) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const sqlite = runner.connection.options.type === 'better-sqlite3';
    for (const sql of sqlite ? SQLITE_DOWN : MYSQL_DOWN) await runner.query(sql);
  }
}
