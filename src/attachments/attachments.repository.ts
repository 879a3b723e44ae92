import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, type Repository } from 'typeorm';
import { asRow } from '../database/rows.js';
import { CaseAttachment } from './attachment.entity.js';

@Injectable()
export class AttachmentsRepository {
  constructor(@InjectRepository(CaseAttachment) private readonly rows: Repository<CaseAttachment>) {}

  async insert(em: EntityManager, row: CaseAttachment): Promise<void> {
    await em.insert(CaseAttachment, asRow(row));
  }

  countForCase(em: EntityManager, caseId: string): Promise<number> {
    return em.count(CaseAttachment, { where: { caseId } });
  }

  listForCase(caseId: string): Promise<CaseAttachment[]> {
    return this.rows.find({ where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  findById(id: string): Promise<CaseAttachment | null> {
    return this.rows.findOne({ where: { id } });
  }

  async countOfCaseAmong(em: EntityManager, caseId: string, ids: string[]): Promise<number> {
    if (!ids.length) return 0;
    return em.count(CaseAttachment, { where: { caseId, id: In(ids) } });
  }
}
