import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In, Not, type Repository } from 'typeorm';
import { BulkInsert } from '../database/bulk-insert.js';
import { asRow } from '../database/rows.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { FINISHED_RUN_STATUSES, RuleSimulation, RuleSimulationCase, type SimulationDimension, type StoredSimulationReport } from './rule-simulation.entity.js';

const ACTIVE_STATUSES = ['queued', 'running'] as const;

/** SQL of 试运行作业: the runs and the cases kept behind their matrices' changed cells. */
@Injectable()
export class SimulationRunRepository {
  private readonly insertCases: BulkInsert<RuleSimulationCase>;

  constructor(
    @InjectRepository(RuleSimulation) private readonly runs: Repository<RuleSimulation>,
    @InjectRepository(RuleSimulationCase) private readonly cases: Repository<RuleSimulationCase>,
    @InjectDataSource() dataSource: DataSource,
    private readonly tx: TransactionRunner,
  ) {
    this.insertCases = new BulkInsert(dataSource, RuleSimulationCase);
  }

  findById(id: string): Promise<RuleSimulation | null> {
    return this.runs.findOneBy({ id });
  }

  /** Queued and running runs of the whole installation (every instance), except those asked to stop. */
  countActive(em: EntityManager): Promise<number> {
    return em.countBy(RuleSimulation, { status: In([...ACTIVE_STATUSES]), cancelRequested: false });
  }

  async insert(em: EntityManager, run: RuleSimulation): Promise<void> {
    await em.insert(RuleSimulation, asRow(run));
  }

  /** Deletes the finished runs of a rule set beyond the newest `keep`, with their cases. */
  async prune(em: EntityManager, ruleSetId: string, keep: number): Promise<number> {
    const finished = await em.find(RuleSimulation, {
      select: { id: true },
      where: { ruleSetId, status: In([...FINISHED_RUN_STATUSES]) },
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: keep,
      take: 1000,
    });
    const ids = finished.map((r) => r.id);
    if (!ids.length) return 0;
    await em.delete(RuleSimulationCase, { runId: In(ids) });
    await em.delete(RuleSimulation, { id: In(ids) });
    return ids.length;
  }

  /** queued → running (or a re-claimed run starts over): clears what a crashed attempt left. False when it was cancelled or finished. */
  start(id: string, activeVersion: number, now: Date): Promise<boolean> {
    return this.tx.run(async (em) => {
      const result = await em.update(
        RuleSimulation,
        { id, status: In([...ACTIVE_STATUSES]), cancelRequested: false },
        { status: 'running', activeVersion, scanned: 0, total: 0, startedAt: now, report: null, error: null },
      );
      if (!result.affected) return false;
      await em.delete(RuleSimulationCase, { runId: id });
      return true;
    });
  }

  async setTotal(id: string, total: number): Promise<void> {
    await this.tx.run((em) => em.update(RuleSimulation, { id, status: 'running' }, { total }));
  }

  /** Records progress; true when an admin asked to cancel (or the run is no longer running). */
  progress(id: string, scanned: number): Promise<boolean> {
    return this.tx.run(async (em) => {
      const result = await em.update(RuleSimulation, { id, status: 'running', cancelRequested: false }, { scanned });
      return !result.affected;
    });
  }

  /** Ends a running run with its report (partial when cancelled) and the cases of its changed cells. */
  finish(
    id: string,
    outcome: { status: 'done' | 'cancelled'; scanned: number; report: StoredSimulationReport; cases: RuleSimulationCase[] } | { status: 'failed'; error: string },
    now: Date,
  ): Promise<boolean> {
    return this.tx.run(async (em) => {
      const changes: Partial<RuleSimulation> =
        outcome.status === 'failed'
          ? { status: 'failed', error: outcome.error.slice(0, 1000), finishedAt: now }
          : { status: outcome.status, scanned: outcome.scanned, report: outcome.report, finishedAt: now };
      const result = await em.update(RuleSimulation, { id, status: Not(In([...FINISHED_RUN_STATUSES])) }, asRow(changes as RuleSimulation));
      if (!result.affected) return false;
      if (outcome.status !== 'failed') await this.insertCases.run(em, outcome.cases);
      return true;
    });
  }

  /**
   * Cancel: a queued run ends at once; a running one is asked to stop (its job notices after the
   * batch in hand). Asked a second time (its worker may be gone), a running run ends at once too:
   * a job still at work then finds it finished and stops. Returns the run afterwards, or null.
   */
  cancel(id: string, now: Date): Promise<RuleSimulation | null> {
    return this.tx.run(async (em) => {
      await em.update(RuleSimulation, { id, status: 'queued' }, { status: 'cancelled', cancelRequested: true, finishedAt: now });
      const ended = await em.update(RuleSimulation, { id, status: 'running', cancelRequested: true }, { status: 'cancelled', finishedAt: now });
      if (!ended.affected) await em.update(RuleSimulation, { id, status: 'running' }, { cancelRequested: true });
      return em.findOneBy(RuleSimulation, { id });
    });
  }

  async cellCases(runId: string, dimension: SimulationDimension, from: string, to: string, offset: number, limit: number): Promise<{ total: number; items: RuleSimulationCase[] }> {
    const where = { runId, dimension, fromValue: from, toValue: to };
    const [items, total] = await Promise.all([this.cases.find({ where, order: { seq: 'ASC' }, skip: offset, take: limit }), this.cases.countBy(where)]);
    return { total, items };
  }
}
