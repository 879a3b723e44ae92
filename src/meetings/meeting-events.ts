import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { MeetingAttendee } from './meeting-attendee.entity.js';

/**
 * What happened to a meeting that its invitees must hear about:
 * - `confirmed`: the draft was confirmed; `invited` are the attendees;
 * - `changed`: a confirmed meeting changed in a way that matters (time, place, chair, title, agenda,
 *   attendees); `invited` get the update in place, `removed` (dropped attendees) a cancellation;
 * - `cancelled`: a confirmed meeting was cancelled; `invited` get a cancellation;
 * - `replied`: an attendee answered (回执); nobody is sent anything (`invited` and `removed` are empty).
 */
export interface MeetingEvent {
  kind: 'confirmed' | 'changed' | 'cancelled' | 'replied';
  meetingId: string;
  /** The meeting's sequence after the change (iCalendar SEQUENCE). */
  sequence: number;
  invited: MeetingAttendee[];
  removed: MeetingAttendee[];
  at: Date;
}

/** A module above meetings that acts on its events (the calendar delivers the invites). */
export interface MeetingEventHandler {
  /** Inside the meeting's transaction: what it writes commits (or rolls back) with the change. */
  onMeetingEvent(em: EntityManager, event: MeetingEvent): Promise<void>;
  /** After that transaction committed (e.g. hand the jobs it enqueued over at once). */
  afterCommit?(): void;
}

/**
 * The meetings module's events (a port: meetings may not import the calendar above it). Meetings emits
 * inside the transaction of each change; the handlers register themselves at start-up (the calendar's
 * invite scheduler), and start-up fails when none did: a confirmed meeting must never go unannounced.
 */
@Injectable()
export class MeetingEvents implements OnApplicationBootstrap {
  private readonly handlers: MeetingEventHandler[] = [];

  register(handler: MeetingEventHandler): void {
    this.handlers.push(handler);
  }

  /** In the caller's transaction (`em`), every handler in turn. */
  async emit(em: EntityManager, event: MeetingEvent): Promise<void> {
    for (const handler of this.handlers) await handler.onMeetingEvent(em, event);
  }

  /** Once the transaction that emitted committed. */
  committed(): void {
    for (const handler of this.handlers) handler.afterCommit?.();
  }

  onApplicationBootstrap(): void {
    if (!this.handlers.length) throw new Error('No handler for meeting events: import CalendarModule (it delivers the invites) into the application');
  }
}
