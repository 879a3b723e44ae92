import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Versioned rule sets (one active, enforced by the unique activeMarker) and the audit log. */
const MYSQL_UP = [
  "CREATE TABLE `audit_log` (`id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `actorId` varchar(64) NOT NULL, `actorName` varchar(50) NOT NULL, `action` varchar(48) NOT NULL, `entityType` varchar(32) NOT NULL, `entityId` varchar(64) NOT NULL, `data` text NOT NULL, INDEX `idx_audit_at` (`at`), INDEX `idx_audit_entity` (`entityType`, `entityId`, `at`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  "CREATE TABLE `rule_sets` (`id` varchar(36) NOT NULL, `version` int NOT NULL, `status` varchar(12) NOT NULL, `activeMarker` int NULL, `note` varchar(500) NOT NULL, `precedence` text NOT NULL, `rules` text NOT NULL, `basedOn` int NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `publishedBy` varchar(64) NULL, `publishedAt` datetime(3) NULL, INDEX `idx_rule_sets_status_version` (`status`, `version`), UNIQUE INDEX `IDX_966bb2c9a96070980edfc43e94` (`version`), UNIQUE INDEX `IDX_16857e61e7d8dfacfd4257bf4c` (`activeMarker`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  "CREATE TABLE \"audit_log\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"actorId\" varchar(64) NOT NULL, \"actorName\" varchar(50) NOT NULL, \"action\" varchar(48) NOT NULL, \"entityType\" varchar(32) NOT NULL, \"entityId\" varchar(64) NOT NULL, \"data\" text NOT NULL)",
  "CREATE INDEX \"idx_audit_at\" ON \"audit_log\" (\"at\")",
  "CREATE INDEX \"idx_audit_entity\" ON \"audit_log\" (\"entityType\", \"entityId\", \"at\")",
  "CREATE TABLE \"rule_sets\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"version\" integer NOT NULL, \"status\" varchar(12) NOT NULL, \"activeMarker\" integer, \"note\" varchar(500) NOT NULL, \"precedence\" text NOT NULL, \"rules\" text NOT NULL, \"basedOn\" integer, \"createdBy\" varchar(64) NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL, \"publishedBy\" varchar(64), \"publishedAt\" datetime(3), CONSTRAINT \"UQ_966bb2c9a96070980edfc43e94c\" UNIQUE (\"version\"), CONSTRAINT \"UQ_16857e61e7d8dfacfd4257bf4cc\" UNIQUE (\"activeMarker\"))",
  "CREATE INDEX \"idx_rule_sets_status_version\" ON \"rule_sets\" (\"status\", \"version\")",
];

export class RuleSetsAndAudit1764000000002 implements MigrationInterface {
  name = 'RuleSetsAndAudit1764000000002';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE rule_sets');
    await runner.query('DROP TABLE audit_log');
  }
}
