import { Injectable } from '@nestjs/common';
import { AuditRepository } from '../audit/audit.repository.js';
import { redactFreeText } from '../common/pii/free-text.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import type { Actor } from '../domain/actor.js';
import { Clock } from '../domain/clock.js';

/** Records who exported which report (a file leaves the system): the audit page lists it. */
@Injectable()
export class ExportAudit {
  constructor(
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  record(actor: Actor, action: string, entity: { type: string; id: string }, data: Record<string, unknown>): Promise<void> {
    const now = this.clock.now();
    return this.tx.run((em) => this.audit.record(em, actor, action, entity, redactFreeText(data), now));
  }
}
