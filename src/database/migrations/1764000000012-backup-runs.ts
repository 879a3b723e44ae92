import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Each backup run (CLI, daily job, scripts/backup-mysql.sh), read by `GET /health` and `GET /backups` (docs/backup.md). */
const MYSQL_UP = [
  "CREATE TABLE `backup_runs` (`id` varchar(36) NOT NULL, `startedAt` datetime(3) NOT NULL, `finishedAt` datetime(3) NOT NULL, `kind` varchar(16) NOT NULL, `ok` tinyint NOT NULL, `location` varchar(500) NULL, `sizeBytes` bigint NULL, `encrypted` tinyint NOT NULL DEFAULT 0, `keysIncluded` tinyint NOT NULL DEFAULT 0, `error` varchar(1000) NULL, `details` text NOT NULL, INDEX `idx_backup_runs_finished` (`finishedAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  'CREATE TABLE "backup_runs" ("id" varchar(36) PRIMARY KEY NOT NULL, "startedAt" datetime(3) NOT NULL, "finishedAt" datetime(3) NOT NULL, "kind" varchar(16) NOT NULL, "ok" boolean NOT NULL, "location" varchar(500), "sizeBytes" bigint, "encrypted" boolean NOT NULL DEFAULT (0), "keysIncluded" boolean NOT NULL DEFAULT (0), "error" varchar(1000), "details" text NOT NULL)',
  'CREATE INDEX "idx_backup_runs_finished" ON "backup_runs" ("finishedAt")',
];

export class BackupRuns1764000000012 implements MigrationInterface {
  name = 'BackupRuns1764000000012';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE backup_runs');
  }
}
