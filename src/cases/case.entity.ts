import { Column, Entity, Index, PrimaryColumn, VersionColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { CaseStatus, Category, Channel, Feedback, Grade, HandlingMode, MeetingType } from '../domain/case-vocabulary.js';
import type { Evaluation } from '../rules/evaluation.types.js';

/** A new (or imported) case's unit-loop fields: no sign deadline, not signed, no extension requested. */
export const NO_UNIT_LOOP = {
  signDueAt: null,
  signedAt: null,
  signedOnTime: null,
  extensionRequestedAt: null,
  extensionRequestedDays: null,
  extensionRequestReason: null,
  openQuestionAt: null,
} as const satisfies Partial<Record<string, null>>;

/**
 * A petition case (信访事项): one letter, visit, online or phone petition.
 * `dueAt` is the deadline currently running (acceptance, then reply); overdue is derived
 * from it and the clock, never stored.
 */
@Entity('cases')
@Index('idx_cases_status_due', ['status', 'dueAt'])
@Index('idx_cases_due', ['dueAt', 'code'])
@Index('idx_cases_grade_due', ['grade', 'dueAt', 'code'])
@Index('idx_cases_status_category_due', ['status', 'category', 'dueAt', 'code'])
@Index('idx_cases_handled_status_due', ['routeHandledBy', 'status', 'dueAt', 'code'])
@Index('idx_cases_category_region_received_status', ['category', 'region', 'receivedAt', 'status'])
@Index('idx_cases_handled_due', ['routeHandledBy', 'dueAt'])
@Index('idx_cases_received_figures', ['receivedAt', 'category', 'region', 'channel', 'grade', 'status', 'routeHandledBy', 'routeMode', 'headcount', 'acceptedAt', 'earlyWarning'])
@Index('idx_cases_accepted', ['acceptedAt'])
@Index('idx_cases_closed', ['closedAt'])
@Index('idx_cases_replied_figures', ['repliedAt', 'repliedOnTime', 'feedback'])
@Index('idx_cases_id_hash', ['petitionerIdHash'])
@Index('idx_cases_phone_hash', ['petitionerPhoneHash'])
@Index('idx_cases_lead_leader', ['leadLeaderId'])
@Index('idx_cases_updated', ['updatedAt'])
@Index('idx_cases_reported_by_deputy', ['reportedByDeputyId'])
export class PetitionCase {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  /** `XF-2026-000123`: gap-free per year. */
  @Column({ type: 'varchar', length: 20, unique: true })
  code!: string;

  @Column({ type: 'varchar', length: 12 })
  channel!: Channel;

  @DateTimeColumn()
  receivedAt!: Date;

  @DateTimeColumn()
  registeredAt!: Date;

  @Column({ type: 'varchar', length: 16 })
  status!: CaseStatus;

  @Column({ type: 'varchar', length: 24 })
  grade!: Grade;

  // Petitioner. Name in clear (masked outside the secretariat); ID number, phone and address encrypted.
  @Column({ type: 'varchar', length: 100 })
  petitionerName!: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  petitionerOrganisation!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  petitionerIdCipher!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  petitionerIdHash!: string | null;

  @Column({ type: 'varchar', length: 255, nullable: true })
  petitionerPhoneCipher!: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  petitionerPhoneHash!: string | null;

  @Column({ type: 'text', nullable: true })
  petitionerAddressCipher!: string | null;

  @Column({ type: 'int' })
  headcount!: number;

  @Column({ type: 'varchar', length: 200 })
  subject!: string;

  @Column({ type: 'text' })
  content!: string;

  @Column({ type: 'varchar', length: 32 })
  category!: Category;

  @Column({ type: 'varchar', length: 50 })
  region!: string;

  @Column({ type: 'simple-json' })
  unitsInvolved!: string[];

  @Column({ type: 'boolean', default: false })
  deputyReported!: boolean;

  /** The deputy who reported the case (代表反映), set at intake only; never invited to judge it. */
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  reportedByDeputyId!: string | null;

  @Column({ type: 'boolean', default: false })
  important!: boolean;

  @Column({ type: 'boolean', default: false })
  provincialReferral!: boolean;

  @Column({ type: 'boolean', default: false })
  leaderInstructed!: boolean;

  @Column({ type: 'simple-json' })
  relatedCaseIds!: string[];

  @Column({ type: 'int', default: 0 })
  repeatCount!: number;

  @Column({ type: 'int', default: 0 })
  similarOpenCases!: number;

  /** A related earlier case ended with a dissatisfied petitioner (a derived fact the rules read). */
  @Column({ type: 'boolean', default: false })
  relatedDissatisfied!: boolean;

  // Routing proposed by the rules at intake, then confirmed/changed by route/transfer actions.
  @Column({ type: 'varchar', length: 32 })
  routeCommittee!: string;

  @Column({ type: 'varchar', length: 32 })
  routeHandledBy!: string;

  @Column({ type: 'varchar', length: 12 })
  routeMode!: HandlingMode;

  @Column({ type: 'varchar', length: 16, nullable: true })
  meetingType!: MeetingType | null;

  @Column({ type: 'simple-json' })
  flags!: string[];

  /**
   * `flags` holds `early-warning`: kept by database triggers (migration 1764000000018) for the report
   * indexes, never written by the service; read it only in report queries.
   */
  @Column({ type: 'boolean', default: false, insert: false, update: false, select: false })
  earlyWarning?: boolean;

  @Column({ type: 'int' })
  ruleSetVersion!: number;

  @Column({ type: 'simple-json' })
  evaluation!: Evaluation;

  // Deadlines. `dueAt` mirrors the one currently running, for the ledger and the sweep.
  @DateTimeColumn()
  acceptDueAt!: Date;

  @DateTimeColumn({ nullable: true })
  replyDueAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  dueAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  reportRequired!: boolean;

  @Column({ type: 'boolean', default: false })
  extensionUsed!: boolean;

  @Column({ type: 'int', default: 0 })
  resupervisionCount!: number;

  @DateTimeColumn({ nullable: true })
  acceptedAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  routedAt!: Date | null;

  /** 签收期限: the handling unit signs for the case within `signDays` working days of routing (null: routed before the sign existed, or not routed). */
  @DateTimeColumn({ nullable: true })
  signDueAt!: Date | null;

  /** 签收: when the handling unit (or the secretariat for it) signed for the case. */
  @DateTimeColumn({ nullable: true })
  signedAt!: Date | null;

  @Column({ type: 'boolean', nullable: true })
  signedOnTime!: boolean | null;

  /** The unit's pending extension request (申请延期), cleared when the secretariat decides it. */
  @DateTimeColumn({ nullable: true })
  extensionRequestedAt!: Date | null;

  @Column({ type: 'int', nullable: true })
  extensionRequestedDays!: number | null;

  @Column({ type: 'text', nullable: true })
  extensionRequestReason!: string | null;

  /** 提问: when the unit asked the question the office has not answered yet (cleared by 答复问题). */
  @DateTimeColumn({ nullable: true })
  openQuestionAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  repliedAt!: Date | null;

  @Column({ type: 'boolean', default: false })
  repliedOnTime!: boolean;

  @Column({ type: 'varchar', length: 16, nullable: true })
  feedback!: Feedback | null;

  @DateTimeColumn({ nullable: true })
  feedbackAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  closedAt!: Date | null;

  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  leadLeaderId!: string | null;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn()
  updatedAt!: Date;

  @VersionColumn()
  version!: number;
}
