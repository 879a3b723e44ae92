import type { MeetingType } from '../domain/case-vocabulary.js';
import type { AgendaItem } from './agenda-item.entity.js';
import type { MeetingAttendee } from './meeting-attendee.entity.js';
import type { MeetingOutcome } from './meeting-outcome.entity.js';
import type { Meeting, MeetingStatus } from './meeting.entity.js';

/** A meeting with its attendees, agenda and outcomes, as stored. */
export interface MeetingAggregate {
  meeting: Meeting;
  attendees: MeetingAttendee[];
  agenda: AgendaItem[];
  outcomes: MeetingOutcome[];
}

export interface MeetingFilter {
  from?: Date;
  to?: Date;
  type?: MeetingType;
  status?: MeetingStatus;
  /** Only meetings in one of these statuses (an empty list matches nothing). */
  statuses?: readonly MeetingStatus[];
  /** Meetings this leader attends (as an active attendee). */
  leaderId?: string;
}
