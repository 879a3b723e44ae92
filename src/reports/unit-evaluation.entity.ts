import { Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import { DateTimeColumn, UUID_LENGTH } from '../database/columns.js';

/** 考评等次: 优秀, 良好, 合格, 不合格. */
export const EVALUATION_GRADES = ['excellent', 'good', 'pass', 'fail'] as const;
export type EvaluationGrade = (typeof EVALUATION_GRADES)[number];

/**
 * The 信访局's evaluation result (考评结果) of one handling unit for one period: a grade, optionally a
 * score 0–100, the body that evaluated and a remark. One per unit and period; recording it again
 * replaces it (audited with the previous values).
 */
@Entity('unit_evaluations')
@Unique('uq_unit_evaluations_unit_period', ['unitId', 'period'])
@Index('idx_unit_evaluations_period', ['period'])
export class UnitEvaluation {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  unitId!: string;

  /** `2026`, `2026-H2`, `2026-Q4`, `2026-11` (unit-evaluation-period.ts). */
  @Column({ type: 'varchar', length: 7 })
  period!: string;

  @Column({ type: 'varchar', length: 12 })
  grade!: EvaluationGrade;

  /** 0–100, when the body scores; within the grade's range. */
  @Column({ type: 'int', nullable: true })
  score!: number | null;

  @Column({ type: 'text', nullable: true })
  remark!: string | null;

  /** The body that evaluated (e.g. 市信访局). */
  @Column({ type: 'varchar', length: 100 })
  evaluatedBy!: string;

  /** The user who recorded it. */
  @Column({ type: 'varchar', length: UUID_LENGTH })
  recordedBy!: string;

  @Column({ type: 'varchar', length: 50 })
  recordedByName!: string;

  @DateTimeColumn()
  recordedAt!: Date;
}
