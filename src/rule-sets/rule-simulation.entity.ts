import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { DateTimeColumn, LargeJsonColumn, UUID_LENGTH } from '../database/columns.js';

export type SimulationRunStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
export const FINISHED_RUN_STATUSES: readonly SimulationRunStatus[] = ['done', 'failed', 'cancelled'];

/** Which stored cases a run reads (as `POST /rules/sets/:id/simulate`'s `scope`, dates as ISO strings). */
export interface StoredSimulationScope {
  statuses?: string[];
  category?: string;
  receivedFrom?: string;
  receivedTo?: string;
}

export interface MatrixCell {
  from: string;
  to: string;
  count: number;
}

export interface SimulationMatrices {
  grade: MatrixCell[];
  route: MatrixCell[];
  meeting: MatrixCell[];
}

/** What a finished (or cancelled: partial) run found. */
export interface StoredSimulationReport {
  scanned: number;
  changed: number;
  grades: { before: Record<string, number>; after: Record<string, number> };
  matrix: SimulationMatrices;
}

/** One 试运行作业: a rule set simulated over the stored cases by the `simulate-rule-set` job. */
@Entity('rule_simulations')
@Index('idx_rule_simulations_set', ['ruleSetId', 'createdAt'])
@Index('idx_rule_simulations_status', ['status'])
export class RuleSimulation {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  id!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  ruleSetId!: string;

  /** The simulated set's version. */
  @Column({ type: 'int' })
  version!: number;

  /** The version in force it is compared with (read again when the run starts). */
  @Column({ type: 'int' })
  activeVersion!: number;

  @Column({ type: 'simple-json' })
  scope!: StoredSimulationScope;

  @Column({ type: 'varchar', length: 12 })
  status!: SimulationRunStatus;

  @Column({ type: 'int', default: 0 })
  scanned!: number;

  /** Cases in scope, counted when the run starts. */
  @Column({ type: 'int', default: 0 })
  total!: number;

  @Column({ type: 'boolean', default: false })
  cancelRequested!: boolean;

  @LargeJsonColumn({ nullable: true })
  report!: StoredSimulationReport | null;

  /** A sentence for the admin when the run failed. */
  @Column({ type: 'varchar', length: 1000, nullable: true })
  error!: string | null;

  @Column({ type: 'varchar', length: 64 })
  createdBy!: string;

  @DateTimeColumn()
  createdAt!: Date;

  @DateTimeColumn({ nullable: true })
  startedAt!: Date | null;

  @DateTimeColumn({ nullable: true })
  finishedAt!: Date | null;
}

export type SimulationDimension = 'grade' | 'route' | 'meeting';
export const SIMULATION_DIMENSIONS: readonly SimulationDimension[] = ['grade', 'route', 'meeting'];

/** Before and after of one case, as kept for a matrix cell (`meetingType` null: no meeting). */
export interface StoredOutcomes {
  before: { grade: string; route: string; meetingType: string | null };
  after: { grade: string; route: string; meetingType: string | null };
}

/** A case behind a changed matrix cell (at most 1,000 per cell; unchanged cells keep none). */
@Entity('rule_simulation_cases')
@Index('idx_rule_simulation_cases_cell', ['runId', 'dimension', 'fromValue', 'toValue', 'seq'])
export class RuleSimulationCase {
  @PrimaryColumn({ type: 'varchar', length: UUID_LENGTH })
  runId!: string;

  @PrimaryColumn({ type: 'int' })
  seq!: number;

  @Column({ type: 'varchar', length: 8 })
  dimension!: SimulationDimension;

  @Column({ type: 'varchar', length: 200 })
  fromValue!: string;

  @Column({ type: 'varchar', length: 200 })
  toValue!: string;

  @Column({ type: 'varchar', length: UUID_LENGTH })
  caseId!: string;

  @Column({ type: 'varchar', length: 32 })
  code!: string;

  @Column({ type: 'simple-json' })
  outcomes!: StoredOutcomes;
}
