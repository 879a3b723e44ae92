import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { UnitEvaluation } from './unit-evaluation.entity.js';

/** The `unit_evaluations` table (written only by UnitEvaluationService). */
@Injectable()
export class UnitEvaluationRepository {
  constructor(@InjectRepository(UnitEvaluation) private readonly evaluations: Repository<UnitEvaluation>) {}

  forUnit(unitId: string): Promise<UnitEvaluation[]> {
    return this.evaluations.find({ where: { unitId } });
  }

  forPeriod(period: string): Promise<UnitEvaluation[]> {
    return this.evaluations.find({ where: { period } });
  }

  find(unitId: string, period: string): Promise<UnitEvaluation | null> {
    return this.evaluations.findOneBy({ unitId, period });
  }

  /** The stored record, read in the writer's transaction (a row lock on MySQL/MariaDB). */
  findForUpdate(em: EntityManager, unitId: string, period: string): Promise<UnitEvaluation | null> {
    const qb = em.getRepository(UnitEvaluation).createQueryBuilder('v').where('v.unitId = :unitId AND v.period = :period', { unitId, period });
    if (em.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    return qb.getOne();
  }

  async insert(em: EntityManager, evaluation: UnitEvaluation): Promise<void> {
    await em.getRepository(UnitEvaluation).insert(evaluation);
  }

  async replace(em: EntityManager, id: string, changes: Omit<UnitEvaluation, 'id' | 'unitId' | 'period'>): Promise<void> {
    await em.getRepository(UnitEvaluation).update({ id }, changes);
  }
}
