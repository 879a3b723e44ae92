import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 全程留痕: timeline rows can be inserted, never changed or removed — enforced by the database,
 * so no code path (or hand-written SQL in a console) can rewrite a case's history.
 */
export class AppendOnlyTimeline1764000000001 implements MigrationInterface {
  name = 'AppendOnlyTimeline1764000000001';

  async up(runner: QueryRunner): Promise<void> {
    if (runner.connection.options.type !== 'better-sqlite3') {
      await runner.query(
        "CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'case_events is append-only'",
      );
      await runner.query(
        "CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'case_events is append-only'",
      );
      return;
    }
    await runner.query("CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END");
    await runner.query("CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END");
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TRIGGER IF EXISTS case_events_no_update');
    await runner.query('DROP TRIGGER IF EXISTS case_events_no_delete');
  }
}
