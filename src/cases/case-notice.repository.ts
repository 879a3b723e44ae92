import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { type EntityManager, In, IsNull, type Repository } from 'typeorm';
import { asRows } from '../database/rows.js';
import { CaseEvent } from './case-event.entity.js';
import { CaseNotice, type NoticeKind } from './case-notice.entity.js';
import { PetitionCase } from './case.entity.js';
import type { CaseStatus } from './case.types.js';

export interface SweepCandidate {
  id: string;
  status: CaseStatus;
  dueAt: Date;
  routeHandledBy: string;
  version: number;
}

export interface PendingNotice {
  id: string;
  kind: NoticeKind;
  note: string | null;
  caseCode: string;
  caseSubject: string;
  caseStatus: CaseStatus;
  dueAt: Date | null;
}

/** SQL of the deadline sweep and of the reminders: set-based, keyset-paged, safe to run twice. */
@Injectable()
export class CaseNoticeRepository {
  constructor(
    @InjectRepository(PetitionCase) private readonly cases: Repository<PetitionCase>,
    @InjectRepository(CaseNotice) private readonly notices: Repository<CaseNotice>,
  ) {}

  /**
   * Open cases of one status whose running deadline lies in [from, to) and that have no notice of
   * this kind for that deadline yet; paged by (dueAt, id) after `after`, in index order.
   */
  async candidates(
    status: CaseStatus,
    kind: NoticeKind,
    from: Date | null,
    to: Date,
    after: { dueAt: Date; id: string } | null,
    limit: number,
  ): Promise<SweepCandidate[]> {
    const qb = this.cases
      .createQueryBuilder('c')
      .select(['c.id', 'c.status', 'c.dueAt', 'c.routeHandledBy', 'c.version'])
      .where('c.status = :status AND c.dueAt < :to', { status, to })
      .andWhere('NOT EXISTS (SELECT 1 FROM case_notices n WHERE n.caseId = c.id AND n.kind = :kind AND n.dueAt = c.dueAt)', { kind })
      .orderBy('c.dueAt', 'ASC')
      .addOrderBy('c.id', 'ASC')
      .limit(limit);
    if (from) qb.andWhere('c.dueAt >= :from', { from });
    if (after) qb.andWhere('(c.dueAt > :afterDue OR (c.dueAt = :afterDue AND c.id > :afterId))', { afterDue: after.dueAt, afterId: after.id });
    const rows = await qb.getMany();
    return rows.map((r) => ({ id: r.id, status: r.status, dueAt: r.dueAt as Date, routeHandledBy: r.routeHandledBy, version: r.version }));
  }

  /** Inserts notices (and their timeline events); rows that already exist are skipped by their unique keys. */
  async insertIgnoring(em: EntityManager, notices: CaseNotice[], events: CaseEvent[]): Promise<void> {
    for (let i = 0; i < notices.length; i += 500) {
      await em.createQueryBuilder().insert().into(CaseNotice).values(asRows(notices.slice(i, i + 500))).orIgnore().execute();
    }
    for (let i = 0; i < events.length; i += 500) {
      await em.createQueryBuilder().insert().into(CaseEvent).values(asRows(events.slice(i, i + 500))).orIgnore().execute();
    }
  }

  async unitsWithPendingNotices(): Promise<string[]> {
    const rows = await this.notices
      .createQueryBuilder('n')
      .select('DISTINCT n.unitCode', 'unitCode')
      .where('n.deliveredAt IS NULL')
      .getRawMany<{ unitCode: string }>();
    return rows.map((r) => r.unitCode);
  }

  async pendingForUnit(unitCode: string, limit: number): Promise<PendingNotice[]> {
    const notices = await this.notices.find({ where: { unitCode, deliveredAt: IsNull() }, order: { createdAt: 'ASC' }, take: limit });
    const ids = [...new Set(notices.map((n) => n.caseId))];
    const cases = ids.length ? await this.cases.find({ select: { id: true, code: true, subject: true, status: true }, where: { id: In(ids) } }) : [];
    const byId = new Map(cases.map((c) => [c.id, c]));
    return notices.flatMap((n) => {
      const c = byId.get(n.caseId);
      return c ? [{ id: n.id, kind: n.kind, note: n.note, dueAt: n.dueAt, caseCode: c.code, caseSubject: c.subject, caseStatus: c.status }] : [];
    });
  }

  async markDelivered(ids: string[], at: Date): Promise<void> {
    if (ids.length) await this.notices.update({ id: In(ids), deliveredAt: IsNull() }, { deliveredAt: at });
  }
}
