import { DateTime } from 'luxon';
import { redactPii } from '../../common/pii/masking.js';
import type { MeetingType } from '../../domain/case-vocabulary.js';
import { ZH } from '../../domain/labels.js';
import type { ExtraAttendee, MinutesStatus } from './minutes.entity.js';

/** What the minutes are made from: the meeting, its outcomes, who attended and the cases' subjects (no petitioner data). */
export interface MinutesSource {
  /** The issuing office (发文机关), e.g. 人大常委会信访室. */
  office: string;
  timeZone: string;
  meeting: { type: MeetingType; startAt: Date; endAt: Date; location: string; chairId: string };
  attendees: readonly { id: string; kind: 'leader' | 'unit' | 'deputy'; refId: string; name: string; active: boolean }[];
  agenda: readonly { caseId: string; caseCode: string; leadLeaderId: string | null }[];
  /** In the order recorded. */
  outcomes: readonly { caseId: string; decision: string; requirements: string | null; dueAt: Date | null }[];
  minutes: { status: MinutesStatus; number: string | null; summary: string | null; requirements: string | null; undecidedCaseIds: readonly string[]; extraAttendees: readonly ExtraAttendee[]; issuedAt: Date | null };
  attendance: readonly { attendeeId: string; present: boolean; substituteName: string | null; substitutePost: string | null }[];
  /** Subject of each agenda case (the petitioner is never named in the minutes). */
  caseSubjects: ReadonlyMap<string, string>;
  /** The date a draft is printed with. */
  now: Date;
}

/** One case decided (议定事项). */
export interface MinutesDecision {
  index: number;
  caseCode: string;
  subject: string;
  /** 包案领导, when one is in charge. */
  leadLeader: string | null;
  /** The meeting's decisions on the case, in order; `未作决定` when it explicitly left it undecided. */
  decisions: string[];
  requirements: string[];
  /** 办理期限 as a Chinese date (2026年12月31日), or null. */
  dueDate: string | null;
}

/** The minutes as a document says them: every text is final (PII redacted), dates in Chinese. */
export interface MinutesDocument {
  office: string;
  /** 〔2026〕3号; null for a draft. */
  number: string | null;
  draft: boolean;
  /** 督办会纪要 */
  title: string;
  time: string;
  place: string;
  chair: string;
  /** 出席: leaders and deputies present, with substitutes (（派员：…）). */
  present: string[];
  /** 请假: leaders absent who sent nobody. */
  absent: string[];
  /** 列席: units present (with whom they sent) and people who came uninvited. */
  sittingIn: string[];
  summary: string | null;
  decisions: MinutesDecision[];
  /** 其他要求 */
  requirements: string | null;
  /** The date in the 印发 line: the issue date (a draft: today). */
  issuedDate: string;
}

export const UNDECIDED = '未作决定';

/** `2026年12月31日` (GB/T 9704: year, month and day in full, Arabic numerals). */
export function chineseDate(at: Date, timeZone: string): string {
  const d = DateTime.fromJSDate(at, { zone: timeZone });
  return `${d.year}年${d.month}月${d.day}日`;
}

/** 〔2026〕3号 */
export function minutesNumber(year: number, serial: number): string {
  return `〔${year}〕${serial}号`;
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];

function meetingTime(startAt: Date, endAt: Date, zone: string): string {
  const s = DateTime.fromJSDate(startAt, { zone });
  const e = DateTime.fromJSDate(endAt, { zone });
  const sameDay = s.toISODate() === e.toISODate();
  const until = sameDay ? e.toFormat('HH:mm') : `${chineseDate(endAt, zone)} ${e.toFormat('HH:mm')}`;
  return `${chineseDate(startAt, zone)}（星期${WEEKDAYS[s.weekday - 1]}）${s.toFormat('HH:mm')}—${until}`;
}

/** One line of free text: no line breaks, no ID or mobile number. */
const text = (value: string): string => redactPii(value.replace(/\s*[\r\n]+\s*/g, ' ').trim());
/** Paragraphs of free text (kept apart), each redacted. */
const paragraphs = (value: string | null): string | null => {
  if (value === null) return null;
  const kept = value
    .split(/\r?\n/)
    .map((line) => text(line))
    .filter((line) => line !== '');
  return kept.length ? kept.join('\n') : null;
};

function withSubstitute(name: string, a: { substituteName: string | null; substitutePost: string | null } | undefined): string {
  if (!a?.substituteName) return text(name);
  const who = [a.substituteName, a.substitutePost].filter((s): s is string => !!s).map(text).join(' ');
  return `${text(name)}（派员：${who}）`;
}

/** The minutes as a document (pure: the renderer and the tests read the same thing). */
export function minutesDocument(src: MinutesSource): MinutesDocument {
  const { meeting: m, minutes } = src;
  const zone = src.timeZone;
  const byAttendee = new Map(src.attendance.map((a) => [a.attendeeId, a]));
  const active = src.attendees.filter((a) => a.active);
  const leaderName = new Map(active.filter((a) => a.kind === 'leader').map((a) => [a.refId, a.name]));
  // Nobody recorded yet counts as present: a draft begins with everyone invited.
  const came = (id: string): boolean => byAttendee.get(id)?.present ?? true;
  const sent = (id: string): boolean => !!byAttendee.get(id)?.substituteName;
  const people = active.filter((a) => a.kind !== 'unit' && a.refId !== m.chairId);
  const units = active.filter((a) => a.kind === 'unit');
  const present = people.filter((a) => came(a.id) || sent(a.id)).map((a) => withSubstitute(a.name, came(a.id) ? undefined : byAttendee.get(a.id)));
  const absent = people.filter((a) => !came(a.id) && !sent(a.id)).map((a) => text(a.name));
  const sittingIn = [
    ...units.filter((a) => came(a.id) || sent(a.id)).map((a) => withSubstitute(a.name, byAttendee.get(a.id))),
    ...minutes.extraAttendees.map((x) => (x.post ? `${text(x.name)}（${text(x.post)}）` : text(x.name))),
  ];
  const undecided = new Set(minutes.undecidedCaseIds);
  const decisions = src.agenda.map((item, i): MinutesDecision => {
    const outcomes = src.outcomes.filter((o) => o.caseId === item.caseId);
    const due = outcomes.filter((o) => o.dueAt !== null).at(-1)?.dueAt ?? null;
    const decided = outcomes.map((o) => text(o.decision)).filter((d) => d !== '');
    return {
      index: i + 1,
      caseCode: item.caseCode,
      subject: text(src.caseSubjects.get(item.caseId) ?? ''),
      leadLeader: item.leadLeaderId ? text(leaderName.get(item.leadLeaderId) ?? '') || null : null,
      decisions: decided.length ? decided : undecided.has(item.caseId) ? [UNDECIDED] : [],
      requirements: outcomes.flatMap((o) => (o.requirements ? [text(o.requirements)] : [])).filter((r) => r !== ''),
      dueDate: due ? chineseDate(due, zone) : null,
    };
  });
  return {
    office: text(src.office),
    number: minutes.status === 'issued' ? minutes.number : null,
    draft: minutes.status !== 'issued',
    title: `${ZH.meetingType[m.type]}纪要`,
    time: meetingTime(m.startAt, m.endAt, zone),
    place: text(m.location),
    chair: text(leaderName.get(m.chairId) ?? ''),
    present,
    absent,
    sittingIn,
    summary: paragraphs(minutes.summary),
    decisions,
    requirements: paragraphs(minutes.requirements),
    issuedDate: chineseDate(minutes.issuedAt ?? src.now, zone),
  };
}

/** Agenda cases with neither a decision nor an explicit 未作决定: issuing is refused while any is left. */
export function casesWithoutDecision(agenda: readonly { caseId: string; caseCode: string }[], outcomes: readonly { caseId: string }[], undecidedCaseIds: readonly string[]): string[] {
  const decided = new Set([...outcomes.map((o) => o.caseId), ...undecidedCaseIds]);
  return agenda.filter((i) => !decided.has(i.caseId)).map((i) => i.caseCode);
}
