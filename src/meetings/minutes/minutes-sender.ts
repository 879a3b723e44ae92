import { Injectable, type OnModuleInit } from '@nestjs/common';
import { Mailer } from '../../common/mail/mailer.js';
import { redactPii } from '../../common/pii/masking.js';
import { Clock } from '../../domain/clock.js';
import { TransactionRunner } from '../../database/transaction-runner.js';
import { JOB_NAMES } from '../../jobs/job-names.js';
import { JobRegistry } from '../../jobs/job-registry.js';
import { MeetingsRepository } from '../meetings.repository.js';
import { renderMinutesDocx } from './minutes-docx.js';
import { MinutesRepository } from './minutes.repository.js';
import { minutesFileName, MinutesService } from './minutes.service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * The `send-minutes` job: one e-mail with the issued minutes (.docx attached) to one attendee.
 * Idempotent: an attendee already sent is not sent again; a failed send is marked and retried by the outbox.
 */
@Injectable()
export class MinutesSender implements OnModuleInit {
  constructor(
    private readonly registry: JobRegistry,
    private readonly meetings: MeetingsRepository,
    private readonly repo: MinutesRepository,
    private readonly minutes: MinutesService,
    private readonly mailer: Mailer,
    private readonly tx: TransactionRunner,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.sendMinutes, ({ meetingId, attendeeId }) => this.send(meetingId, attendeeId));
  }

  async send(meetingId: string, attendeeId: string): Promise<void> {
    const [found, record] = await Promise.all([this.meetings.find(meetingId), this.repo.find(meetingId)]);
    const row = record?.attendance.find((a) => a.attendeeId === attendeeId);
    const attendee = found?.attendees.find((a) => a.id === attendeeId && a.active);
    if (!found || !record || record.status !== 'issued' || !row || row.mailStatus === 'sent') return;
    if (!attendee?.email) {
      await this.mark(meetingId, attendeeId, { mailStatus: 'no-email' });
      return;
    }
    const doc = await this.minutes.document(found, record);
    try {
      await this.mailer.send(
        {
          to: { name: attendee.name, address: attendee.email },
          subject: redactPii(`【会议纪要】${doc.title}${doc.number ?? ''}`),
          text: redactPii(`${attendee.name}：\n\n${doc.time}在${doc.place}召开的会议，纪要${doc.number ?? ''}已印发，见附件。\n\n${doc.office}`),
          attachments: [{ filename: minutesFileName(doc), content: await renderMinutesDocx(doc), contentType: DOCX }],
          messageId: `<minutes-${meetingId}-${attendeeId}@xinfang.renda>`,
        },
        `minutes-${meetingId}-${attendeeId}`,
      );
    } catch (error) {
      await this.mark(meetingId, attendeeId, { mailStatus: 'failed', mailError: error instanceof Error ? error.message.slice(0, 500) : 'send failed' });
      throw error; // the outbox retries the job with backoff
    }
    await this.mark(meetingId, attendeeId, { mailStatus: 'sent', mailedAt: this.clock.now(), mailError: null });
  }

  private mark(meetingId: string, attendeeId: string, changes: Parameters<MinutesRepository['markMail']>[3]): Promise<void> {
    return this.tx.run((em) => this.repo.markMail(em, meetingId, [attendeeId], changes));
  }
}
