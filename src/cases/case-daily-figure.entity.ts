import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The daily roll-up of the report figures over the cases received on one office day (`day`, `yyyy-MM-dd`
 * in the office time zone), per dimension: `all` (k1 = k2 = ''), `channel`, `category`, `grade`, `region`,
 * `routeHandledBy`, `status` (value in k1) and `category-region` (category in k1, region in k2).
 * Kept by `CaseDailyFigures` (job `case-daily-figures`); a day is exact when none of its cases changed after
 * the watermark in job_state, otherwise the reports read that day live (docs/reports.md).
 */
@Entity('case_daily_figures')
export class CaseDailyFigure {
  @PrimaryColumn({ type: 'varchar', length: 16 })
  dimension!: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  day!: string;

  @PrimaryColumn({ type: 'varchar', length: 32 })
  k1!: string;

  @PrimaryColumn({ type: 'varchar', length: 50 })
  k2!: string;

  @Column({ type: 'int' })
  received!: number;

  @Column({ type: 'int' })
  accepted!: number;

  @Column({ type: 'int' })
  rejected!: number;

  /** Group petitions (headcount ≥ 5). */
  @Column({ type: 'int' })
  grp!: number;

  @Column({ type: 'int' })
  supervised!: number;

  @Column({ type: 'int' })
  open!: number;

  /** Open and flagged early-warning. */
  @Column({ type: 'int' })
  earlyWarningOpen!: number;
}
