import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { OfficeSettings } from '../settings/office-settings.js';
import { DateTime } from 'luxon';
import type { Policy } from '../../config/policy.js';
import { Clock } from '../domain/clock.js';
import { Mailer } from '../common/mail/mailer.js';
import { redactPii } from '../common/pii/masking.js';
import { DirectoryService } from '../directory/directory.service.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { CaseNoticeRepository, type PendingNotice } from './case-notice.repository.js';

const KIND_ZH: Record<PendingNotice['kind'], string> = { overdue: '已超期', 'due-soon': '即将到期', manual: '催办', lookback: '回头看通报' };
const MAX_PER_MESSAGE = 500;

/** Sends each handling unit one digest of its pending urging notices and due-soon reminders (催办通知). */
@Injectable()
export class UnitReminderService implements OnModuleInit {
  private readonly logger = new Logger('UnitReminder');

  constructor(
    private readonly notices: CaseNoticeRepository,
    private readonly directory: DirectoryService,
    private readonly mailer: Mailer,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    private readonly settings: OfficeSettings,
  ) {}

  /** The office policy in force now (a newly published settings version applies at once). */
  private get policy(): Policy {
    return this.settings.policy();
  }

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.dueSoonReminder, ({ unitCode }, { jobId }) => this.remind(unitCode, jobId));
  }

  async remind(unitCode: string, jobId: string): Promise<void> {
    const upTo = this.clock.now();
    const [pending, total] = await Promise.all([this.notices.pendingForUnit(unitCode, MAX_PER_MESSAGE), this.notices.countPendingForUnit(unitCode)]);
    if (!pending.length) return;
    const unit = await this.directory.unitByCode(unitCode);
    if (unit?.email) {
      await this.mailer.send(
        {
          to: unit.email,
          subject: `【催办通知】${unit.name}：${pending.length} 件信访事项请按期办理`,
          text: this.body(unit.name, pending, total),
          headers: { 'X-XF-Job': jobId },
        },
        `reminder-${unitCode}-${jobId}`,
      );
    } else {
      this.logger.warn(`unit ${unitCode} has no e-mail address; ${pending.length} notices recorded without sending`);
    }
    // One digest covers the unit's whole backlog: the first items listed, the rest counted.
    await this.notices.markDeliveredForUnit(unitCode, upTo, this.clock.now());
  }

  private body(unitName: string, pending: PendingNotice[], total: number): string {
    const fmt = (d: Date | null): string => (d ? (DateTime.fromJSDate(d, { zone: this.policy.timeZone }).toISODate() ?? '') : '—');
    const lines = pending.map((n) => `${n.caseCode}  ${KIND_ZH[n.kind]}  期限 ${fmt(n.dueAt)}  ${n.caseSubject}${n.note ? `（${n.note}）` : ''}`);
    return redactPii(
      [
        `${unitName}：`,
        '',
        '以下信访事项请抓紧办理，并在期限内书面答复信访人、报送办理结果：',
        '',
        ...lines,
        ...(total > pending.length ? ['', `另有 ${total - pending.length} 件，详见信访台账。`] : []),
        '',
        '人大常委会信访室',
      ].join('\r\n'),
    );
  }
}
