import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

export const CONVERSION_KINDS = ['legislative-suggestion', 'supervision-topic', 'deputy-motion', 'department-opinion'] as const;
export type ConversionKind = (typeof CONVERSION_KINDS)[number];

/**
 * 四个转化: a case (or a cluster of cases) turned into a legislative suggestion, a supervision topic,
 * a deputy's motion or suggestion, or an opinion on a department's performance.
 */
@Entity('case_conversions')
@Index('idx_conversions_case', ['caseId'])
@Index('idx_conversions_kind_created', ['kind', 'createdAt'])
export class CaseConversion {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  /** Other cases of the same cluster that this conversion also answers. */
  @Column({ type: 'simple-json' })
  relatedCaseIds!: string[];

  @Column({ type: 'varchar', length: 32 })
  kind!: ConversionKind;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;
}
