import { randomUUID } from 'node:crypto';
import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOB_NAMES } from '../jobs/job-names.js';
import { OutboxRelay } from '../jobs/outbox-relay.js';
import { OutboxRepository } from '../jobs/outbox.repository.js';
import type { MeetingAttendee } from '../meetings/meeting-attendee.entity.js';
import { type MeetingEvent, type MeetingEventHandler, MeetingEvents } from '../meetings/meeting-events.js';
import type { InviteDelivery } from './invite-delivery.entity.js';
import { InviteDeliveryRepository } from './invite-delivery.repository.js';

interface InviteRecipient {
  attendee: MeetingAttendee;
  method: 'REQUEST' | 'CANCEL';
}

/** Who hears what: a confirmation or a change is an invite (a change in place), a cancellation or a drop a CANCEL. */
function recipients(event: MeetingEvent): InviteRecipient[] {
  const to = (attendees: MeetingAttendee[], method: InviteRecipient['method']): InviteRecipient[] => attendees.map((attendee) => ({ attendee, method }));
  switch (event.kind) {
    case 'confirmed':
      return to(event.invited, 'REQUEST');
    case 'changed':
      return [...to(event.invited, 'REQUEST'), ...to(event.removed, 'CANCEL')];
    case 'cancelled':
      return [...to(event.invited, 'CANCEL'), ...to(event.removed, 'CANCEL')];
    case 'replied':
      return []; // an answer changes no invite now; the next one carries it (PARTSTAT)
  }
}

/**
 * The calendar's handler of the meetings' events: one delivery per recipient (and one send job per
 * e-mail address), written in the meeting's own transaction, so a meeting change and its invites commit
 * together: a crash or a Redis outage loses no invite.
 */
@Injectable()
export class InviteScheduler implements MeetingEventHandler, OnModuleInit {
  constructor(
    private readonly events: MeetingEvents,
    private readonly deliveries: InviteDeliveryRepository,
    private readonly outbox: OutboxRepository,
    private readonly relay: OutboxRelay,
  ) {}

  onModuleInit(): void {
    this.events.register(this);
  }

  async onMeetingEvent(em: EntityManager, event: MeetingEvent): Promise<void> {
    const { meetingId, sequence, at } = event;
    const deliveries: InviteDelivery[] = recipients(event).map(({ attendee, method }) => ({
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
      createdAt: at,
      sentAt: null,
    }));
    if (!deliveries.length) return;
    await this.deliveries.insertIgnoring(em, deliveries);
    for (const d of deliveries.filter((x) => x.email)) {
      await this.outbox.enqueue(em, JOB_NAMES.sendInvite, { deliveryId: d.id }, at, { dedupeKey: `invite:${meetingId}:${d.attendeeId}:${sequence}:${d.method}`, maxAttempts: 10 });
    }
  }

  /** After the transaction commits: hand the jobs over at once rather than at the next relay tick. */
  afterCommit(): void {
    this.relay.kick();
  }
}
