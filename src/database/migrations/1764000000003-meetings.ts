import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Meetings, their attendees, agendas and outcomes, and leaders' bookings (no double-booking, enforced by the key). */
const MYSQL_UP = [
  "CREATE TABLE `meeting_agenda_items` (`id` varchar(36) NOT NULL, `meetingId` varchar(36) NOT NULL, `position` int NOT NULL, `caseId` varchar(36) NOT NULL, `caseCode` varchar(20) NOT NULL, `leadLeaderId` varchar(36) NULL, `presenterUnit` varchar(32) NOT NULL, `minutes` int NOT NULL, INDEX `idx_agenda_case` (`caseId`), INDEX `idx_agenda_meeting_position` (`meetingId`, `position`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  "CREATE TABLE `leader_bookings` (`leaderId` varchar(36) NOT NULL, `slotStart` datetime(3) NOT NULL, `meetingId` varchar(36) NOT NULL, INDEX `idx_bookings_meeting` (`meetingId`), PRIMARY KEY (`leaderId`, `slotStart`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  "CREATE TABLE `meeting_attendees` (`id` varchar(36) NOT NULL, `meetingId` varchar(36) NOT NULL, `kind` varchar(8) NOT NULL, `refId` varchar(36) NOT NULL, `name` varchar(100) NOT NULL, `email` varchar(200) NULL, `role` varchar(12) NOT NULL, `active` tinyint NOT NULL DEFAULT 1, INDEX `idx_attendees_ref` (`kind`, `refId`), INDEX `idx_attendees_meeting` (`meetingId`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  "CREATE TABLE `meeting_outcomes` (`id` varchar(36) NOT NULL, `meetingId` varchar(36) NOT NULL, `caseId` varchar(36) NOT NULL, `decision` text NOT NULL, `requirements` text NULL, `dueAt` datetime(3) NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_outcomes_meeting` (`meetingId`), INDEX `idx_outcomes_case` (`caseId`, `createdAt`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
  "CREATE TABLE `meetings` (`id` varchar(36) NOT NULL, `type` varchar(16) NOT NULL, `title` varchar(200) NOT NULL, `startAt` datetime(3) NOT NULL, `endAt` datetime(3) NOT NULL, `location` varchar(100) NOT NULL, `chairId` varchar(36) NOT NULL, `status` varchar(12) NOT NULL, `sequence` int NOT NULL DEFAULT '0', `uid` varchar(120) NOT NULL, `planId` varchar(36) NULL, `cancelReason` text NULL, `createdBy` varchar(64) NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `version` int NOT NULL, INDEX `idx_meetings_status_start` (`status`, `startAt`), INDEX `idx_meetings_start` (`startAt`), UNIQUE INDEX `IDX_6469149c9fc3783af7d79b807d` (`uid`), PRIMARY KEY (`id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci",
];

const SQLITE_UP = [
  "CREATE TABLE \"meeting_agenda_items\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meetingId\" varchar(36) NOT NULL, \"position\" integer NOT NULL, \"caseId\" varchar(36) NOT NULL, \"caseCode\" varchar(20) NOT NULL, \"leadLeaderId\" varchar(36), \"presenterUnit\" varchar(32) NOT NULL, \"minutes\" integer NOT NULL)",
  "CREATE INDEX \"idx_agenda_case\" ON \"meeting_agenda_items\" (\"caseId\")",
  "CREATE INDEX \"idx_agenda_meeting_position\" ON \"meeting_agenda_items\" (\"meetingId\", \"position\")",
  "CREATE TABLE \"leader_bookings\" (\"leaderId\" varchar(36) NOT NULL, \"slotStart\" datetime(3) NOT NULL, \"meetingId\" varchar(36) NOT NULL, PRIMARY KEY (\"leaderId\", \"slotStart\"))",
  "CREATE INDEX \"idx_bookings_meeting\" ON \"leader_bookings\" (\"meetingId\")",
  "CREATE TABLE \"meeting_attendees\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meetingId\" varchar(36) NOT NULL, \"kind\" varchar(8) NOT NULL, \"refId\" varchar(36) NOT NULL, \"name\" varchar(100) NOT NULL, \"email\" varchar(200), \"role\" varchar(12) NOT NULL, \"active\" boolean NOT NULL DEFAULT (1))",
  "CREATE INDEX \"idx_attendees_ref\" ON \"meeting_attendees\" (\"kind\", \"refId\")",
  "CREATE INDEX \"idx_attendees_meeting\" ON \"meeting_attendees\" (\"meetingId\")",
  "CREATE TABLE \"meeting_outcomes\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"meetingId\" varchar(36) NOT NULL, \"caseId\" varchar(36) NOT NULL, \"decision\" text NOT NULL, \"requirements\" text, \"dueAt\" datetime(3), \"createdBy\" varchar(64) NOT NULL, \"createdAt\" datetime(3) NOT NULL)",
  "CREATE INDEX \"idx_outcomes_meeting\" ON \"meeting_outcomes\" (\"meetingId\")",
  "CREATE INDEX \"idx_outcomes_case\" ON \"meeting_outcomes\" (\"caseId\", \"createdAt\")",
  "CREATE TABLE \"meetings\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"type\" varchar(16) NOT NULL, \"title\" varchar(200) NOT NULL, \"startAt\" datetime(3) NOT NULL, \"endAt\" datetime(3) NOT NULL, \"location\" varchar(100) NOT NULL, \"chairId\" varchar(36) NOT NULL, \"status\" varchar(12) NOT NULL, \"sequence\" integer NOT NULL DEFAULT (0), \"uid\" varchar(120) NOT NULL, \"planId\" varchar(36), \"cancelReason\" text, \"createdBy\" varchar(64) NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL, \"version\" integer NOT NULL, CONSTRAINT \"UQ_6469149c9fc3783af7d79b807d9\" UNIQUE (\"uid\"))",
  "CREATE INDEX \"idx_meetings_status_start\" ON \"meetings\" (\"status\", \"startAt\")",
  "CREATE INDEX \"idx_meetings_start\" ON \"meetings\" (\"startAt\")",
];

export class Meetings1764000000003 implements MigrationInterface {
  name = 'Meetings1764000000003';

  async up(runner: QueryRunner): Promise<void> {
    const statements = runner.connection.options.type === 'better-sqlite3' ? SQLITE_UP : MYSQL_UP;
    for (const sql of statements) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['leader_bookings', 'meeting_outcomes', 'meeting_agenda_items', 'meeting_attendees', 'meetings']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
