import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14, replies (回执): each attendee's answer (PARTSTAT, when, how, the substitute sent, a remark),
 * and the IMAP messages already read (an iTIP REPLY is applied once however often the mailbox is polled).
 * Existing attendees start at NEEDS-ACTION.
 */
const MYSQL_UP = [
  "ALTER TABLE `meeting_attendees` ADD `partstat` varchar(16) NOT NULL DEFAULT 'NEEDS-ACTION', ADD `repliedAt` datetime(3) NULL, ADD `replyVia` varchar(12) NULL, ADD `substituteName` varchar(100) NULL, ADD `substitutePost` varchar(100) NULL, ADD `replyComment` text NULL",
  'CREATE TABLE `imap_processed_messages` (`messageKey` varchar(190) NOT NULL, `messageId` varchar(250) NULL, `outcome` varchar(12) NOT NULL, `reason` varchar(40) NULL, `processedAt` datetime(3) NOT NULL, INDEX `idx_imap_processed_message_id` (`messageId`), PRIMARY KEY (`messageKey`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci',
];

const MYSQL_DOWN = [
  'DROP TABLE `imap_processed_messages`',
  'ALTER TABLE `meeting_attendees` DROP COLUMN `replyComment`, DROP COLUMN `substitutePost`, DROP COLUMN `substituteName`, DROP COLUMN `replyVia`, DROP COLUMN `repliedAt`, DROP COLUMN `partstat`',
];

const SQLITE_UP = [
  'ALTER TABLE "meeting_attendees" ADD COLUMN "partstat" varchar(16) NOT NULL DEFAULT (\'NEEDS-ACTION\')',
  'ALTER TABLE "meeting_attendees" ADD COLUMN "repliedAt" datetime(3)',
  'ALTER TABLE "meeting_attendees" ADD COLUMN "replyVia" varchar(12)',
  'ALTER TABLE "meeting_attendees" ADD COLUMN "substituteName" varchar(100)',
  'ALTER TABLE "meeting_attendees" ADD COLUMN "substitutePost" varchar(100)',
  'ALTER TABLE "meeting_attendees" ADD COLUMN "replyComment" text',
  'CREATE TABLE "imap_processed_messages" ("messageKey" varchar(190) PRIMARY KEY NOT NULL, "messageId" varchar(250), "outcome" varchar(12) NOT NULL, "reason" varchar(40), "processedAt" datetime(3) NOT NULL)',
  'CREATE INDEX "idx_imap_processed_message_id" ON "imap_processed_messages" ("messageId")',
];

const SQLITE_DOWN = [
  'DROP TABLE "imap_processed_messages"',
  ...['replyComment', 'substitutePost', 'substituteName', 'replyVia', 'repliedAt', 'partstat'].map((c) => `ALTER TABLE "meeting_attendees" DROP COLUMN "${c}"`),
];

export class MeetingReplies1764000000021 implements MigrationInterface {
  name = 'MeetingReplies1764000000021';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_DOWN : MYSQL_DOWN;
    for (const sql of statements) await runner.query(sql);
  }
}
