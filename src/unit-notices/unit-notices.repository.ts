import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { asRow } from '../database/rows.js';
import { UnitNotice } from './unit-notice.entity.js';

@Injectable()
export class UnitNoticesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(em: EntityManager, notice: UnitNotice): Promise<void> {
    await em.insert(UnitNotice, asRow(notice));
  }

  find(id: string, em: EntityManager = this.dataSource.manager): Promise<UnitNotice | null> {
    return em.findOneBy(UnitNotice, { id });
  }

  ofCase(caseId: string): Promise<UnitNotice[]> {
    return this.dataSource.manager.find(UnitNotice, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async update(em: EntityManager, id: string, changes: Partial<Omit<UnitNotice, 'id'>>): Promise<void> {
    await em.update(UnitNotice, { id }, changes);
  }

  /** Counts one more delivery attempt. */
  async countAttempt(id: string): Promise<void> {
    await this.dataSource.manager.createQueryBuilder().update(UnitNotice).set({ attempts: () => 'attempts + 1' }).where('id = :id', { id }).execute();
  }
}
