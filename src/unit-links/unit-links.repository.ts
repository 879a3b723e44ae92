import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, type Repository } from 'typeorm';
import { asRow } from '../database/rows.js';
import { PetitionCase } from '../cases/case.entity.js';
import { UnitLink } from './unit-link.entity.js';

/** The case facts a link is issued from, read in the issuing transaction (a route just made is seen). */
export type LinkedCaseFacts = Pick<PetitionCase, 'id' | 'status' | 'routeMode' | 'resupervisionCount' | 'acceptDueAt' | 'replyDueAt' | 'dueAt' | 'routeHandledBy'>;

/** Unit links (`unit_links`): written only here. */
@Injectable()
export class UnitLinksRepository {
  constructor(@InjectRepository(UnitLink) private readonly links: Repository<UnitLink>) {}

  async insertIn(em: EntityManager, link: UnitLink): Promise<void> {
    await em.insert(UnitLink, asRow(link));
  }

  findById(id: string): Promise<UnitLink | null> {
    return this.links.findOneBy({ id });
  }

  /** A case's links, newest first. */
  listForCase(caseId: string): Promise<UnitLink[]> {
    return this.links.find({ where: { caseId }, order: { createdAt: 'DESC', id: 'ASC' } });
  }

  /** Revokes a live link (a revoked one keeps its first revocation); whether this call revoked it. */
  async revokeIn(em: EntityManager, id: string, by: string, at: Date): Promise<boolean> {
    const result = await em.update(UnitLink, { id, revokedAt: IsNull() }, { revokedAt: at, revokedBy: by });
    return (result.affected ?? 0) > 0;
  }

  /** One more use of the link, in the caller's transaction (with its audit entry). */
  async recordUseIn(em: EntityManager, id: string, at: Date): Promise<void> {
    await em.createQueryBuilder().update(UnitLink).set({ lastUsedAt: at, useCount: () => 'useCount + 1' }).where('id = :id', { id }).execute();
  }

  /** The facts of the case a link is issued for, in the caller's transaction. */
  caseFactsIn(em: EntityManager, caseId: string): Promise<LinkedCaseFacts | null> {
    return em.getRepository(PetitionCase).findOne({
      select: { id: true, status: true, routeMode: true, resupervisionCount: true, acceptDueAt: true, replyDueAt: true, dueAt: true, routeHandledBy: true },
      where: { id: caseId },
    });
  }
}
