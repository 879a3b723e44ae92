import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseRegrading } from '../cases/regrade-port.js';
import { Clock } from '../domain/clock.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { RulesService } from '../rules/rules.service.js';
import { RuleSetActivationRepository } from './rule-set-activation.repository.js';
import { RuleSetRepository } from './rule-set.repository.js';
import { RuleSetsService } from './rule-sets.service.js';

const BATCH = 500;

/**
 * After a publish or rollback: open cases not yet routed (registered, accepted) are graded again by
 * the newly active set, from the derived facts stored at intake (as a simulation predicts). Cases
 * already routed keep their grade. The cases change through `CaseRegrading` (every change of grade,
 * route or meeting is a timeline event), each only while this set is still the active one.
 * The job reports its progress on the activation that queued it (`GET /rules/activations`): the total
 * first, then scanned / changed after each batch, and `done` or `failed` at the end.
 */
@Injectable()
export class RegradeService implements OnModuleInit {
  private readonly logger = new Logger('Regrade');

  constructor(
    private readonly cases: CaseRegrading,
    private readonly rules: RulesService,
    private readonly ruleSets: RuleSetsService,
    private readonly sets: RuleSetRepository,
    private readonly activations: RuleSetActivationRepository,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.regradeOpenCases, async ({ ruleSetVersion, activationId }) => {
      await this.regrade(ruleSetVersion, activationId);
    });
  }

  /** `activationId`: where to report progress (jobs queued before activations were recorded have none). */
  async regrade(version: number, activationId?: string): Promise<{ scanned: number; changed: number; failed: number }> {
    try {
      return await this.run(version, activationId);
    } catch (error) {
      if (activationId) await this.activations.regradeFailed(activationId).catch(() => undefined);
      throw error;
    }
  }

  private async run(version: number, activationId: string | undefined): Promise<{ scanned: number; changed: number; failed: number }> {
    const active = await this.ruleSets.active();
    if (active.version !== version) {
      // Superseded: the newer publish has its own job.
      if (activationId) await this.activations.regradeProgress(activationId, 0, 0, 'done');
      return { scanned: 0, changed: 0, failed: 0 };
    }
    if (activationId) await this.activations.regradeStarted(activationId, await this.cases.countCandidates(version));
    const runner = this.rules.runnerFor(active);
    const stillActive = (em: EntityManager): Promise<boolean> => this.sets.isActiveIn(em, version);
    let scanned = 0;
    let changed = 0;
    let failed = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.cases.candidates(version, afterId, BATCH);
      if (!batch.length) break;
      for (const c of batch) {
        const now = this.clock.now();
        const evaluation = await runner.evaluate(this.cases.factsOf(c, now));
        if (evaluation.error) {
          // A set that fails at run time must not downgrade cases graded before: keep them as they are.
          failed++;
          continue;
        }
        const outcome = await this.cases.applyGrade(c, evaluation, now, stillActive);
        if (outcome === 'refused') this.logger.warn(`case ${c.code} changed while re-grading, or rule set v${version} was replaced; the case keeps its grade`);
        if (outcome === 'changed') changed++;
      }
      scanned += batch.length;
      afterId = batch[batch.length - 1].id;
      if (activationId) await this.activations.regradeProgress(activationId, scanned, changed);
      // Overtaken by a newer publish or rollback: that one has its own job (and the updates refuse anyway).
      if ((await this.ruleSets.active()).version !== version) break;
    }
    if (activationId) await this.activations.regradeProgress(activationId, scanned, changed, 'done');
    this.logger.log(`re-graded by rule set v${version}: ${scanned} open cases, ${changed} changed, ${failed} kept (rule error)`);
    return { scanned, changed, failed };
  }
}
