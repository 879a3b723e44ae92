import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { CaseNoticeRepository } from './case-notice.repository.js';

/** A unit named in the look-back's urging notice (催办通报) for one case. */
export interface LookbackNotice {
  caseId: string;
  unitCode: string;
  /** The first instant of the look-back period: one notice per case and period. */
  periodStart: Date;
  note: string;
}

/**
 * Urging notices (催办) that other modules create (exported by `CasesModule`); they reach the units in
 * the daily digest with the sweep's notices.
 */
@Injectable()
export class UrgingNotices {
  constructor(private readonly notices: CaseNoticeRepository) {}

  /** The look-back's notices, in the caller's transaction; a notice already made for the case and period is skipped. */
  async addLookbackIn(em: EntityManager, notices: LookbackNotice[], now: Date): Promise<void> {
    await this.notices.insertIgnoring(
      em,
      notices.map((n) => ({ id: randomUUID(), caseId: n.caseId, kind: 'lookback', dueAt: n.periodStart, unitCode: n.unitCode, note: n.note, createdAt: now, deliveredAt: null })),
    );
  }
}
