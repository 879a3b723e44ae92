import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: 单位考评 reads the timeline by action and time (`e.action IN (…) AND e.at >= :from AND e.at < :to`);
 * without an index every scorecard statement scanned all of `case_events` (200,000 cases a year ≈ 1.05 M
 * events: 16 s for a year's scorecard on MariaDB). Index only; on a large MySQL table InnoDB builds it
 * online (ALGORITHM=INPLACE, LOCK=NONE): intake and case actions go on while it is built.
 */
export class CaseEventsActionAt1764000000032 implements MigrationInterface {
  name = 'CaseEventsActionAt1764000000032';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'better-sqlite3') {
      await runner.query('CREATE INDEX "idx_case_events_action_at" ON "case_events" ("action", "at")');
    } else {
      await runner.query('CREATE INDEX `idx_case_events_action_at` ON `case_events` (`action`, `at`) ALGORITHM=INPLACE LOCK=NONE');
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type === 'better-sqlite3') await runner.query('DROP INDEX "idx_case_events_action_at"');
    else await runner.query('DROP INDEX `idx_case_events_action_at` ON `case_events`');
  }
}
