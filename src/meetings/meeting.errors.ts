import { DomainError } from '../common/errors.js';
import type { BookingClash } from './booking/resource-bookings.js';
import type { Violation } from './constraints/meeting-rules.js';

export const MeetingErrors = {
  notFound: () => new DomainError('MEETING_NOT_FOUND', 404, { zh: '找不到该会议。', en: 'No such meeting.' }),
  violations: (violations: Violation[]) => {
    const leaderBooked = violations.some((v) => v.code === 'LEADER_DOUBLE_BOOKED');
    const roomBooked = violations.some((v) => v.code === 'ROOM_DOUBLE_BOOKED');
    return new DomainError(
      leaderBooked ? 'MEETING_CONFLICT' : roomBooked ? 'ROOM_DOUBLE_BOOKED' : 'MEETING_CONSTRAINT_VIOLATED',
      leaderBooked || roomBooked ? 409 : 400,
      { zh: `会议安排不符合要求：${violations.map((v) => v.zh).join('')}`, en: `The meeting breaks its constraints: ${violations.map((v) => v.en).join(' ')}` },
      { violations: violations.map((v) => ({ code: v.code, message: v.zh, messageEn: v.en })) },
    );
  },
  doubleBookedAtConfirm: (clashes: BookingClash[]) =>
    new DomainError(
      'MEETING_CONFLICT',
      409,
      {
        zh: '确认失败：有参会领导在该时段已被另一个已确认的会议占用，请调整时间后重试。',
        en: 'Not confirmed: a leader attending is already booked by another confirmed meeting at that time.',
      },
      { clashes: clashes.map((c) => ({ leaderId: c.resourceId, meetingId: c.meetingId, startAt: c.startAt.toISOString(), endAt: c.endAt.toISOString() })) },
    ),
  roomDoubleBookedAtConfirm: (roomName: string, clashes: BookingClash[]) =>
    new DomainError(
      'ROOM_DOUBLE_BOOKED',
      409,
      {
        zh: `保存失败：会议室“${roomName}”在该时段已被另一个已确认的会议占用，请换一间会议室或调整时间后重试。`,
        en: `Not saved: the room ${roomName} is already booked by another confirmed meeting at that time.`,
      },
      { clashes: clashes.map((c) => ({ roomId: c.resourceId, meetingId: c.meetingId, startAt: c.startAt.toISOString(), endAt: c.endAt.toISOString() })) },
    ),
  roomNotFound: () => new DomainError('ROOM_NOT_FOUND', 404, { zh: '找不到该会议室。', en: 'No such room.' }),
  notEditable: (status: string) =>
    new DomainError('MEETING_NOT_EDITABLE', 409, {
      zh: `会议已${status === 'cancelled' ? '取消' : '召开'}，不能再修改。`,
      en: `The meeting is ${status} and can no longer change.`,
    }),
  notDraft: () => new DomainError('MEETING_NOT_DRAFT', 409, { zh: '只有草拟中的会议可以确认。', en: 'Only draft meetings can be confirmed.' }),
  notHeldYet: () =>
    new DomainError('MEETING_NOT_CONFIRMED', 409, { zh: '会议确认后才能记录会议要求。', en: 'Record outcomes once the meeting is confirmed.' }),
  /** `what`: the record refused before the start (会议要求, 会议纪要); `startsAt`: local 12月7日 09:00. */
  notStarted: (startsAt: string, what = '会议要求') =>
    new DomainError(
      'MEETING_NOT_STARTED',
      409,
      { zh: `会议尚未开始（${startsAt} 开始），会后才能记录${what}。`, en: `The meeting has not started yet (it starts ${startsAt}); record it afterwards.` },
      { startsAt },
    ),
  changedConcurrently: () =>
    new DomainError('MEETING_CHANGED_CONCURRENTLY', 409, { zh: '该会议刚被他人修改，请刷新后重试。', en: 'The meeting was changed just now; reload and retry.' }),
  caseNotOnAgenda: () => new DomainError('CASE_NOT_ON_AGENDA', 400, { zh: '该信访事项不在本次会议议程上。', en: 'The case is not on this meeting’s agenda.' }),
  caseNotOpen: (code: string) =>
    new DomainError('CASE_NOT_OPEN', 400, { zh: `${code} 已办结、撤回或不予受理，不能列入会议议程。`, en: `${code} is no longer open.` }),
  duplicateCase: (code: string) => new DomainError('AGENDA_DUPLICATE_CASE', 400, { zh: `${code} 在议程中重复出现。`, en: `${code} appears twice.` }),
  planWindowInvalid: () =>
    new DomainError('PLAN_WINDOW_INVALID', 400, { zh: '规划区间无效：结束时间须晚于开始时间。', en: 'The planning window must end after it starts.' }),
  planWindowTooLong: (max: number) =>
    new DomainError('PLAN_WINDOW_TOO_LONG', 400, { zh: `规划区间不能超过 ${max} 天。`, en: `The planning window cannot exceed ${max} days.` }),
  planWindowPast: () =>
    new DomainError('PLAN_WINDOW_PAST', 400, {
      zh: '规划区间已经过去，或距今不足会议提前通知时间，请选择今后的日期。',
      en: 'The planning window lies in the past or within the notice period.',
    }),
  lookbackReviewNotFound: () => new DomainError('LOOKBACK_REVIEW_NOT_FOUND', 404, { zh: '找不到该回访记录。', en: 'No such look-back review.' }),
  invalidLookbackPeriod: () =>
    new DomainError('INVALID_PERIOD', 400, { zh: '回头看期间须为 YYYY-MM 格式，例如 2026-12。', en: 'The period must look like 2026-12.' }),
  deputyNotFound: () => new DomainError('DEPUTY_NOT_FOUND', 404, { zh: '找不到该代表。', en: 'No such deputy.' }),
  deputyReportedCase: (caseCodes: string[]) =>
    new DomainError(
      'DEPUTY_REPORTED_CASE',
      422,
      {
        zh: `所邀代表是议程事项 ${caseCodes.join('、')} 的反映人，不能邀请其参加评议该事项的会议，请另选代表。`,
        en: `An invited deputy reported ${caseCodes.join(', ')} on the agenda and cannot be invited to judge it.`,
      },
      { caseCodes },
    ),
  deputyDoubleBooked: (clashes: { deputyId: string; name: string; meetingId: string }[]) =>
    new DomainError(
      'DEPUTY_DOUBLE_BOOKED',
      409,
      {
        zh: `${[...new Set(clashes.map((c) => c.name))].join('、')}代表在该时段已受邀参加另一个已确认的会议，请调整时间或另选代表。`,
        en: 'An invited deputy is already booked by another confirmed meeting at that time.',
      },
      { clashes: clashes.map((c) => ({ deputyId: c.deputyId, meetingId: c.meetingId })) },
    ),
  notOwnInvite: () => new DomainError('FORBIDDEN', 403, { zh: '只能查看本人的会议邀请。', en: 'You may only read your own invite.' }),
  plannerInputInvalid: (zh: string, en: string) => new DomainError('PLANNER_INPUT_INVALID', 400, { zh: `排会参数有误：${zh}`, en: `Invalid planner input: ${en}` }),
};
