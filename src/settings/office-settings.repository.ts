import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, IsNull, LessThan, Not, type Repository } from 'typeorm';
import { asRow } from '../database/rows.js';
import { OfficeSettingsActivation, OfficeSettingsVersion } from './office-settings.entity.js';
import type { OfficeSettingsBody } from './office-settings.types.js';

@Injectable()
export class OfficeSettingsRepository {
  constructor(
    @InjectRepository(OfficeSettingsVersion) private readonly versions: Repository<OfficeSettingsVersion>,
    @InjectRepository(OfficeSettingsActivation) private readonly activations: Repository<OfficeSettingsActivation>,
  ) {}

  findById(id: string): Promise<OfficeSettingsVersion | null> {
    return this.versions.findOneBy({ id });
  }

  findByVersion(version: number): Promise<OfficeSettingsVersion | null> {
    return this.versions.findOneBy({ version });
  }

  findActive(): Promise<OfficeSettingsVersion | null> {
    return this.versions.findOneBy({ activeMarker: 1 });
  }

  /** The active version number only: cheap enough to ask every second on every instance. */
  async activeVersion(): Promise<number | null> {
    const row = await this.versions.findOne({ select: { version: true }, where: { activeMarker: 1 } });
    return row ? row.version : null;
  }

  list(): Promise<OfficeSettingsVersion[]> {
    return this.versions.find({ order: { version: 'DESC' } });
  }

  count(): Promise<number> {
    return this.versions.count();
  }

  /**
   * The version a new draft gets, inside the caller's transaction (MySQL/MariaDB: the active row is locked
   * first so concurrent creators take turns; SQLite has one writer). The unique index stays the last word.
   */
  async nextVersion(em: EntityManager): Promise<number> {
    if (em.connection.options.type !== 'better-sqlite3') {
      await em.createQueryBuilder(OfficeSettingsVersion, 's').select('s.id').where('s.activeMarker = 1').setLock('pessimistic_write').getRawOne();
    }
    const row = await em.createQueryBuilder(OfficeSettingsVersion, 's').select('MAX(s.version)', 'max').getRawOne<{ max: number | string | null }>();
    return Number(row?.max ?? 0) + 1;
  }

  async insert(em: EntityManager, version: OfficeSettingsVersion): Promise<void> {
    await em.insert(OfficeSettingsVersion, asRow(version));
  }

  /** Changes a draft; false when it is no longer a draft (published meanwhile). */
  async updateDraft(em: EntityManager, id: string, changes: { body: OfficeSettingsBody; note: string; updatedAt: Date }): Promise<boolean> {
    const result = await em.update(OfficeSettingsVersion, { id, status: 'draft' }, asRow(changes));
    return (result.affected ?? 0) > 0;
  }

  async deleteDraft(em: EntityManager, id: string): Promise<boolean> {
    const result = await em.delete(OfficeSettingsVersion, { id, status: 'draft' });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Makes `id` the one active version inside the caller's transaction: the current one is archived first;
   * the unique activeMarker makes a concurrent second activation fail instead of leaving two. A first
   * publication stamps `publishedBy`/`publishedAt`; a re-activation (rollback) leaves them as they were.
   */
  async activate(em: EntityManager, id: string, fromStatuses: OfficeSettingsVersion['status'][], firstPublication: { by: string; at: Date } | null): Promise<boolean> {
    await em.update(OfficeSettingsVersion, { activeMarker: 1 }, { activeMarker: null, status: 'archived' });
    const set: Partial<OfficeSettingsVersion> = { activeMarker: 1, status: 'published' };
    if (firstPublication) Object.assign(set, { publishedBy: firstPublication.by, publishedAt: firstPublication.at });
    const result = await em
      .createQueryBuilder()
      .update(OfficeSettingsVersion)
      .set(set)
      .where('id = :id AND status IN (:...fromStatuses)', { id, fromStatuses })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The most recent version published before `version` (what a rollback of the active version returns to). */
  previousPublished(version: number): Promise<OfficeSettingsVersion | null> {
    return this.versions.findOne({ where: { version: LessThan(version), publishedAt: Not(IsNull()) }, order: { version: 'DESC' } });
  }

  async recordActivation(em: EntityManager, activation: OfficeSettingsActivation): Promise<void> {
    await em.insert(OfficeSettingsActivation, asRow(activation));
  }

  listActivations(): Promise<OfficeSettingsActivation[]> {
    return this.activations.find({ order: { at: 'DESC', version: 'DESC' } });
  }
}
