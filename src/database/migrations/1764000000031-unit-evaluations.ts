import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 15: the 信访局's evaluation results of the handling units (单位考评, `unit_evaluations`): one row
 * per unit and period (unique), read by period for the scorecard page. New table only, no back-fill.
 */
const MYSQL_UP = [
  'CREATE TABLE `unit_evaluations` (`id` varchar(36) NOT NULL, `unitId` varchar(36) NOT NULL, `period` varchar(7) NOT NULL, `grade` varchar(12) NOT NULL, `score` int NULL, `remark` text NULL, `evaluatedBy` varchar(100) NOT NULL, `recordedBy` varchar(36) NOT NULL, `recordedByName` varchar(50) NOT NULL, `recordedAt` datetime(3) NOT NULL, INDEX `idx_unit_evaluations_period` (`period`), UNIQUE INDEX `uq_unit_evaluations_unit_period` (`unitId`, `period`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const SQLITE_UP = [
  'CREATE TABLE "unit_evaluations" ("id" varchar(36) PRIMARY KEY NOT NULL, "unitId" varchar(36) NOT NULL, "period" varchar(7) NOT NULL, "grade" varchar(12) NOT NULL, "score" integer, "remark" text, "evaluatedBy" varchar(100) NOT NULL, "recordedBy" varchar(36) NOT NULL, "recordedByName" varchar(50) NOT NULL, "recordedAt" datetime(3) NOT NULL, CONSTRAINT "uq_unit_evaluations_unit_period" UNIQUE ("unitId", "period"))',
  'CREATE INDEX "idx_unit_evaluations_period" ON "unit_evaluations" ("period")',
];

export class UnitEvaluations1764000000031 implements MigrationInterface {
  name = 'UnitEvaluations1764000000031';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE unit_evaluations');
  }
}
