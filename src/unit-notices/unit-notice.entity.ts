import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { HandOverKind } from '../cases/case-hand-overs.port.js';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';
import type { LetterKind } from '../domain/letter-kinds.js';

export const UNIT_NOTICE_STATUSES = ['queued', 'sent', 'no-address', 'failed'] as const;
export type UnitNoticeStatus = (typeof UNIT_NOTICE_STATUSES)[number];

/**
 * The notice a handling unit gets at a hand-over (route, transfer, an extension decided, an urge, a
 * re-supervision): one per timeline event, written in the transaction of the change, mailed by the
 * `unit-notice` job with the fitting letter (.docx) and a unit link. `lastError` never holds personal data.
 */
@Entity('unit_notices')
@Index('idx_unit_notices_case', ['caseId', 'createdAt'])
@Index('idx_unit_notices_event', ['eventId'], { unique: true })
export class UnitNotice {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  /** The timeline event of the hand-over: one notice per event. */
  @Column({ type: 'varchar', length: UUID_LENGTH })
  eventId!: string;

  @Column({ type: 'varchar', length: 24 })
  kind!: HandOverKind;

  @Column({ type: 'varchar', length: 32 })
  unitCode!: string;

  /** The unit's e-mail address when the notice was made; null: the unit has none (status no-address). */
  @Column({ type: 'varchar', length: 200, nullable: true })
  recipient!: string | null;

  @Column({ type: 'varchar', length: 24, nullable: true })
  letterKind!: LetterKind | null;

  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  letterAttachmentId!: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  letterNumber!: string | null;

  /** The unit link sent with the notice (the last one issued when the mail was retried). */
  @Column({ type: 'varchar', length: UUID_LENGTH, nullable: true })
  linkId!: string | null;

  @Column({ type: 'varchar', length: 12 })
  status!: UnitNoticeStatus;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ type: 'varchar', length: 300, nullable: true })
  lastError!: string | null;

  @DateTimeColumn({ nullable: true })
  sentAt!: Date | null;

  @DateTimeColumn()
  createdAt!: Date;
}
