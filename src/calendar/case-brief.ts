import { maskName, redactPii } from '../common/pii/masking.js';
import { renderBriefText } from './brief-text.js';
import type { BriefAgendaLine, BriefCase, InviteBrief } from './brief.types.js';
import { CalendarErrors } from './calendar.errors.js';
import type { BriefAgendaItem, InviteMeeting, InviteSettings } from './invite.types.js';
import { BRIEF_LABELS, type BriefLabels, type BriefLocale } from './labels.js';
import { daysBetween, localTime } from './zoned-time.js';

export interface BriefOptions {
  /** Default `zh`. */
  locale?: BriefLocale;
  /** Headcount from which an agenda line says 集体访 N 人 (default 5, docs/domain.md). */
  groupPetitionHeadcount?: number;
}

export const GROUP_PETITION_HEADCOUNT = 5;

/**
 * The description of a meeting invite as plain text (Chinese by default), e.g.
 *
 *   督办会 · 2026年12月8日（周二）09:00–11:00 · 常委会第三会议室
 *   主持：李主任   列席：法工委、城建环保委、市住建局、信访室
 *   议程 …  and, for a leader in charge of agenda cases, 您包案的事项 …
 *
 * `forLeaderId` adds the brief of the cases that leader takes charge of; null (or a unit,
 * or a leader without cases on the agenda) gets the agenda only. The text always passes
 * through `redactPii` last: no ID number or mobile number survives, whatever the inputs.
 */
export function composeDescription(
  meeting: InviteMeeting,
  forLeaderId: string | null,
  settings: InviteSettings,
  options: BriefOptions = {},
): string {
  return redactPii(renderBriefText(composeBriefJson(meeting, forLeaderId, settings, options)));
}

/** The same content as `composeDescription`, structured for the console's meeting page. */
export function composeBriefJson(
  meeting: InviteMeeting,
  forLeaderId: string | null,
  settings: InviteSettings,
  options: BriefOptions = {},
): InviteBrief {
  const locale = options.locale ?? 'zh';
  const labels = BRIEF_LABELS[locale];
  const groupFrom = options.groupPetitionHeadcount ?? GROUP_PETITION_HEADCOUNT;
  const start = localTime(meeting.startAt, settings.timeZone, 'startAt');
  const end = localTime(meeting.endAt, settings.timeZone, 'endAt');
  if (!(meeting.endAt.getTime() > meeting.startAt.getTime())) throw CalendarErrors.invalidInvite('endAt', 'must be after startAt');
  // "Today" for the deadlines is the meeting's local start date, not the wall clock: the
  // same meeting always yields the same text (stable invites, testable, no hidden clock),
  // and it is the day on which the leader will discuss the case.
  const today = start.date;

  const myItems = forLeaderId === null ? [] : meeting.agenda.filter((item) => item.leadLeader?.id === forLeaderId);
  const cancelled = meeting.method === 'CANCEL';
  return {
    locale,
    cancelled,
    cancelReason: cancelled ? text(meeting.cancelReason ?? '') || null : null,
    meeting: {
      uid: meeting.uid,
      sequence: meeting.sequence,
      type: meeting.type,
      typeLabel: labels.meetingType[meeting.type],
      title: text(meeting.title),
      location: text(meeting.location),
      url: meeting.url,
      timeZone: settings.timeZone,
      startAt: meeting.startAt.toISOString(),
      endAt: meeting.endAt.toISOString(),
      date: start.date,
      weekdayLabel: labels.weekdays[start.weekday - 1],
      startTime: start.time,
      endTime: end.time,
      endDate: end.date === start.date ? null : end.date,
    },
    chair: { id: meeting.chair.id, name: text(meeting.chair.name) },
    leaders: namesOf(meeting, 'leader'),
    units: namesOf(meeting, 'unit'),
    deputies: namesOf(meeting, 'deputy'),
    agenda: meeting.agenda.map((item, i) => agendaLine(item, i + 1, groupFrom)),
    forLeaderId: myItems.length > 0 ? forLeaderId : null,
    myCases: myItems.map((item) => briefCase(item, labels, today, settings.timeZone)),
  };
}

function agendaLine(item: BriefAgendaItem, index: number, groupFrom: number): BriefAgendaLine {
  return {
    index,
    caseId: item.caseId,
    caseCode: item.caseCode,
    subject: text(item.subject),
    region: text(item.region),
    headcount: item.headcount,
    groupPetition: item.headcount >= groupFrom,
    leadLeader: item.leadLeader ? { id: item.leadLeader.id, name: text(item.leadLeader.name) } : null,
    presenterUnitName: text(item.presenterUnitName),
    minutes: item.minutes,
  };
}

function briefCase(item: BriefAgendaItem, labels: BriefLabels, today: string, zone: string): BriefCase {
  const due = item.dueAt ? localTime(item.dueAt, zone, 'dueAt').date : null;
  const kind = due ? item.deadlineKind : null;
  return {
    caseId: item.caseId,
    caseCode: item.caseCode,
    grade: item.grade,
    gradeLabel: labels.grade[item.grade],
    category: item.category,
    categoryLabel: labels.category[item.category],
    mode: item.mode,
    modeLabel: labels.mode[item.mode],
    handlingUnitName: text(item.handlingUnitName),
    status: item.status,
    statusLabel: labels.status[item.status],
    subject: text(item.subject),
    petitionerMasked: petitioner(item.petitionerMasked),
    headcount: item.headcount,
    deadlineKind: kind,
    deadlineLabel: kind ? labels.deadline[kind] : null,
    dueDate: due,
    daysLeft: due ? daysBetween(today, due) : null,
    extensionUsed: item.extensionUsed,
    progress: item.recentEvents.map((e) => ({ date: localTime(e.at, zone, 'recentEvents.at').monthDay, label: text(e.label) })),
    lastRequirements: item.lastRequirements ? text(item.lastRequirements) : null,
  };
}

function namesOf(meeting: InviteMeeting, kind: 'leader' | 'unit' | 'deputy'): string[] {
  return meeting.attendees
    .filter((a) => a.kind === kind && !(kind === 'leader' && a.id === meeting.chair.id))
    .map((a) => text(a.name));
}

/**
 * The contract says the name arrives masked (张*); a name without any `*` was not, so it is
 * masked here as a second line of defence (a group label like 某小区业主 becomes 某*****).
 */
function petitioner(name: string): string {
  const clean = text(name);
  return clean === '' || clean.includes('*') ? clean : maskName(clean);
}

/** Free text from the database: one line, PII redacted. */
function text(value: string): string {
  return redactPii(value.replace(/\s*[\r\n]+\s*/g, ' ').trim());
}
