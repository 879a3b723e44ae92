import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The heat map of 统计分析 and the hotspots report mark category × region cells where the rules flagged
 * open cases `early-warning`. The flags live in a JSON text column (`flags`), so counting them read every
 * open case of the window row by row (minutes at 10^6 cases, docs/reports.md). `earlyWarning` mirrors
 * `flags LIKE '%"early-warning"%'` as a boolean, and `idx_cases_received_figures` carries it, so the
 * heat map's counts and its warnings are one index-only statement.
 *
 * The column is kept by triggers (MariaDB: BEFORE INSERT/UPDATE; SQLite: AFTER INSERT / AFTER UPDATE OF
 * flags), so every writer of `flags` — intake, re-grading, restores, bulk loads — keeps it exact without
 * knowing of it; the entity never writes it (insert/update: false). Existing rows are back-filled here.
 */
const FIGURES_OLD = ['receivedAt', 'category', 'region', 'channel', 'grade', 'status', 'routeHandledBy', 'routeMode', 'headcount', 'acceptedAt'];
const FIGURES_NEW = [...FIGURES_OLD, 'earlyWarning'];
const LIKE = `'%"early-warning"%'`;

const mysqlCols = (cols: string[]): string => cols.map((c) => `\`${c}\``).join(', ');
const sqliteCols = (cols: string[]): string => cols.map((c) => `"${c}"`).join(', ');

const MYSQL_UP = [
  'ALTER TABLE `cases` ADD COLUMN `earlyWarning` tinyint NOT NULL DEFAULT 0',
  `CREATE TRIGGER cases_early_warning_insert BEFORE INSERT ON cases FOR EACH ROW SET NEW.earlyWarning = (NEW.flags LIKE ${LIKE})`,
  `CREATE TRIGGER cases_early_warning_update BEFORE UPDATE ON cases FOR EACH ROW SET NEW.earlyWarning = (NEW.flags LIKE ${LIKE})`,
  `UPDATE \`cases\` SET \`earlyWarning\` = 1 WHERE \`flags\` LIKE ${LIKE}`,
  `ALTER TABLE \`cases\` DROP INDEX \`idx_cases_received_figures\`, ADD INDEX \`idx_cases_received_figures\` (${mysqlCols(FIGURES_NEW)})`,
];
const MYSQL_DOWN = [
  `ALTER TABLE \`cases\` DROP INDEX \`idx_cases_received_figures\`, ADD INDEX \`idx_cases_received_figures\` (${mysqlCols(FIGURES_OLD)})`,
  'DROP TRIGGER IF EXISTS cases_early_warning_update',
  'DROP TRIGGER IF EXISTS cases_early_warning_insert',
  'ALTER TABLE `cases` DROP COLUMN `earlyWarning`',
];

const SQLITE_UP = [
  'ALTER TABLE "cases" ADD COLUMN "earlyWarning" boolean NOT NULL DEFAULT (0)',
  `CREATE TRIGGER cases_early_warning_insert AFTER INSERT ON cases BEGIN UPDATE cases SET earlyWarning = (NEW.flags LIKE ${LIKE}) WHERE id = NEW.id; END`,
  `CREATE TRIGGER cases_early_warning_update AFTER UPDATE OF flags ON cases BEGIN UPDATE cases SET earlyWarning = (NEW.flags LIKE ${LIKE}) WHERE id = NEW.id; END`,
  `UPDATE "cases" SET "earlyWarning" = 1 WHERE "flags" LIKE ${LIKE}`,
  'DROP INDEX "idx_cases_received_figures"',
  `CREATE INDEX "idx_cases_received_figures" ON "cases" (${sqliteCols(FIGURES_NEW)})`,
];
const SQLITE_DOWN = [
  'DROP INDEX "idx_cases_received_figures"',
  `CREATE INDEX "idx_cases_received_figures" ON "cases" (${sqliteCols(FIGURES_OLD)})`,
  'DROP TRIGGER IF EXISTS cases_early_warning_update',
  'DROP TRIGGER IF EXISTS cases_early_warning_insert',
  'ALTER TABLE "cases" DROP COLUMN "earlyWarning"',
];

export class EarlyWarningColumn1764000000018 implements MigrationInterface {
  name = 'EarlyWarningColumn1764000000018';

  async up(runner: QueryRunner): Promise<void> {
    const sqlite = runner.connection.options.type === 'better-sqlite3';
    for (const sql of sqlite ? SQLITE_UP : MYSQL_UP) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const sqlite = runner.connection.options.type === 'better-sqlite3';
    for (const sql of sqlite ? SQLITE_DOWN : MYSQL_DOWN) await runner.query(sql);
  }
}
