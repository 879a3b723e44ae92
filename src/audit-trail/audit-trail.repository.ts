import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository, SelectQueryBuilder } from 'typeorm';
import { AuditEntry } from '../audit/audit-entry.entity.js';

export interface AuditFilter {
  /** An actor's id, or a part of the name shown for them. */
  actor?: string;
  /** One action, or every action under a prefix written `directory.*`. */
  action?: string;
  entityType?: string;
  entityId?: string;
  /** Half-open [from, to) on `at`. */
  from?: Date;
  to?: Date;
}

/** LIKE with `!` as the escape character: the same in SQLite and MySQL (where a backslash in a literal escapes the quote). */
const escapeLike = (value: string): string => value.replace(/[!%_]/g, (c) => `!${c}`);

/** Reads the audit trail, newest first, through `idx_audit_at` (the range and the order are both on `at`). */
@Injectable()
export class AuditTrailRepository {
  constructor(@InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>) {}

  async page(filter: AuditFilter, offset: number, limit: number): Promise<{ total: number; items: AuditEntry[] }> {
    const query = this.filtered(filter);
    const [items, total] = await Promise.all([
      query.clone().orderBy('a.at', 'DESC').addOrderBy('a.id', 'DESC').offset(offset).limit(limit).getMany(),
      query.clone().getCount(),
    ]);
    return { total, items };
  }

  private filtered(f: AuditFilter): SelectQueryBuilder<AuditEntry> {
    const q = this.entries.createQueryBuilder('a');
    if (f.from) q.andWhere('a.at >= :from', { from: f.from });
    if (f.to) q.andWhere('a.at < :to', { to: f.to });
    if (f.actor) q.andWhere("(a.actorId = :actorId OR a.actorName LIKE :actorName ESCAPE '!')", { actorId: f.actor, actorName: `%${escapeLike(f.actor)}%` });
    if (f.action?.endsWith('.*')) q.andWhere("a.action LIKE :actionPrefix ESCAPE '!'", { actionPrefix: `${escapeLike(f.action.slice(0, -1))}%` });
    else if (f.action) q.andWhere('a.action = :action', { action: f.action });
    if (f.entityType) q.andWhere('a.entityType = :entityType', { entityType: f.entityType });
    if (f.entityId) q.andWhere('a.entityId = :entityId', { entityId: f.entityId });
    return q;
  }
}
