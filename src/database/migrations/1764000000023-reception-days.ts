import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14: leaders' reception days (领导接访日), planned as a monthly rota. Confirming one books the
 * leader's time in `leader_bookings` with the reception day's id in its `meetingId` column (no new
 * booking table): one lock and one overlap check for meetings and reception days alike.
 */
const MYSQL_UP = [
  'CREATE TABLE `reception_days` (`id` varchar(36) NOT NULL, `leaderId` varchar(36) NOT NULL, `startAt` datetime(3) NOT NULL, `endAt` datetime(3) NOT NULL, `roomId` varchar(36) NULL, `roomBooked` tinyint NOT NULL DEFAULT 0, `status` varchar(12) NOT NULL, `proposedCaseIds` text NOT NULL, `received` text NOT NULL, `note` text NULL, `cancelReason` text NULL, `heldAt` datetime(3) NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `version` int NOT NULL, INDEX `idx_reception_days_start` (`startAt`), INDEX `idx_reception_days_leader_start` (`leaderId`, `startAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const SQLITE_UP = [
  'CREATE TABLE "reception_days" ("id" varchar(36) PRIMARY KEY NOT NULL, "leaderId" varchar(36) NOT NULL, "startAt" datetime(3) NOT NULL, "endAt" datetime(3) NOT NULL, "roomId" varchar(36), "roomBooked" boolean NOT NULL DEFAULT (0), "status" varchar(12) NOT NULL, "proposedCaseIds" text NOT NULL, "received" text NOT NULL, "note" text, "cancelReason" text, "heldAt" datetime(3), "createdBy" varchar(64) NOT NULL, "createdAt" datetime(3) NOT NULL, "updatedAt" datetime(3) NOT NULL, "version" integer NOT NULL)',
  'CREATE INDEX "idx_reception_days_start" ON "reception_days" ("startAt")',
  'CREATE INDEX "idx_reception_days_leader_start" ON "reception_days" ("leaderId", "startAt")',
];

export class ReceptionDays1764000000023 implements MigrationInterface {
  name = 'ReceptionDays1764000000023';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  /** Reception days' bookings live in `leader_bookings` under their ids: they go with the table. */
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DELETE FROM leader_bookings WHERE meetingId IN (SELECT id FROM reception_days)');
    if (await runner.hasTable('room_bookings')) await runner.query('DELETE FROM room_bookings WHERE meetingId IN (SELECT id FROM reception_days)');
    await runner.query('DROP TABLE reception_days');
  }
}
