import type { MigrationInterface } from 'typeorm';
import { Init1764000000000 } from './1764000000000-init.js';
import { AppendOnlyTimeline1764000000001 } from './1764000000001-append-only-timeline.js';
import { RuleSetsAndAudit1764000000002 } from './1764000000002-rule-sets-and-audit.js';
import { Meetings1764000000003 } from './1764000000003-meetings.js';
import { Lookback1764000000004 } from './1764000000004-lookback.js';
import { Invites1764000000005 } from './1764000000005-invites.js';
import { Conversions1764000000006 } from './1764000000006-conversions.js';
import { ClusterCountIndex1764000000007 } from './1764000000007-cluster-count-index.js';
import { AuthSessions1764000000010 } from './1764000000010-auth-sessions.js';
import { ExactBookings1764000000011 } from './1764000000011-exact-bookings.js';
import { BackupRuns1764000000012 } from './1764000000012-backup-runs.js';
import { RuleSetActivations1764000000013 } from './1764000000013-rule-set-activations.js';
import { RuleSimulations1764000000014 } from './1764000000014-rule-simulations.js';
import { OfficeSettings1764000000015 } from './1764000000015-office-settings.js';
import { DirectoryRooms1764000000016 } from './1764000000016-directory-rooms.js';
import { ReportIndexes1764000000017 } from './1764000000017-report-indexes.js';
import { EarlyWarningColumn1764000000018 } from './1764000000018-early-warning-column.js';
import { CaseDailyFigures1764000000019 } from './1764000000019-case-daily-figures.js';
import { MeetingRooms1764000000020 } from './1764000000020-meeting-rooms.js';
import { MeetingMinutes1764000000022 } from './1764000000022-meeting-minutes.js';
import { MeetingReplies1764000000021 } from './1764000000021-meeting-replies.js';
import { DeputiesInTheLoop1764000000024 } from './1764000000024-deputies-in-the-loop.js';
import { ReceptionDays1764000000023 } from './1764000000023-reception-days.js';
import { UnitLinks1764000000029 } from './1764000000029-unit-links.js';
import { CaseAttachments1764000000026 } from './1764000000026-case-attachments.js';
import { UnitEvaluations1764000000031 } from './1764000000031-unit-evaluations.js';
import { CaseEventsActionAt1764000000032 } from './1764000000032-case-events-action-at.js';
import { UnitAccounts1764000000025 } from './1764000000025-unit-accounts.js';

import { LedgerImport1764000000030 } from './1764000000030-ledger-import.js';
import { Letters1764000000027 } from './1764000000027-letters.js';
import { UnitNotices1764000000028 } from './1764000000028-unit-notices.js';

type MigrationClass = new () => MigrationInterface;

/** Every migration in order. Each is reviewed SQL for MySQL/MariaDB and SQLite. */
export const MIGRATIONS: MigrationClass[] = [Init1764000000000, AppendOnlyTimeline1764000000001, RuleSetsAndAudit1764000000002, Meetings1764000000003, Lookback1764000000004, Invites1764000000005, Conversions1764000000006, ClusterCountIndex1764000000007, AuthSessions1764000000010, ExactBookings1764000000011, BackupRuns1764000000012, RuleSetActivations1764000000013, RuleSimulations1764000000014, OfficeSettings1764000000015, DirectoryRooms1764000000016, ReportIndexes1764000000017, EarlyWarningColumn1764000000018, CaseDailyFigures1764000000019, MeetingRooms1764000000020, MeetingReplies1764000000021, MeetingMinutes1764000000022, ReceptionDays1764000000023, DeputiesInTheLoop1764000000024, UnitAccounts1764000000025, CaseAttachments1764000000026, Letters1764000000027, UnitNotices1764000000028, UnitLinks1764000000029, LedgerImport1764000000030, UnitEvaluations1764000000031, CaseEventsActionAt1764000000032];
