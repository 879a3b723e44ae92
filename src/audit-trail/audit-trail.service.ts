import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import type { Policy } from '../../config/policy.js';
import { AUDIT_ACTIONS } from '../audit/audit-actions.js';
import type { AuditEntry } from '../audit/audit-entry.entity.js';
import { auditSummary, type Words } from '../audit/audit-summary.js';
import { redactFreeText } from '../common/pii/free-text.js';
import { POLICY } from '../common/tokens.js';
import type { AuditQuery } from './audit-trail.dto.js';
import { AuditTrailErrors } from './audit-trail.errors.js';
import { type AuditFilter, AuditTrailRepository } from './audit-trail.repository.js';

export interface AuditItem {
  id: string;
  at: Date;
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: Words;
  data: Record<string, unknown>;
}

export interface AuditPage {
  total: number;
  page: number;
  pageSize: number;
  items: AuditItem[];
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

/** 审计: the trail of administrative changes and exports, for admins and auditors. */
@Injectable()
export class AuditTrailService {
  constructor(
    private readonly repo: AuditTrailRepository,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  async page(query: AuditQuery): Promise<AuditPage> {
    const from = query.from !== undefined ? this.officeDay(query.from, 'from') : undefined;
    const to = query.to !== undefined ? this.officeDay(query.to, 'to').plus({ days: 1 }) : undefined;
    if (from && to && !(to > from)) throw AuditTrailErrors.rangeReversed();
    const filter: AuditFilter = {
      actor: query.actor,
      action: query.action,
      entityType: query.entityType,
      entityId: query.entityId,
      from: from?.toJSDate(),
      to: to?.toJSDate(),
    };
    const { total, items } = await this.repo.page(filter, (query.page - 1) * query.pageSize, query.pageSize);
    return { total, page: query.page, pageSize: query.pageSize, items: items.map(toItem) };
  }

  actions(): { action: string; zh: string; en: string }[] {
    return Object.entries(AUDIT_ACTIONS).map(([action, words]) => ({ action, ...words }));
  }

  /** The start of an office day (`YYYY-MM-DD`) in the office's time zone. */
  private officeDay(value: string, field: 'from' | 'to'): DateTime {
    const day = DATE_ONLY.test(value) ? DateTime.fromISO(value, { zone: this.policy.timeZone }) : null;
    if (!day?.isValid) throw AuditTrailErrors.dateInvalid(field);
    return day.startOf('day');
  }
}

/** An entry as the page shows it: in words, and with any ID or mobile number in older data masked. */
function toItem(e: AuditEntry): AuditItem {
  const data = redactFreeText(e.data ?? {});
  return {
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorName: e.actorName,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    summary: auditSummary({ action: e.action, entityType: e.entityType, entityId: e.entityId, data }),
    data,
  };
}
