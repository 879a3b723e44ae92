import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { SYSTEM_ACTOR } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { RuleSetsService } from '../rules/rule-sets.service.js';
import { RulesService } from '../rules/rules.service.js';
import type { CaseEvent } from './case-event.entity.js';
import type { PetitionCase } from './case.entity.js';
import { storedCaseFacts } from './case-facts.js';
import { CaseRepository } from './case.repository.js';
import { DeadlineCalculator } from './deadlines.js';

const BATCH = 500;

/**
 * After a publish or rollback: open cases not yet routed (registered, accepted) are graded again by
 * the newly active set, from the derived facts stored at intake (as a simulation predicts). Cases
 * already routed keep their grade. Every change of grade, route or meeting is a timeline event.
 */
@Injectable()
export class RegradeService implements OnModuleInit {
  private readonly logger = new Logger('Regrade');

  constructor(
    private readonly repo: CaseRepository,
    private readonly rules: RulesService,
    private readonly ruleSets: RuleSetsService,
    private readonly deadlines: DeadlineCalculator,
    private readonly registry: JobRegistry,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.regradeOpenCases, async ({ ruleSetVersion }) => {
      await this.regrade(ruleSetVersion);
    });
  }

  async regrade(version: number): Promise<{ scanned: number; changed: number; failed: number }> {
    const active = await this.ruleSets.active();
    if (active.version !== version) return { scanned: 0, changed: 0, failed: 0 }; // superseded: the newer publish has its own job
    const runner = this.rules.runnerFor(active);
    let scanned = 0;
    let changed = 0;
    let failed = 0;
    let afterId: string | null = null;
    for (;;) {
      const batch = await this.repo.unroutedGradedBefore(version, afterId, BATCH);
      if (!batch.length) break;
      for (const c of batch) {
        const now = this.clock.now();
        const derived = { repeatCount: c.repeatCount, similarOpenCases: c.similarOpenCases, relatedDissatisfied: c.relatedDissatisfied };
        const evaluation = await runner.evaluate(storedCaseFacts(c, derived, now));
        if (evaluation.error) {
          // A set that fails at run time must not downgrade cases graded before: keep them as they are.
          failed++;
          continue;
        }
        const changes: Partial<PetitionCase> = {
          grade: evaluation.grade,
          routeCommittee: evaluation.route.committee,
          routeHandledBy: evaluation.route.handledBy,
          routeMode: evaluation.route.mode,
          meetingType: evaluation.meetingType,
          flags: evaluation.flags,
          ruleSetVersion: evaluation.ruleSetVersion,
          evaluation,
          updatedAt: now,
        };
        if (c.status === 'registered') {
          changes.acceptDueAt = this.deadlines.acceptDue(c.registeredAt, evaluation.deadlines.acceptDays);
          changes.dueAt = changes.acceptDueAt;
        }
        const differs =
          c.grade !== evaluation.grade ||
          c.routeCommittee !== evaluation.route.committee ||
          c.routeHandledBy !== evaluation.route.handledBy ||
          c.routeMode !== evaluation.route.mode ||
          c.meetingType !== evaluation.meetingType;
        const ok = await this.tx.run(async (em) => {
          if (!(await this.repo.update(em, c.id, c.version, changes, version))) return false;
          if (differs) await this.repo.appendEvents(em, [this.event(c, evaluation.ruleSetVersion, changes, now)]);
          return true;
        });
        if (!ok) this.logger.warn(`case ${c.code} changed while re-grading, or rule set v${version} was replaced; the case keeps its grade`);
        if (ok && differs) changed++;
      }
      scanned += batch.length;
      afterId = batch[batch.length - 1].id;
      // Overtaken by a newer publish or rollback: that one has its own job (and the updates refuse anyway).
      if ((await this.ruleSets.active()).version !== version) break;
    }
    this.logger.log(`re-graded by rule set v${version}: ${scanned} open cases, ${changed} changed, ${failed} kept (rule error)`);
    return { scanned, changed, failed };
  }

  private event(c: PetitionCase, version: number, after: Partial<PetitionCase>, now: Date): CaseEvent {
    return {
      id: randomUUID(),
      caseId: c.id,
      at: now,
      caseVersion: c.version + 1,
      action: 'regrade',
      fromStatus: c.status,
      toStatus: c.status,
      actorId: SYSTEM_ACTOR.id,
      actorName: SYSTEM_ACTOR.displayName,
      actorRole: 'system',
      reason: `规则集 v${version} 发布后重新分级`,
      data: {
        fromVersion: c.ruleSetVersion,
        toVersion: version,
        before: { grade: c.grade, route: { committee: c.routeCommittee, handledBy: c.routeHandledBy, mode: c.routeMode }, meetingType: c.meetingType },
        after: { grade: after.grade, route: { committee: after.routeCommittee, handledBy: after.routeHandledBy, mode: after.routeMode }, meetingType: after.meetingType },
      },
    };
  }
}
