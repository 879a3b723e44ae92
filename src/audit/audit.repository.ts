import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { Actor } from '../domain/actor.js';
import { asRow } from '../database/rows.js';
import { AuditEntry } from './audit-entry.entity.js';

@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  /** Records an entry in the caller's transaction, so the audit trail and the change commit together. */
  async record(em: EntityManager, actor: Actor, action: string, entity: { type: string; id: string }, data: Record<string, unknown>, at: Date): Promise<void> {
    const entry: AuditEntry = { id: randomUUID(), at, actorId: actor.id, actorName: actor.displayName, action, entityType: entity.type, entityId: entity.id, data };
    await em.insert(AuditEntry, asRow(entry));
  }

  forEntity(type: string, id: string): Promise<AuditEntry[]> {
    return this.entries.find({ where: { entityType: type, entityId: id }, order: { at: 'ASC' } });
  }
}
