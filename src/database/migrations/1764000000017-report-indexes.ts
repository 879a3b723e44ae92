import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The dashboard of 统计分析 (GET /reports/dashboard) counts a window of cases by their received,
 * accepted, closed and replied times. At 10^6 cases a year's window holds ~370,000 of them; read
 * through the narrow `idx_cases_received`, every one costs a row lookup (seconds per figure, see
 * docs/reports.md). These indexes let each figure be read from an index alone:
 * - `idx_cases_received_figures` starts with `receivedAt` (it replaces `idx_cases_received`, and serves
 *   every query that one did) and carries the columns the figures group or count by;
 * - `idx_cases_accepted`, `idx_cases_closed`: the monthly trend of acceptances and closures;
 * - `idx_cases_replied_figures`: replies in a window, on time, with feedback, satisfied.
 */
const FIGURES = ['receivedAt', 'category', 'region', 'channel', 'grade', 'status', 'routeHandledBy', 'routeMode', 'headcount', 'acceptedAt'];
const REPLIED = ['repliedAt', 'repliedOnTime', 'feedback'];

const MYSQL_UP = [
  `CREATE INDEX \`idx_cases_received_figures\` ON \`cases\` (${FIGURES.map((c) => `\`${c}\``).join(', ')})`,
  'DROP INDEX `idx_cases_received` ON `cases`',
  'CREATE INDEX `idx_cases_accepted` ON `cases` (`acceptedAt`)',
  'CREATE INDEX `idx_cases_closed` ON `cases` (`closedAt`)',
  `CREATE INDEX \`idx_cases_replied_figures\` ON \`cases\` (${REPLIED.map((c) => `\`${c}\``).join(', ')})`,
];
const MYSQL_DOWN = [
  'DROP INDEX `idx_cases_replied_figures` ON `cases`',
  'DROP INDEX `idx_cases_closed` ON `cases`',
  'DROP INDEX `idx_cases_accepted` ON `cases`',
  'CREATE INDEX `idx_cases_received` ON `cases` (`receivedAt`)',
  'DROP INDEX `idx_cases_received_figures` ON `cases`',
];

const SQLITE_UP = [
  `CREATE INDEX "idx_cases_received_figures" ON "cases" (${FIGURES.map((c) => `"${c}"`).join(', ')})`,
  'DROP INDEX "idx_cases_received"',
  'CREATE INDEX "idx_cases_accepted" ON "cases" ("acceptedAt")',
  'CREATE INDEX "idx_cases_closed" ON "cases" ("closedAt")',
  `CREATE INDEX "idx_cases_replied_figures" ON "cases" (${REPLIED.map((c) => `"${c}"`).join(', ')})`,
];
const SQLITE_DOWN = [
  'DROP INDEX "idx_cases_replied_figures"',
  'DROP INDEX "idx_cases_closed"',
  'DROP INDEX "idx_cases_accepted"',
  'CREATE INDEX "idx_cases_received" ON "cases" ("receivedAt")',
  'DROP INDEX "idx_cases_received_figures"',
];

export class ReportIndexes1764000000017 implements MigrationInterface {
  name = 'ReportIndexes1764000000017';

  async up(runner: QueryRunner): Promise<void> {
    const sqlite = runner.connection.options.type === 'better-sqlite3';
    for (const sql of sqlite ? SQLITE_UP : MYSQL_UP) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const sqlite = runner.connection.options.type === 'better-sqlite3';
    for (const sql of sqlite ? SQLITE_DOWN : MYSQL_DOWN) await runner.query(sql);
  }
}
