import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Invite deliveries (one per meeting/attendee/sequence/method) and leaders' feed tokens (hashed). */
const MYSQL_UP = [
  "CREATE TABLE `feed_tokens` (`tokenHash` varchar(64) NOT NULL, `leaderId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, `revokedAt` datetime(3) NULL, INDEX `idx_feed_tokens_leader` (`leaderId`), PRIMARY KEY (`tokenHash`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  "CREATE TABLE `invite_deliveries` (`id` varchar(36) NOT NULL, `meetingId` varchar(36) NOT NULL, `attendeeId` varchar(36) NOT NULL, `attendeeKind` varchar(8) NOT NULL, `attendeeRef` varchar(36) NOT NULL, `recipientName` varchar(100) NOT NULL, `email` varchar(200) NULL, `sequence` int NOT NULL, `method` varchar(8) NOT NULL, `status` varchar(12) NOT NULL, `attempts` int NOT NULL DEFAULT '0', `lastError` text NULL, `createdAt` datetime(3) NOT NULL, `sentAt` datetime(3) NULL, INDEX `idx_delivery_meeting` (`meetingId`, `createdAt`), UNIQUE INDEX `uq_delivery_attendee_sequence` (`meetingId`, `attendeeId`, `sequence`, `method`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  "CREATE TABLE \"feed_tokens\" (\"tokenHash\" varchar(64) PRIMARY KEY NOT NULL, \"leaderId\" varchar(36) NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"revokedAt\" datetime(3))",
  "CREATE INDEX \"idx_feed_tokens_leader\" ON \"feed_tokens\" (\"leaderId\")",
  "CREATE TABLE \"invite_deliveries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meetingId\" varchar(36) NOT NULL, \"attendeeId\" varchar(36) NOT NULL, \"attendeeKind\" varchar(8) NOT NULL, \"attendeeRef\" varchar(36) NOT NULL, \"recipientName\" varchar(100) NOT NULL, \"email\" varchar(200), \"sequence\" integer NOT NULL, \"method\" varchar(8) NOT NULL, \"status\" varchar(12) NOT NULL, \"attempts\" integer NOT NULL DEFAULT (0), \"lastError\" text, \"createdAt\" datetime(3) NOT NULL, \"sentAt\" datetime(3), CONSTRAINT \"uq_delivery_attendee_sequence\" UNIQUE (\"meetingId\", \"attendeeId\", \"sequence\", \"method\"))",
  "CREATE INDEX \"idx_delivery_meeting\" ON \"invite_deliveries\" (\"meetingId\", \"createdAt\")",
];

export class Invites1764000000005 implements MigrationInterface {
  name = 'Invites1764000000005';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE invite_deliveries');
    await runner.query('DROP TABLE feed_tokens');
  }
}
