import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The history of rule-set activations (each publish and rollback, with its note and its re-grade progress).
 * Sets published before this migration get one `publish` row each, from their `publishedBy` / `publishedAt`
 * (what the database still knows; a rollback before this version could have overwritten those).
 */
const MYSQL_UP = [
  "CREATE TABLE `rule_set_activations` (`id` varchar(36) NOT NULL, `seq` int NOT NULL, `ruleSetId` varchar(36) NOT NULL, `version` int NOT NULL, `action` varchar(12) NOT NULL, `fromVersion` int NULL, `note` varchar(500) NOT NULL DEFAULT '', `by` varchar(64) NOT NULL, `at` datetime(3) NOT NULL, `regradeStatus` varchar(12) NOT NULL, `regradeScanned` int NOT NULL DEFAULT '0', `regradeTotal` int NOT NULL DEFAULT '0', `regradeChanged` int NOT NULL DEFAULT '0', INDEX `idx_rule_set_activations_set` (`ruleSetId`), UNIQUE INDEX `IDX_fecbf0d59e7ef3eb99103ecaf7` (`seq`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  'CREATE TABLE "rule_set_activations" ("id" varchar(36) PRIMARY KEY NOT NULL, "seq" integer NOT NULL, "ruleSetId" varchar(36) NOT NULL, "version" integer NOT NULL, "action" varchar(12) NOT NULL, "fromVersion" integer, "note" varchar(500) NOT NULL DEFAULT (\'\'), "by" varchar(64) NOT NULL, "at" datetime(3) NOT NULL, "regradeStatus" varchar(12) NOT NULL, "regradeScanned" integer NOT NULL DEFAULT (0), "regradeTotal" integer NOT NULL DEFAULT (0), "regradeChanged" integer NOT NULL DEFAULT (0), CONSTRAINT "UQ_fecbf0d59e7ef3eb99103ecaf71" UNIQUE ("seq"))',
  'CREATE INDEX "idx_rule_set_activations_set" ON "rule_set_activations" ("ruleSetId") ',
];

const BACKFILL_NOTE = '升级时根据已发布版本的发布记录补录';

export class RuleSetActivations1764000000013 implements MigrationInterface {
  name = 'RuleSetActivations1764000000013';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
    const published = (await runner.query('SELECT id, version, publishedBy, publishedAt FROM rule_sets WHERE publishedAt IS NOT NULL ORDER BY publishedAt, version')) as {
      id: string;
      version: number | string;
      publishedBy: string | null;
      publishedAt: Date | string;
    }[];
    let fromVersion: number | null = null;
    for (const [index, set] of published.entries()) {
      // `by` is a reserved word: quoted with backticks, which SQLite accepts as well.
      await runner.query('INSERT INTO rule_set_activations (id, seq, ruleSetId, version, action, fromVersion, note, `by`, at, regradeStatus) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        randomUUID(),
        index + 1,
        set.id,
        Number(set.version),
        'publish',
        fromVersion,
        BACKFILL_NOTE,
        set.publishedBy ?? 'system',
        set.publishedAt,
        'done',
      ]);
      fromVersion = Number(set.version);
    }
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rule_set_activations');
  }
}
