import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseHandOver, CaseHandOvers } from '../cases/case-hand-overs.port.js';
import { DirectoryService } from '../directory/directory.service.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import { UnitNoticesRepository } from './unit-notices.repository.js';

/**
 * The cases module's CaseHandOvers port: at each hand-over, in the transaction of the change, a notice
 * row for the handling unit (its address as of now; none → no-address) and the `unit-notice` job that
 * generates the letter and mails it. One notice per timeline event.
 */
@Injectable()
export class UnitHandOvers implements CaseHandOvers {
  constructor(
    private readonly repo: UnitNoticesRepository,
    private readonly directory: DirectoryService,
    private readonly outbox: OutboxRepository,
  ) {}

  async handedOverIn(em: EntityManager, handOver: CaseHandOver): Promise<void> {
    const unit = await this.directory.unitByCode(handOver.unitCode);
    const recipient = unit?.email?.trim() || null;
    const id = randomUUID();
    await this.repo.insert(em, {
      id,
      caseId: handOver.caseId,
      eventId: handOver.eventId,
      kind: handOver.kind,
      unitCode: handOver.unitCode,
      recipient,
      letterKind: null,
      letterAttachmentId: null,
      letterNumber: null,
      linkId: null,
      status: recipient ? 'queued' : 'no-address',
      attempts: 0,
      lastError: null,
      sentAt: null,
      createdAt: handOver.at,
    });
    // Also without an address: the job generates the letter, which the office can then print.
    await this.outbox.enqueue(em, JOB_NAMES.unitNotice, { noticeId: id }, handOver.at, { dedupeKey: `unit-notice:${handOver.eventId}`, maxAttempts: 10 });
  }
}
