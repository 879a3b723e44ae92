import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { redactPii } from '../common/pii/masking.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { retryOnUniqueViolation } from '../database/db-errors.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';
import type { RecordEvaluationDto } from './unit-evaluation.dto.js';
import type { UnitEvaluation } from './unit-evaluation.entity.js';
import { UnitEvaluationErrors } from './unit-evaluation.errors.js';
import { comparePeriodsDesc } from './unit-evaluation-period.js';
import { UnitEvaluationRepository } from './unit-evaluation.repository.js';
import { UnitScorecardAccess } from './unit-scorecard-access.js';
import { checkScore, periodOf } from './unit-evaluation-rules.js';

export interface EvaluationView {
  unitId: string;
  period: string;
  /** First and last office day of the period (both included). */
  fromDay: string;
  toDay: string;
  grade: UnitEvaluation['grade'];
  score: number | null;
  remark: string | null;
  evaluatedBy: string;
  recordedByName: string;
  recordedAt: string;
}

export function toEvaluationView(v: UnitEvaluation): EvaluationView {
  const period = periodOf(v.period);
  return {
    unitId: v.unitId,
    period: v.period,
    fromDay: period.fromDay,
    toDay: period.toDay,
    grade: v.grade,
    score: v.score,
    remark: v.remark,
    evaluatedBy: v.evaluatedBy,
    recordedByName: v.recordedByName,
    recordedAt: v.recordedAt.toISOString(),
  };
}

/**
 * 考评结果: the 信访局's evaluation of a unit for a period, recorded (or replaced, audited with what it
 * replaced) by the secretariat; read by the office, auditors, leaders, and by a unit for itself only.
 */
@Injectable()
export class UnitEvaluationService {
  constructor(
    private readonly repo: UnitEvaluationRepository,
    private readonly access: UnitScorecardAccess,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  async list(unitId: string, actor: Actor): Promise<EvaluationView[]> {
    await this.access.readableUnit(unitId, actor);
    const rows = await this.repo.forUnit(unitId);
    return rows.sort((a, b) => comparePeriodsDesc(a.period, b.period)).map(toEvaluationView);
  }

  /** Every unit's evaluation of one period (the scorecard table). */
  async forPeriod(value: string): Promise<EvaluationView[]> {
    const period = periodOf(value);
    return (await this.repo.forPeriod(period.period)).map(toEvaluationView);
  }

  async get(unitId: string, value: string, actor: Actor): Promise<EvaluationView> {
    const period = periodOf(value);
    await this.access.readableUnit(unitId, actor);
    const found = await this.repo.find(unitId, period.period);
    if (!found) throw UnitEvaluationErrors.notFound();
    return toEvaluationView(found);
  }

  /** Records the evaluation, or replaces the one recorded for that unit and period. */
  async record(unitId: string, value: string, input: RecordEvaluationDto, actor: Actor): Promise<{ evaluation: EvaluationView; replaced: boolean }> {
    const period = periodOf(value);
    await this.access.readableUnit(unitId, actor);
    const score = input.score ?? null;
    checkScore(input.grade, score);
    const fields = {
      grade: input.grade,
      score,
      remark: input.remark?.trim() || null,
      evaluatedBy: input.evaluatedBy.trim(),
      recordedBy: actor.id,
      recordedByName: actor.displayName.slice(0, 50),
    };
    if (!fields.evaluatedBy) throw UnitEvaluationErrors.evaluatedByRequired();
    // Two first recordings at once: the loser of the unique key runs again and replaces the winner's.
    return retryOnUniqueViolation(
      3,
      () =>
        this.tx.run(async (em) => {
          const now = this.clock.now();
          const previous = await this.repo.findForUpdate(em, unitId, period.period);
          const target = { type: 'unit-evaluation', id: `${unitId}:${period.period}` };
          if (previous) {
            await this.repo.replace(em, previous.id, { ...fields, recordedAt: now });
            await this.audit.record(em, actor, 'unit-evaluation.replace', target, { period: period.period, previous: snapshot(previous), grade: fields.grade, score }, now);
            return { evaluation: toEvaluationView({ ...previous, ...fields, recordedAt: now }), replaced: true };
          }
          const created: UnitEvaluation = { id: randomUUID(), unitId, period: period.period, ...fields, recordedAt: now };
          await this.repo.insert(em, created);
          await this.audit.record(em, actor, 'unit-evaluation.record', target, { period: period.period, grade: fields.grade, score }, now);
          return { evaluation: toEvaluationView(created), replaced: false };
        }),
      () => UnitEvaluationErrors.concurrentWrite(),
    );
  }
}

const snapshot = (v: UnitEvaluation): Record<string, unknown> => ({
  grade: v.grade,
  score: v.score,
  remark: v.remark === null ? null : redactPii(v.remark),
  evaluatedBy: v.evaluatedBy,
  recordedBy: v.recordedBy,
  recordedAt: v.recordedAt.toISOString(),
});
