import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 试运行作业: a simulation of a rule set over the stored cases run as a job (progress, cancel), and the
 * cases kept per changed cell of its before → after matrices (docs/rules.md). `report` is `json`: on
 * MariaDB an alias of LONGTEXT with a JSON check, on MySQL the JSON type (both far above TEXT's 64 KB).
 */
const MYSQL_UP = [
  "CREATE TABLE `rule_simulations` (`id` varchar(36) NOT NULL, `ruleSetId` varchar(36) NOT NULL, `version` int NOT NULL, `activeVersion` int NOT NULL, `scope` text NOT NULL, `status` varchar(12) NOT NULL, `scanned` int NOT NULL DEFAULT 0, `total` int NOT NULL DEFAULT 0, `cancelRequested` tinyint NOT NULL DEFAULT 0, `report` json NULL, `error` varchar(1000) NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `startedAt` datetime(3) NULL, `finishedAt` datetime(3) NULL, INDEX `idx_rule_simulations_set` (`ruleSetId`, `createdAt`), INDEX `idx_rule_simulations_status` (`status`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  "CREATE TABLE `rule_simulation_cases` (`runId` varchar(36) NOT NULL, `seq` int NOT NULL, `dimension` varchar(8) NOT NULL, `fromValue` varchar(200) NOT NULL, `toValue` varchar(200) NOT NULL, `caseId` varchar(36) NOT NULL, `code` varchar(32) NOT NULL, `outcomes` text NOT NULL, INDEX `idx_rule_simulation_cases_cell` (`runId`, `dimension`, `fromValue`, `toValue`, `seq`), PRIMARY KEY (`runId`, `seq`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  'CREATE TABLE "rule_simulations" ("id" varchar(36) PRIMARY KEY NOT NULL, "ruleSetId" varchar(36) NOT NULL, "version" integer NOT NULL, "activeVersion" integer NOT NULL, "scope" text NOT NULL, "status" varchar(12) NOT NULL, "scanned" integer NOT NULL DEFAULT (0), "total" integer NOT NULL DEFAULT (0), "cancelRequested" boolean NOT NULL DEFAULT (0), "report" json, "error" varchar(1000), "createdBy" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "startedAt" datetime(3), "finishedAt" datetime(3))',
  'CREATE INDEX "idx_rule_simulations_set" ON "rule_simulations" ("ruleSetId", "createdAt")',
  'CREATE INDEX "idx_rule_simulations_status" ON "rule_simulations" ("status")',
  'CREATE TABLE "rule_simulation_cases" ("runId" varchar(36) NOT NULL, "seq" integer NOT NULL, "dimension" varchar(8) NOT NULL, "fromValue" varchar(200) NOT NULL, "toValue" varchar(200) NOT NULL, "caseId" varchar(36) NOT NULL, "code" varchar(32) NOT NULL, "outcomes" text NOT NULL, PRIMARY KEY ("runId", "seq"))',
  'CREATE INDEX "idx_rule_simulation_cases_cell" ON "rule_simulation_cases" ("runId", "dimension", "fromValue", "toValue", "seq")',
];

export class RuleSimulations1764000000014 implements MigrationInterface {
  name = 'RuleSimulations1764000000014';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rule_simulation_cases');
    await runner.query('DROP TABLE rule_simulations');
  }
}
