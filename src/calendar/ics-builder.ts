import ical, {
  ICalAlarmType,
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalAlarmData,
  type ICalAttendeeData,
  type ICalCalendar,
  type ICalEventData,
} from 'ical-generator';
import { DateTime } from 'luxon';
import { redactPii } from '../common/pii/masking.js';
import { composeDescription, type BriefOptions } from './case-brief.js';
import { serializeCalendar, vtimezone } from './ics-serialize.js';
import { CalendarErrors } from './calendar.errors.js';
import type { InviteAttendee, InviteMeeting, InviteSettings } from './invite.types.js';
import type { Partstat } from '../meetings/replies/reply-state.js';

/**
 * iCalendar (RFC 5545) output of meetings, built with ical-generator 10 as it gives correct times (docs/calendar.md):
 * calendar `timezone: { name: null, generator }` (a VTIMEZONE block, no X-WR-TIMEZONE and a
 * valid UTC DTSTAMP), event `timezone: settings.timeZone`, start/end as luxon DateTimes.
 * The text is ical-generator's own output byte for byte, serialized by `serializeCalendar`
 * (ten times faster than the library's `toString()`, same folding at 75 octets that never
 * splits a UTF-8 character); every line, the last one included, ends with CRLF.
 */

export interface FeedOptions extends Pick<BriefOptions, 'locale'> {
  /** Suggested refresh interval for subscribers (REFRESH-INTERVAL / X-PUBLISHED-TTL); default 60. */
  ttlMinutes?: number;
}

export const DEFAULT_FEED_TTL_MINUTES = 60;

const ROLE: Record<InviteAttendee['role'], ICalAttendeeRole> = {
  chair: ICalAttendeeRole.CHAIR,
  required: ICalAttendeeRole.REQ,
  optional: ICalAttendeeRole.OPT,
};
const ROLE_RANK: Record<InviteAttendee['role'], number> = { chair: 0, required: 1, optional: 2 };
const REMINDER: Record<NonNullable<BriefOptions['locale']>, (title: string) => string> = {
  zh: (title) => `会议提醒：${title}`,
  en: (title) => `Reminder: ${title}`,
};

/**
 * One attendee's invite: METHOD:REQUEST (or CANCEL), one VEVENT with the meeting's UID and
 * SEQUENCE, every attendee that has an e-mail address as an ATTENDEE (ical-generator needs a
 * mailto; attendees without one still appear by name in the description), and a description
 * that carries the brief of the recipient's own cases when the recipient is a leader.
 */
export function buildInvite(
  meeting: InviteMeeting,
  recipient: InviteAttendee | null,
  settings: InviteSettings,
  options: Pick<BriefOptions, 'locale'> = {},
): string {
  return serializeCalendar(createInviteCalendar(meeting, recipient, settings, options));
}

/** The ical-generator calendar behind `buildInvite` (for callers that need the object). */
export function createInviteCalendar(
  meeting: InviteMeeting,
  recipient: InviteAttendee | null,
  settings: InviteSettings,
  options: Pick<BriefOptions, 'locale'> = {},
): ICalCalendar {
  const cancel = meeting.method === 'CANCEL';
  const leaderId = recipient?.kind === 'leader' ? recipient.id : null;
  const calendar = ical({
    prodId: productId(settings),
    method: cancel ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    timezone: { name: null, generator: vtimezone },
  });
  calendar.createEvent({
    ...eventCore(meeting, leaderId, settings, options),
    organizer: { name: redactPii(meeting.organizer.name), email: meeting.organizer.email },
    attendees: attendeeLines(meeting.attendees, cancel),
    alarms: cancel ? [] : alarms(meeting, settings, options),
  });
  return calendar;
}

/**
 * A leader's subscription feed: one VEVENT per meeting (cancelled ones kept, STATUS:CANCELLED,
 * so subscribers drop them), same UID and SEQUENCE as the invites, no METHOD. RFC 5545 §3.7.2:
 * without METHOD the object is "merely a snapshot of calendar information" with no scheduling
 * semantics, which is what a subscribed (webcal) feed is; METHOD:PUBLISH would make it an iTIP
 * message (RFC 5546), which clients import as a one-off copy rather than refresh, and PUBLISH
 * forbids ATTENDEE. So the feed carries no ORGANIZER/ATTENDEE (the names are in the description)
 * and no VALARM (the invites carry the reminders; a feed's would ring a second time).
 */
export function buildFeed(
  name: string,
  meetings: InviteMeeting[],
  forLeaderId: string,
  settings: InviteSettings,
  options: FeedOptions = {},
): string {
  return serializeCalendar(createFeedCalendar(name, meetings, forLeaderId, settings, options));
}

/** The ical-generator calendar behind `buildFeed`. */
export function createFeedCalendar(
  name: string,
  meetings: InviteMeeting[],
  forLeaderId: string,
  settings: InviteSettings,
  options: FeedOptions = {},
): ICalCalendar {
  const ttlMinutes = options.ttlMinutes ?? DEFAULT_FEED_TTL_MINUTES;
  if (!(ttlMinutes > 0)) throw CalendarErrors.invalidInvite('ttlMinutes', 'must be positive');
  const calendar = ical({
    prodId: productId(settings),
    name: escapeText(redactPii(name)),
    ttl: ttlMinutes * 60,
    timezone: { name: null, generator: vtimezone },
  });
  const ordered = [...meetings].sort((a, b) => a.startAt.getTime() - b.startAt.getTime() || a.uid.localeCompare(b.uid));
  for (const meeting of ordered) calendar.createEvent(eventCore(meeting, forLeaderId, settings, options));
  return calendar;
}

/** What an invite and a feed entry share. */
function eventCore(
  meeting: InviteMeeting,
  leaderId: string | null,
  settings: InviteSettings,
  options: Pick<BriefOptions, 'locale'>,
): ICalEventData {
  const zone = settings.timeZone;
  const stamp = DateTime.fromJSDate(meeting.updatedAt, { zone: 'utc' });
  if (!stamp.isValid) throw CalendarErrors.invalidInvite('updatedAt', 'not a valid date');
  return {
    id: meeting.uid,
    sequence: meeting.sequence,
    start: DateTime.fromJSDate(meeting.startAt, { zone }),
    end: DateTime.fromJSDate(meeting.endAt, { zone }),
    timezone: zone,
    stamp,
    lastModified: stamp,
    summary: redactPii(meeting.title),
    location: redactPii(meeting.location),
    description: composeDescription(meeting, leaderId, settings, options),
    status: meeting.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    url: meeting.url,
  };
}

/** One ATTENDEE per distinct e-mail address (the strongest role wins); no address, no line. */
function attendeeLines(attendees: InviteAttendee[], cancel: boolean): ICalAttendeeData[] {
  const byEmail = new Map<string, InviteAttendee>();
  for (const a of attendees) {
    const email = a.email?.trim();
    if (!email) continue;
    const key = email.toLowerCase();
    const seen = byEmail.get(key);
    if (!seen || ROLE_RANK[a.role] < ROLE_RANK[seen.role]) byEmail.set(key, { ...a, email });
  }
  return [...byEmail.values()].map((a) => ({
    email: a.email ?? '',
    name: redactPii(a.name),
    role: ROLE[a.role],
    // A cancellation asks for no reply (RFC 5546 §3.2.5); an invite asks only those who have not answered.
    ...(cancel ? {} : replyState(a.partstat ?? 'NEEDS-ACTION')),
  }));
}

const PARTSTAT: Record<Partstat, ICalAttendeeStatus> = {
  'NEEDS-ACTION': ICalAttendeeStatus.NEEDSACTION,
  ACCEPTED: ICalAttendeeStatus.ACCEPTED,
  DECLINED: ICalAttendeeStatus.DECLINED,
  DELEGATED: ICalAttendeeStatus.DELEGATED,
  TENTATIVE: ICalAttendeeStatus.TENTATIVE,
};

/** PARTSTAT as stored; RSVP=TRUE only while the attendee has not answered. */
function replyState(partstat: Partstat): Pick<ICalAttendeeData, 'rsvp' | 'status'> {
  return partstat === 'NEEDS-ACTION' ? { rsvp: true, status: PARTSTAT[partstat] } : { status: PARTSTAT[partstat] };
}

function alarms(meeting: InviteMeeting, settings: InviteSettings, options: Pick<BriefOptions, 'locale'>): ICalAlarmData[] {
  const minutes = [...new Set(settings.alarmMinutesBefore)];
  for (const m of minutes) {
    if (!Number.isInteger(m) || m < 0) throw CalendarErrors.invalidInvite('alarmMinutesBefore', `${m} is not a whole number of minutes ≥ 0`);
  }
  const description = REMINDER[options.locale ?? 'zh'](redactPii(meeting.title));
  return minutes.sort((a, b) => b - a).map((m) => ({ type: ICalAlarmType.display, triggerBefore: m * 60, description }));
}

/** ical-generator writes `PRODID:-` + the value: accept `//org//product//ZH` with or without the dash. */
function productId(settings: InviteSettings): string {
  return settings.productId.replace(/^-/, '');
}

/** TEXT escaping (RFC 5545 §3.3.11) for the feed name, which ical-generator writes verbatim. */
function escapeText(value: string): string {
  return value
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\;,]/g, (c) => `\\${c}`);
}
