import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Revocable sessions: rotating refresh tokens (hashed) and a per-user token version. */
const MYSQL_UP = [
  'ALTER TABLE `users` ADD `tokenVersion` int NOT NULL DEFAULT 0',
  "CREATE TABLE `auth_sessions` (`id` varchar(36) NOT NULL, `userId` varchar(36) NOT NULL, `refreshHash` varchar(64) NOT NULL, `previousRefreshHash` varchar(64) NULL, `createdAt` datetime(3) NOT NULL, `lastUsedAt` datetime(3) NOT NULL, `expiresAt` datetime(3) NOT NULL, `revokedAt` datetime(3) NULL, `revokedReason` varchar(32) NULL, INDEX `idx_auth_sessions_user` (`userId`), INDEX `idx_auth_sessions_previous` (`previousRefreshHash`), UNIQUE INDEX `uq_auth_sessions_refresh` (`refreshHash`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  'ALTER TABLE "users" ADD COLUMN "tokenVersion" integer NOT NULL DEFAULT (0)',
  'CREATE TABLE "auth_sessions" ("id" varchar(36) PRIMARY KEY NOT NULL, "userId" varchar(36) NOT NULL, "refreshHash" varchar(64) NOT NULL, "previousRefreshHash" varchar(64), "createdAt" datetime(3) NOT NULL, "lastUsedAt" datetime(3) NOT NULL, "expiresAt" datetime(3) NOT NULL, "revokedAt" datetime(3), "revokedReason" varchar(32))',
  'CREATE INDEX "idx_auth_sessions_user" ON "auth_sessions" ("userId")',
  'CREATE INDEX "idx_auth_sessions_previous" ON "auth_sessions" ("previousRefreshHash")',
  'CREATE UNIQUE INDEX "uq_auth_sessions_refresh" ON "auth_sessions" ("refreshHash")',
];

export class AuthSessions1764000000010 implements MigrationInterface {
  name = 'AuthSessions1764000000010';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE auth_sessions');
    await runner.query('ALTER TABLE users DROP COLUMN tokenVersion');
  }
}
