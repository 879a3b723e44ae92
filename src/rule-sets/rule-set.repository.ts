import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, LessThan, Not, IsNull, type Repository } from 'typeorm';
import { asRow } from '../database/rows.js';
import { RuleSet } from './rule-set.entity.js';

@Injectable()
export class RuleSetRepository {
  constructor(@InjectRepository(RuleSet) private readonly sets: Repository<RuleSet>) {}

  findById(id: string): Promise<RuleSet | null> {
    return this.sets.findOneBy({ id });
  }

  findByVersion(version: number): Promise<RuleSet | null> {
    return this.sets.findOneBy({ version });
  }

  /** The active set's id and version only: cheap enough to ask before every evaluation. */
  async activePointer(): Promise<{ id: string; version: number } | null> {
    const row = await this.sets.findOne({ select: { id: true, version: true }, where: { activeMarker: 1 } });
    return row ? { id: row.id, version: row.version } : null;
  }

  /**
   * Inside the caller's transaction: is `version` still the active set? On MySQL/MariaDB the active row is
   * locked until the transaction ends, so a publish or rollback (which archives that row first) waits for
   * the caller's changes, or has committed and is seen here; SQLite has one writer.
   */
  async isActiveIn(em: EntityManager, version: number): Promise<boolean> {
    const qb = em.createQueryBuilder(RuleSet, 's').select('s.version', 'version').where('s.activeMarker = 1');
    if (em.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    const row = await qb.getRawOne<{ version: number | string }>();
    return row !== undefined && Number(row.version) === version;
  }

  findActive(): Promise<RuleSet | null> {
    return this.sets.findOneBy({ activeMarker: 1 });
  }

  list(): Promise<RuleSet[]> {
    return this.sets.find({ order: { version: 'DESC' } });
  }

  count(): Promise<number> {
    return this.sets.count();
  }

  /**
   * The version a new set gets, inside the caller's transaction. On MySQL/MariaDB the active set's row is
   * locked first (a record lock on a unique key, no gap lock), so concurrent creators take turns and each
   * reads the maximum after the previous one committed; SQLite has one writer. The unique key on `version`
   * stays the last word (the service retries a lost race).
   */
  async nextVersion(em: EntityManager): Promise<number> {
    if (em.connection.options.type !== 'better-sqlite3') {
      await em.createQueryBuilder(RuleSet, 's').select('s.id').where('s.activeMarker = 1').setLock('pessimistic_write').getRawOne();
    }
    const row = await em.createQueryBuilder(RuleSet, 's').select('MAX(s.version)', 'max').getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0) + 1;
  }

  async insert(em: EntityManager, set: RuleSet): Promise<void> {
    await em.insert(RuleSet, asRow(set));
  }

  /** Changes a draft; false when it is no longer a draft (published meanwhile). */
  async updateDraft(em: EntityManager, id: string, changes: Pick<RuleSet, 'note' | 'rules' | 'precedence' | 'updatedAt'>): Promise<boolean> {
    const result = await em.update(RuleSet, { id, status: 'draft' }, asRow(changes));
    return (result.affected ?? 0) > 0;
  }

  async deleteDraft(em: EntityManager, id: string): Promise<boolean> {
    const result = await em.delete(RuleSet, { id, status: 'draft' });
    return (result.affected ?? 0) > 0;
  }

  /** Inside the caller's transaction: the active set's id and version, if any. */
  async activeIn(em: EntityManager): Promise<{ id: string; version: number } | null> {
    const row = await em.createQueryBuilder(RuleSet, 's').select(['s.id AS id', 's.version AS version']).where('s.activeMarker = 1').getRawOne<{ id: string; version: number | string }>();
    return row ? { id: row.id, version: Number(row.version) } : null;
  }

  /**
   * Makes `id` the one active set inside the caller's transaction: the current one is archived first;
   * the unique activeMarker makes a concurrent second activation fail instead of leaving two.
   * `publication` (a publish of a draft) records who published it and when, once; a rollback passes none
   * and leaves every set's `publishedBy` / `publishedAt` as they were.
   */
  async activate(em: EntityManager, id: string, fromStatuses: RuleSet['status'][], publication?: { by: string; at: Date }): Promise<boolean> {
    await em.update(RuleSet, { activeMarker: 1 }, { activeMarker: null, status: 'archived' });
    const result = await em
      .createQueryBuilder()
      .update(RuleSet)
      .set({ activeMarker: 1, status: 'published', ...(publication ? { publishedBy: publication.by, publishedAt: publication.at } : {}) })
      .where('id = :id AND status IN (:...fromStatuses)', { id, fromStatuses })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The most recent set published before `version` (the one a rollback returns to). */
  previousPublished(version: number): Promise<RuleSet | null> {
    return this.sets.findOne({ where: { version: LessThan(version), publishedAt: Not(IsNull()) }, order: { version: 'DESC' } });
  }
}
