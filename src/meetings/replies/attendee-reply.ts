import type { MeetingAttendee } from '../meeting-attendee.entity.js';
import type { MeetingAggregate } from '../meeting-aggregate.js';
import type { MeetingEvent } from '../meeting-events.js';
import { ReplyErrors } from './replies.errors.js';
import { decideReply, PARTSTAT_ZH, type Reply, type ReplyState } from './reply-state.js';
import { replyWarnings, type ReplyWarning } from './reply-warnings.js';

/** What one reply does, computed without the database: the attendee's new state, its audit entries and the meeting event. */
export interface ReplyOperation {
  attendee: MeetingAttendee;
  /** null: nothing changes (the same answer again, or an older one). */
  next: ReplyState | null;
  ignored: 'same' | 'stale' | null;
  audit: { action: 'meeting.reply'; data: Record<string, unknown> } | null;
  /** Warnings this reply raises (a leader in charge or the chair declined): audited as `meeting.reply-warning`. */
  warnings: ReplyWarning[];
  event: MeetingEvent | null;
}

/** The attendee a reply is for, if he or she may still answer; a domain error otherwise. */
export function replyingAttendee(a: MeetingAggregate, attendeeId: string): MeetingAttendee {
  const { status } = a.meeting;
  if (status === 'cancelled') throw ReplyErrors.meetingCancelled();
  const attendee = a.attendees.find((x) => x.id === attendeeId);
  if (!attendee) throw ReplyErrors.attendeeNotFound();
  if (!attendee.active) throw ReplyErrors.notInvited();
  if (status !== 'confirmed') throw ReplyErrors.notOpen(status);
  return attendee;
}

/**
 * One reply to a confirmed meeting, as a pure operation: applying the same reply twice changes nothing
 * (no audit entry, no event the second time).
 */
export function planReply(a: MeetingAggregate, attendeeId: string, reply: Reply): ReplyOperation {
  const attendee = replyingAttendee(a, attendeeId);
  if (reply.partstat === 'DELEGATED' && !reply.substitute?.name.trim()) throw ReplyErrors.substituteMissing();
  const decision = decideReply(attendee, reply);
  if (!decision.changed) return { attendee, next: null, ignored: decision.why, audit: null, warnings: [], event: null };
  const { next } = decision;
  const updated: MeetingAttendee = { ...attendee, ...next };
  const before = new Set(replyWarnings(a).map(warningKey));
  const after = replyWarnings({ ...a, attendees: a.attendees.map((x) => (x.id === attendee.id ? updated : x)) });
  return {
    attendee: updated,
    next,
    ignored: null,
    audit: {
      action: 'meeting.reply',
      data: {
        attendeeId: attendee.id,
        name: attendee.name,
        kind: attendee.kind,
        from: attendee.partstat,
        partstat: next.partstat,
        answer: PARTSTAT_ZH[next.partstat],
        via: next.replyVia,
        // The remark stays on the attendee row (secretariat only); the audit trail notes only that there is one.
        hasComment: next.replyComment !== null,
        substituteName: next.substituteName,
        substitutePost: next.substitutePost,
      },
    },
    warnings: after.filter((w) => !before.has(warningKey(w))),
    event: { kind: 'replied', meetingId: a.meeting.id, sequence: a.meeting.sequence, invited: [], removed: [], at: next.repliedAt ?? reply.at },
  };
}

const warningKey = (w: ReplyWarning): string => `${w.code}:${w.attendeeId}:${w.caseId ?? ''}:${w.message}`;
