import { AuthSession } from './auth/sessions/auth-session.entity.js';
import { User } from './auth/user.entity.js';
import { CaseCounter } from './cases/case-counter.entity.js';
import { CaseEvent } from './cases/case-event.entity.js';
import { CaseNotice } from './cases/case-notice.entity.js';
import { PetitionCase } from './cases/case.entity.js';
import { CaseDailyFigure } from './cases/case-daily-figure.entity.js';
import { IdempotencyKey } from './cases/idempotency-key.entity.js';
import { Deputy } from './directory/deputy.entity.js';
import { Room } from './directory/room.entity.js';
import { LeaderBusyBlock } from './directory/leader-busy-block.entity.js';
import { Leader } from './directory/leader.entity.js';
import { Unit } from './directory/unit.entity.js';
import { OutboxJob } from './jobs/outbox-job.entity.js';
import { JobState } from './jobs/job-state.entity.js';
import { AuditEntry } from './audit/audit-entry.entity.js';
import { RuleSet } from './rule-sets/rule-set.entity.js';
import { RuleSetActivation } from './rule-sets/rule-set-activation.entity.js';
import { RuleSimulation, RuleSimulationCase } from './rule-sets/rule-simulation.entity.js';
import { AgendaItem } from './meetings/agenda-item.entity.js';
import { LeaderBooking } from './meetings/leader-booking.entity.js';
import { DeputyBooking } from './meetings/deputy-booking.entity.js';
import { RoomBooking } from './meetings/room-booking.entity.js';
import { MeetingAttendee } from './meetings/meeting-attendee.entity.js';
import { MeetingOutcome } from './meetings/meeting-outcome.entity.js';
import { MeetingMinutes, MinutesAttendance, MinutesCounter } from './meetings/minutes/minutes.entity.js';
import { Meeting } from './meetings/meeting.entity.js';
import { LookbackReview } from './meetings/lookback/lookback-review.entity.js';
import { ReceptionDay } from './meetings/reception/reception-day.entity.js';
import { FeedToken } from './calendar/feed-token.entity.js';
import { CaseConversion } from './cases/case-conversion.entity.js';
import { InviteDelivery } from './calendar/invite-delivery.entity.js';
import { ImapProcessedMessage } from './calendar/itip/imap-processed-message.entity.js';
import { BackupRun } from './backup/backup-run.entity.js';
import { OfficeSettingsActivation, OfficeSettingsVersion } from './settings/office-settings.entity.js';
import { UnitLink } from './unit-links/unit-link.entity.js';
import { CaseAttachment } from './attachments/attachment.entity.js';
import { UnitEvaluation } from './reports/unit-evaluation.entity.js';
import { LedgerImport, LedgerImportChunk, LedgerImportCounter, LedgerImportRow } from './ledger-import/ledger-import.entity.js';
import { CaseLetter, LetterCounter, LetterTemplate } from './letters/letter.entity.js';
import { UnitNotice } from './unit-notices/unit-notice.entity.js';

/** Every entity, listed explicitly (no globs: they break under ESM and Jest). */
export const ENTITIES = [
  User,
  AuthSession,
  Unit,
  Leader,
  LeaderBusyBlock,
  Deputy,
  Room,
  PetitionCase,
  CaseDailyFigure,
  CaseEvent,
  CaseCounter,
  IdempotencyKey,
  CaseNotice,
  OutboxJob,
  JobState,
  RuleSet,
  RuleSetActivation,
  RuleSimulation,
  RuleSimulationCase,
  AuditEntry,
  Meeting,
  MeetingAttendee,
  AgendaItem,
  MeetingOutcome,
  MeetingMinutes,
  MinutesAttendance,
  MinutesCounter,
  LeaderBooking,
  DeputyBooking,
  RoomBooking,
  LookbackReview,
  ReceptionDay,
  InviteDelivery,
  ImapProcessedMessage,
  FeedToken,
  CaseConversion,
  BackupRun,
  OfficeSettingsVersion,
  OfficeSettingsActivation,
  UnitLink,
  CaseAttachment,
  LetterTemplate,
  CaseLetter,
  LetterCounter,
  UnitNotice,
  UnitEvaluation,
  LedgerImport,
  LedgerImportChunk,
  LedgerImportRow,
  LedgerImportCounter,
];
