import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DateTime } from 'luxon';
import { Clock } from '../domain/clock.js';
import { Mailer } from '../common/mail/mailer.js';
import { redactPii } from '../common/pii/masking.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { JobRegistry } from '../jobs/job-registry.js';
import { buildInvite } from './ics-builder.js';
import { InviteAssembler } from './invite-assembler.js';
import { composeDescription } from './case-brief.js';
import { InviteDeliveryRepository } from './invite-delivery.repository.js';
import type { InviteAttendee, InviteMeeting, InviteSettings } from './invite.types.js';
import { ReplyLinks } from '../meetings/replies/reply-links.js';

/**
 * The `send-invite` job: one e-mail per delivery (RFC 6047: a `text/calendar; method=…` alternative and
 * the same `.ics` attached). Idempotent: a delivery already sent, or superseded by a later invite for the
 * same attendee, is not sent again; a failed send stays in the database and the job retries with backoff.
 */
@Injectable()
export class InviteSenderService implements OnModuleInit {
  constructor(
    private readonly deliveries: InviteDeliveryRepository,
    private readonly assembler: InviteAssembler,
    private readonly mailer: Mailer,
    private readonly registry: JobRegistry,
    private readonly clock: Clock,
    private readonly replyLinks: ReplyLinks,
  ) {}

  onModuleInit(): void {
    this.registry.register(JOB_NAMES.sendInvite, ({ deliveryId }) => this.send(deliveryId));
  }

  async send(deliveryId: string): Promise<void> {
    const existing = await this.deliveries.findById(deliveryId);
    if (!existing || existing.status === 'sent' || existing.status === 'no-email' || existing.status === 'superseded') return;
    if (existing.method === 'REQUEST' && (await this.deliveries.superseded(existing))) {
      await this.deliveries.mark(deliveryId, { status: 'superseded', lastError: null });
      return;
    }
    const d = await this.deliveries.claim(deliveryId);
    if (!d?.email) return;
    const meeting = await this.assembler.forMeeting(d.meetingId, d.method, d.sequence);
    if (!meeting) {
      await this.deliveries.mark(deliveryId, { status: 'failed', lastError: '会议已不存在' });
      return;
    }
    const recipient = meeting.attendees.find((a) => a.kind === d.attendeeKind && a.id === d.attendeeRef) ?? {
      kind: d.attendeeKind as 'leader' | 'unit' | 'deputy',
      id: d.attendeeRef,
      name: d.recipientName,
      email: d.email,
      role: 'optional' as const,
    };
    const ics = buildInvite(meeting, recipient, this.assembler.settings);
    const when = DateTime.fromJSDate(meeting.startAt, { zone: this.assembler.settings.timeZone }).toFormat('yyyy-MM-dd HH:mm');
    try {
      await this.mailer.send(
        {
          to: { name: d.recipientName, address: d.email },
          // The title is typed text and the e-mail may go to an outside unit: masked like the invite itself.
          subject: redactPii(`${d.method === 'CANCEL' ? '【会议取消】' : d.sequence > 0 ? '【会议变更】' : '【会议邀请】'}${meeting.title} ${when}`),
          // An invite carries the recipient's own reply link (回执: accept, decline, send a substitute); a cancellation none.
          text: mailText(meeting, recipient, this.assembler.settings, d.method === 'REQUEST' ? this.replyLinks.urlFor(d.attendeeId, d.meetingId, meeting.endAt) : null),
          icalEvent: { method: d.method.toLowerCase(), filename: 'invite.ics', content: ics },
          messageId: `<invite-${d.id}@xinfang.renda>`,
          headers: { 'X-XF-Delivery': d.id },
        },
        `invite-${d.meetingId}-${d.attendeeRef}-${d.sequence}-${d.method}`,
      );
    } catch (error) {
      await this.deliveries.mark(deliveryId, { status: 'failed', lastError: error instanceof Error ? error.message.slice(0, 500) : 'send failed' });
      throw error; // the outbox retries the job with backoff
    }
    await this.deliveries.mark(deliveryId, { status: 'sent', sentAt: this.clock.now(), lastError: null });
  }
}

/**
 * The e-mail's text: the invite's description, for a leader (who signs in to the console) the link to the
 * meeting's page there, and for everyone invited his or her own reply link (a signed address, no login).
 */
export function mailText(meeting: InviteMeeting, recipient: InviteAttendee, settings: InviteSettings, replyUrl: string | null = null): string {
  const description = composeDescription(meeting, recipient.kind === 'leader' ? recipient.id : null, settings);
  const page = recipient.kind === 'leader' && meeting.url ? `\n\n会议页面（控制台）：${meeting.url}` : '';
  const reply = replyUrl ? `\n\n请回执（接受 / 谢绝 / 派员参加，无需登录）：${replyUrl}` : '';
  return `${description}${page}${reply}`;
}
