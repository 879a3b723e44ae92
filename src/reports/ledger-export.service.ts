import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import type { Policy } from '../../config/policy.js';
import type { Actor } from '../domain/actor.js';
import type { PetitionCase } from '../cases/case.entity.js';
import type { LedgerFilter } from '../cases/ledger-filter.js';
import { AuditRepository } from '../audit/audit.repository.js';
import { Clock } from '../domain/clock.js';
import { maskName, redactPii } from '../common/pii/masking.js';
import { localTime } from '../common/time/zoned-time.js';
import { POLICY } from '../common/tokens.js';
import { TransactionRunner } from '../database/transaction-runner.js';
import { DirectoryService } from '../directory/directory.service.js';
import { label, ZH } from '../domain/labels.js';
import { CaseReader } from '../cases/case-reader.js';

const BATCH = 2000;

export const LEDGER_COLUMNS = [
  '编号',
  '渠道',
  '收信/来访时间',
  '登记时间',
  '状态',
  '等级',
  '类别',
  '区域',
  '信访人',
  '人数',
  '事由',
  '承办单位',
  '办理方式',
  '跟踪委员会',
  '受理期限',
  '答复期限',
  '当前期限',
  '是否超期',
  '已延期',
  '包案领导',
  '反馈',
  '答复时间',
  '办结时间',
] as const;

/** RFC 4180 quoting, and a leading apostrophe so no cell is read as a formula by a spreadsheet. */
export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * 台账 export: the filtered ledger as CSV (UTF-8 with BOM, for Excel), streamed batch by batch with
 * back-pressure so a million rows never sit in memory. A file travels: for every role, petitioners appear
 * masked and the free text (subject, region) has its ID numbers and mobiles masked. Every export is audited.
 */
@Injectable()
export class LedgerExportService {
  constructor(
    private readonly cases: CaseReader,
    private readonly directory: DirectoryService,
    private readonly audit: AuditRepository,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
    @Inject(POLICY) private readonly policy: Policy,
  ) {}

  async stream(out: Writable, filter: LedgerFilter, actor: Actor): Promise<number> {
    const now = this.clock.now();
    await this.tx.run((em) => this.audit.record(em, actor, 'ledger.export', { type: 'ledger', id: 'cases' }, { filter: { ...filter } }, now));
    const [units, leaders] = await Promise.all([this.directory.listUnits(), this.directory.listLeaders()]);
    const unitName = new Map(units.map((u) => [u.code, u.name]));
    const leaderName = new Map(leaders.map((l) => [l.id, `${l.name}${l.title}`]));
    // A million rows: local times through the per-hour offset cache, not a full time-zone lookup each.
    const zone = this.policy.timeZone;
    const fmt = (d: Date | null): string | null => (d ? ((t) => `${t.date} ${t.time}`)(localTime(d, zone)) : null);
    const day = (d: Date | null): string | null => (d ? localTime(d, zone).date : null);
    const row = (c: PetitionCase): string =>
      [
        c.code,
        label(ZH.channel, c.channel),
        fmt(c.receivedAt),
        fmt(c.registeredAt),
        label(ZH.status, c.status),
        label(ZH.grade, c.grade),
        label(ZH.categoryFull, c.category),
        redactPii(c.region),
        maskName(c.petitionerName),
        c.headcount,
        redactPii(c.subject),
        unitName.get(c.routeHandledBy) ?? c.routeHandledBy,
        label(ZH.mode, c.routeMode),
        unitName.get(c.routeCommittee) ?? c.routeCommittee,
        day(c.acceptDueAt),
        day(c.replyDueAt),
        day(c.dueAt),
        c.dueAt && c.dueAt < now ? '是' : '否',
        c.extensionUsed ? '是' : '否',
        c.leadLeaderId ? (leaderName.get(c.leadLeaderId) ?? '') : null,
        c.feedback ? label(ZH.feedback, c.feedback) : null,
        fmt(c.repliedAt),
        fmt(c.closedAt),
      ]
        .map(csvCell)
        .join(',') + '\r\n';

    await write(out, '\uFEFF' + LEDGER_COLUMNS.join(',') + '\r\n');
    let rows = 0;
    let after: string | null = null;
    for (;;) {
      const batch = await this.cases.exportBatch(filter, now, after, BATCH);
      if (!batch.length) break;
      await write(out, batch.map(row).join(''));
      rows += batch.length;
      after = batch[batch.length - 1].code;
      if (batch.length < BATCH) break;
    }
    out.end();
    return rows;
  }
}

/** Writes and waits when the socket's buffer is full (back-pressure). */
async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
