import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `case_daily_figures`: the reports' daily roll-up (src/cases/case-daily-figures.ts). Empty here: the
 * job `case-daily-figures` fills it (a full build when it finds no watermark); until then the reports
 * read every day live.
 */
const METRICS = ['received', 'accepted', 'rejected', 'grp', 'supervised', 'open', 'earlyWarningOpen'];

export class CaseDailyFigures1764000000019 implements MigrationInterface {
  name = 'CaseDailyFigures1764000000019';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'better-sqlite3') {
      await runner.query(
        `CREATE TABLE "case_daily_figures" ("dimension" varchar(16) NOT NULL, "day" varchar(10) NOT NULL, "k1" varchar(32) NOT NULL, "k2" varchar(50) NOT NULL, ${METRICS.map((m) => `"${m}" integer NOT NULL`).join(', ')}, PRIMARY KEY ("dimension", "day", "k1", "k2"))`,
      );
    } else {
      await runner.query(
        `CREATE TABLE \`case_daily_figures\` (\`dimension\` varchar(16) NOT NULL, \`day\` varchar(10) NOT NULL, \`k1\` varchar(32) NOT NULL, \`k2\` varchar(50) NOT NULL, ${METRICS.map((m) => `\`${m}\` int NOT NULL`).join(', ')}, PRIMARY KEY (\`dimension\`, \`day\`, \`k1\`, \`k2\`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`,
      );
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(runner.connection.options.type === 'better-sqlite3' ? 'DROP TABLE "case_daily_figures"' : 'DROP TABLE `case_daily_figures`');
  }
}
