import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InviteDelivery } from '../calendar/invite-delivery.entity.js';
import { asRows } from '../database/rows.js';
import { JOB_NAMES } from '../jobs/job-names.js';
import { OutboxRelay } from '../jobs/outbox-relay.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import type { MeetingAttendee } from './meeting-attendee.entity.js';

export interface InviteRecipient {
  attendee: MeetingAttendee;
  method: 'REQUEST' | 'CANCEL';
}

/**
 * Writes one delivery per recipient (and one send job per e-mail address) in the caller's transaction,
 * so a meeting change and its invites commit together: a crash or a Redis outage loses no invite.
 */
@Injectable()
export class InviteScheduler {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
  ) {}

  async schedule(em: EntityManager, meetingId: string, sequence: number, recipients: InviteRecipient[], now: Date): Promise<void> {
    const deliveries: InviteDelivery[] = recipients.map(({ attendee, method }) => ({
      id: randomUUID(),
      meetingId,
      attendeeId: attendee.id,
      attendeeKind: attendee.kind,
      attendeeRef: attendee.refId,
      recipientName: attendee.name,
      email: attendee.email,
      sequence,
      method,
      status: attendee.email ? 'pending' : 'no-email',
      attempts: 0,
      lastError: attendee.email ? null : '无电子邮箱：仅通过日历订阅获取',
      createdAt: now,
      sentAt: null,
    }));
    if (!deliveries.length) return;
    await em.createQueryBuilder().insert().into(InviteDelivery).values(asRows(deliveries)).orIgnore().execute();
    for (const d of deliveries.filter((x) => x.email)) {
      await this.outbox.enqueue(em, JOB_NAMES.sendInvite, { deliveryId: d.id }, now, { dedupeKey: `invite:${meetingId}:${d.attendeeId}:${sequence}:${d.method}`, maxAttempts: 10 });
    }
  }

  /** After the transaction commits: hand the jobs over at once rather than at the next relay tick. */
  kick(): void {
    this.relay.kick();
  }
}
