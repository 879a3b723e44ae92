import { Injectable } from '@nestjs/common';
import type { Actor } from '../domain/actor.js';
import { MeetingAccess } from '../meetings/meeting-access.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import type { InviteBrief } from './brief.types.js';
import { CalendarErrors } from './calendar.errors.js';
import { composeBriefJson } from './case-brief.js';
import { buildInvite } from './ics-builder.js';
import type { InviteDelivery } from './invite-delivery.entity.js';
import { InviteDeliveryRepository } from './invite-delivery.repository.js';
import { InviteAssembler } from './invite-assembler.js';
import type { InviteMeeting } from './invite.types.js';

export interface DeliveryView {
  id: string;
  attendee: { kind: string; id: string; name: string };
  email: string | null;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  status: InviteDelivery['status'];
  attempts: number;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

const ATTENDEE_ID = /^[A-Za-z0-9_-]{2,36}$/;

/** Invites and briefs of one meeting as files and JSON for the console; who may read what. */
@Injectable()
export class CalendarService {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly assembler: InviteAssembler,
    private readonly deliveries: InviteDeliveryRepository,
  ) {}

  async inviteFile(meetingId: string, attendeeId: string | undefined, actor: Actor): Promise<string> {
    const { invite, recipient } = await this.resolve(meetingId, attendeeId, actor);
    return buildInvite(invite, recipient, this.assembler.settings);
  }

  async brief(meetingId: string, attendeeId: string | undefined, actor: Actor): Promise<InviteBrief> {
    const { invite, recipient } = await this.resolve(meetingId, attendeeId, actor);
    return composeBriefJson(invite, recipient?.kind === 'leader' ? recipient.id : null, this.assembler.settings);
  }

  async deliveriesOf(meetingId: string, actor: Actor): Promise<DeliveryView[]> {
    await this.meetings.load(meetingId, actor);
    return (await this.deliveries.forMeeting(meetingId)).map((d) => ({
      id: d.id,
      attendee: { kind: d.attendeeKind, id: d.attendeeRef, name: d.recipientName },
      email: d.email,
      sequence: d.sequence,
      method: d.method,
      status: d.status,
      attempts: d.attempts,
      lastError: d.lastError,
      createdAt: d.createdAt.toISOString(),
      sentAt: d.sentAt?.toISOString() ?? null,
    }));
  }

  /** The invite of a meeting the actor may see (`MeetingAccess`): a leader his or her own, others any attendee's (or the meeting's, without attendeeId). */
  private async resolve(meetingId: string, attendeeId: string | undefined, actor: Actor): Promise<{ invite: InviteMeeting; recipient: InviteMeeting['attendees'][number] | null }> {
    if (attendeeId !== undefined && !ATTENDEE_ID.test(attendeeId)) {
      throw CalendarErrors.invalidAttendeeId();
    }
    const wanted = MeetingAccess.inviteRecipient(actor, attendeeId);
    const aggregate = await this.meetings.load(meetingId, actor);
    const [invite] = await this.assembler.assembleMany([aggregate]);
    if (wanted === undefined) return { invite, recipient: null };
    const recipient = invite.attendees.find((a) => a.id.toLowerCase() === wanted.toLowerCase());
    if (!recipient) throw CalendarErrors.attendeeNotFound();
    return { invite, recipient };
  }
}
