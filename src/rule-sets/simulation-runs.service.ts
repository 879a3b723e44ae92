import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { SimulationFilter } from '../cases/case-facts-reader.js';
import { CaseFactsReader } from '../cases/case-facts-reader.js';
import type { CaseStatus, Category } from '../domain/case-vocabulary.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { DomainError } from '../common/errors.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { OutboxRelay } from '../jobs/outbox-relay.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import type { SimulationScopeDto } from './dto/rule-set.dto.js';
import { RuleSetsService } from './rule-sets.service.js';
import { FINISHED_RUN_STATUSES, type RuleSimulation, type RuleSimulationCase, type SimulationDimension, type StoredOutcomes, type StoredSimulationReport, type StoredSimulationScope } from './rule-simulation.entity.js';
import { SimulationRunRepository } from './simulation-run.repository.js';
import { SimulationRunsErrors } from './simulation-runs.errors.js';
import { SimulationService } from './simulation.service.js';

/** Queued + running runs allowed at once, installation-wide (a click-happy admin cannot flood the workers). */
export const MAX_ACTIVE_RUNS = 3;
/** Runs kept per rule set; older finished ones go (with their cases) when a new one starts. */
export const RUNS_KEPT_PER_SET = 20;
/** Cases kept behind each changed cell of a matrix. */
export const CASES_PER_CELL = 1000;
/** Cases per query and progress write in the job: the synchronous path's batch (fewer round trips; bench/rules-simulate.ts --job). */
const JOB_BATCH = 20_000;

export interface SimulationRunView {
  id: string;
  ruleSetId: string;
  version: number;
  activeVersion: number;
  status: RuleSimulation['status'];
  scanned: number;
  total: number;
  cancelRequested: boolean;
  scope: StoredSimulationScope;
  createdBy: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  durationMs: number | null;
  error: string | null;
  report: StoredSimulationReport | null;
}

export interface SimulationCellCase {
  caseId: string;
  code: string;
  subject: string;
  before: StoredOutcomes['before'];
  after: StoredOutcomes['after'];
}

export const toSimulationRunView = (r: RuleSimulation): SimulationRunView => ({
  id: r.id,
  ruleSetId: r.ruleSetId,
  version: r.version,
  activeVersion: r.activeVersion,
  status: r.status,
  scanned: r.scanned,
  total: r.total,
  cancelRequested: r.cancelRequested,
  scope: r.scope,
  createdBy: r.createdBy,
  createdAt: r.createdAt.toISOString(),
  startedAt: r.startedAt?.toISOString() ?? null,
  finishedAt: r.finishedAt?.toISOString() ?? null,
  durationMs: r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null,
  error: r.error,
  report: r.report,
});

const toFilter = (scope: StoredSimulationScope): SimulationFilter => ({
  statuses: scope.statuses as CaseStatus[] | undefined,
  category: scope.category as Category | undefined,
  receivedFrom: scope.receivedFrom ? new Date(scope.receivedFrom) : undefined,
  receivedTo: scope.receivedTo ? new Date(scope.receivedTo) : undefined,
});

/** A sentence for the admin: the domain error's own words, otherwise what went wrong in short. */
function failure(error: unknown): string {
  if (error instanceof DomainError) return `试运行失败：${error.messages.zh}`;
  const message = error instanceof Error ? error.message : String(error);
  return `试运行失败：${message.slice(0, 300)}（Simulation failed.）`;
}

/**
 * 试运行作业: a simulation of a rule set over every stored case in scope, run by the
 * `simulate-rule-set` job through the outbox (a Bull worker with Redis). The job counts the cases,
 * writes progress after every batch, stops when an admin cancels (the partial report is kept), and
 * ends done or failed with a sentence, never with a crash. The loop is `SimulationService.run`, the
 * same as the synchronous `POST /rules/sets/:id/simulate`.
 */
@Injectable()
export class SimulationRunsService implements OnModuleInit {
  private readonly logger = new Logger('Simulation');

  constructor(
    private readonly runs: SimulationRunRepository,
    private readonly ruleSets: RuleSetsService,
    private readonly simulation: SimulationService,
    private readonly cases: CaseFactsReader,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
    private readonly registry: JobRegistry,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.simulateRuleSet, async ({ runId }) => {
      await this.execute(runId);
    });
  }

  async start(ruleSetId: string, scopeInput: SimulationScopeDto | undefined, actor: Actor): Promise<SimulationRunView> {
    const [set, active] = await Promise.all([this.ruleSets.get(ruleSetId), this.ruleSets.active()]);
    const scope: StoredSimulationScope = {};
    if (scopeInput?.statuses?.length) scope.statuses = scopeInput.statuses;
    if (scopeInput?.category) scope.category = scopeInput.category;
    if (scopeInput?.receivedFrom) scope.receivedFrom = new Date(scopeInput.receivedFrom).toISOString();
    if (scopeInput?.receivedTo) scope.receivedTo = new Date(scopeInput.receivedTo).toISOString();
    const now = this.clock.now();
    const run: RuleSimulation = {
      id: randomUUID(),
      ruleSetId: set.id,
      version: set.version,
      activeVersion: active.version,
      scope,
      status: 'queued',
      scanned: 0,
      total: 0,
      cancelRequested: false,
      report: null,
      error: null,
      createdBy: actor.username,
      createdAt: now,
      startedAt: null,
      finishedAt: null,
    };
    await this.tx.run(async (em) => {
      if ((await this.runs.countActive(em)) >= MAX_ACTIVE_RUNS) throw SimulationRunsErrors.busy(MAX_ACTIVE_RUNS);
      await this.runs.prune(em, set.id, RUNS_KEPT_PER_SET - 1);
      await this.runs.insert(em, run);
      await this.outbox.enqueue(em, JOB_NAMES.simulateRuleSet, { runId: run.id }, now, { maxAttempts: 3 });
    });
    this.relay.kick();
    return toSimulationRunView(run);
  }

  async get(runId: string): Promise<SimulationRunView> {
    return toSimulationRunView(await this.find(runId));
  }

  async cancel(runId: string): Promise<SimulationRunView> {
    const run = await this.find(runId);
    if (FINISHED_RUN_STATUSES.includes(run.status)) throw SimulationRunsErrors.finished(run.status);
    const after = await this.runs.cancel(runId, this.clock.now());
    if (!after) throw SimulationRunsErrors.notFound();
    return toSimulationRunView(after);
  }

  async cellCases(runId: string, dimension: SimulationDimension, from: string, to: string, page: number, pageSize: number): Promise<{ total: number; items: SimulationCellCase[] }> {
    await this.find(runId);
    const { total, items } = await this.runs.cellCases(runId, dimension, from, to, (page - 1) * pageSize, pageSize);
    const subjects = await this.cases.subjects(items.map((i) => i.caseId));
    return {
      total,
      items: items.map((i) => ({ caseId: i.caseId, code: i.code, subject: subjects.get(i.caseId) ?? '', before: i.outcomes.before, after: i.outcomes.after })),
    };
  }

  /** The job: never throws for a failing rule set or query (the run ends failed with a sentence). */
  async execute(runId: string): Promise<void> {
    const run = await this.runs.findById(runId);
    if (!run || FINISHED_RUN_STATUSES.includes(run.status)) return;
    try {
      const [set, active] = await Promise.all([this.ruleSets.get(run.ruleSetId), this.ruleSets.active()]);
      if (!(await this.runs.start(runId, active.version, this.clock.now()))) {
        // Cancelled while queued (already ended), or asked to stop before it began.
        await this.runs.finish(runId, { status: 'cancelled', scanned: 0, report: emptyReport(), cases: [] }, this.clock.now());
        return;
      }
      const filter = toFilter(run.scope);
      await this.runs.setTotal(runId, await this.cases.count(filter));
      const result = await this.simulation.run(set, active, filter, Number.MAX_SAFE_INTEGER, 0, {
        batchSize: JOB_BATCH,
        casesPerCell: CASES_PER_CELL,
        progress: (scanned) => this.runs.progress(runId, scanned),
      });
      const { report } = result;
      const cases: RuleSimulationCase[] = result.cellCases.map((c, seq) => ({
        runId,
        seq,
        dimension: c.dimension,
        fromValue: c.from.slice(0, 200),
        toValue: c.to.slice(0, 200),
        caseId: c.caseId,
        code: c.code,
        outcomes: c.outcomes,
      }));
      await this.runs.finish(
        runId,
        {
          status: result.stopped ? 'cancelled' : 'done',
          scanned: report.scanned,
          report: { scanned: report.scanned, changed: report.changed, grades: report.grades, matrix: report.matrix },
          cases,
        },
        this.clock.now(),
      );
      this.logger.log(`simulation ${runId} of rule set v${set.version}: ${report.scanned} cases, ${report.changed} changed${result.stopped ? ' (cancelled)' : ''}`);
    } catch (error) {
      this.logger.warn(`simulation ${runId} failed: ${error instanceof Error ? error.message : String(error)}`);
      await this.runs.finish(runId, { status: 'failed', error: failure(error) }, this.clock.now());
    }
  }

  private async find(runId: string): Promise<RuleSimulation> {
    return (await this.runs.findById(runId)) ?? Promise.reject(SimulationRunsErrors.notFound());
  }
}

const emptyReport = (): StoredSimulationReport => ({ scanned: 0, changed: 0, grades: { before: {}, after: {} }, matrix: { grade: [], route: [], meeting: [] } });
