import type { MeetingType } from '../domain/case-vocabulary.js';
import type { AgendaItem } from './agenda-item.entity.js';
import type { MeetingAttendee } from './meeting-attendee.entity.js';
import type { MeetingOutcome } from './meeting-outcome.entity.js';
import type { Meeting, MeetingStatus } from './meeting.entity.js';
import type { MinutesRecord } from './minutes/minutes.entity.js';

/** A meeting with its attendees, agenda and outcomes, as stored. */
export interface MeetingAggregate {
  meeting: Meeting;
  attendees: MeetingAttendee[];
  agenda: AgendaItem[];
  outcomes: MeetingOutcome[];
  /** The meeting's room as the directory has it now (read with the meeting; absent or null: no room). */
  room?: MeetingRoomFacts | null;
  /** The minutes (会议纪要) with who attended, when read with the meeting (absent or null: none yet). */
  minutes?: MinutesRecord | null;
}

/** What a meeting view shows of its room. */
export interface MeetingRoomFacts {
  id: string;
  name: string;
  capacity: number;
  equipment: string[];
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
