import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../../database/columns.js';

export const CALLBACK_RESULTS = ['satisfied', 'dissatisfied', 'unreachable'] as const;
export type CallbackResult = (typeof CALLBACK_RESULTS)[number];

/** 回头看: one closed, transferred case drawn for a callback to the petitioner in a review period. */
@Entity('lookback_reviews')
@Unique('uq_lookback_period_case', ['period', 'caseId'])
@Index('idx_lookback_period_unit', ['period', 'unitCode'])
export class LookbackReview {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  /** `YYYY-MM` of the review. */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @Column({ type: 'varchar', length: 20 })
  caseCode!: string;

  @Column({ type: 'varchar', length: 32 })
  unitCode!: string;

  /** Why it was drawn: `sample`, or `late` / `dissatisfied` (always reviewed). */
  @Column({ type: 'varchar', length: 16 })
  reason!: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  callbackResult!: CallbackResult | null;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  reviewedAt!: Date | null;
}
