import { loadPolicy } from '../../../config/policy.js';
import { WorkingCalendar } from '../../common/time/working-calendar.js';
import { type CalendarContext, CHAIR_RANKS, type LeaderCommitment, type MeetingDraft, meetingViolations } from './meeting-rules.js';

/** The per-meeting check the service applies on create, PATCH and confirm (and the plan check on each planned meeting). */
describe('meetingViolations', () => {
  const policy = loadPolicy();
  const ctx: CalendarContext = { timeZone: 'Asia/Shanghai', officeHours: policy.officeHours, calendar: new WorkingCalendar(policy.calendarOverrides), leadRanks: ['director', 'deputy-director'] };
  const at = (local: string): Date => new Date(`${local}:00+08:00`);
  const director = { id: 'L1', name: '李明华', rank: 'director' as const };
  const deputy = { id: 'L2', name: '王建国', rank: 'deputy-director' as const, active: true };
  const head = { id: 'L3', name: '赵委员', rank: 'committee-head' as const, active: true };
  const draft = (overrides: Partial<MeetingDraft> = {}): MeetingDraft => ({
    type: 'supervision',
    startAt: at('2026-12-03T09:00'),
    endAt: at('2026-12-03T10:00'),
    chair: director,
    agenda: [{ caseCode: 'XF-2026-000001', minutes: 20, lead: deputy, kept: false }],
    ...overrides,
  });
  const codes = (d: MeetingDraft, commitments: LeaderCommitment[] = [], c: CalendarContext = ctx): string[] => meetingViolations(d, c, commitments).map((v) => v.code);

  it('accepts a supervision meeting on a working day within one office period', () => {
    expect(meetingViolations(draft(), ctx, [])).toEqual([]);
  });

  it('refuses a day off, a meeting over lunch and one that ends before it starts, in Chinese and English', () => {
    const saturday = meetingViolations(draft({ startAt: at('2026-12-05T09:00'), endAt: at('2026-12-05T10:00') }), ctx, []);
    expect(saturday).toEqual([{ code: 'MEETING_NOT_WORKING_DAY', zh: '2026-12-05 不是工作日（法定节假日或周末）。', en: '2026-12-05 is not a working day.' }]);
    expect(codes(draft({ startAt: at('2026-12-03T11:30'), endAt: at('2026-12-03T14:45') }))).toEqual(['MEETING_OUTSIDE_OFFICE_HOURS']);
    expect(codes(draft({ startAt: at('2026-12-03T10:00'), endAt: at('2026-12-03T09:00') }))).toEqual(['MEETING_TIME_INVALID']);
  });

  it('checks a plan’s window and start step only when given', () => {
    const off = draft({ startAt: at('2026-12-03T09:10'), endAt: at('2026-12-03T10:10') });
    expect(codes(off)).toEqual([]);
    expect(codes(off, [], { ...ctx, stepMinutes: 30, from: at('2026-12-04T00:00'), to: at('2026-12-10T00:00') })).toEqual(['MEETING_OUTSIDE_WINDOW', 'MEETING_START_NOT_ALIGNED']);
  });

  it('refuses an agenda longer than the meeting and a chair of the wrong rank', () => {
    expect(codes(draft({ agenda: [{ caseCode: 'XF-2026-000001', minutes: 90, lead: deputy, kept: false }] }))).toEqual(['AGENDA_TOO_LONG']);
    expect(codes(draft({ type: 'special', chair: { ...deputy } }))).toEqual(['CHAIR_RANK_INVALID']);
    expect(CHAIR_RANKS.special).toEqual(['director']);
  });

  it('refuses a new leader in charge of a rank that may not take charge, but keeps one already in charge', () => {
    expect(codes(draft({ agenda: [{ caseCode: 'XF-2026-000001', minutes: 20, lead: head, kept: false }] }))).toEqual(['LEAD_RANK_INVALID']);
    expect(codes(draft({ agenda: [{ caseCode: 'XF-2026-000001', minutes: 20, lead: head, kept: true }] }))).toEqual([]);
    expect(codes(draft({ agenda: [{ caseCode: 'XF-2026-000001', minutes: 20, lead: { ...deputy, active: false }, kept: true }] }))).toEqual(['LEAD_LEADER_INACTIVE']);
  });

  it('refuses a leader attending who is busy or booked in an overlapping interval; touching ones are free', () => {
    const busy = (from: string, to: string): LeaderCommitment => ({ leaderId: deputy.id, leaderName: deputy.name, startAt: at(from), endAt: at(to), what: '另一已确认会议' });
    expect(codes(draft(), [busy('2026-12-03T08:00', '2026-12-03T09:00'), busy('2026-12-03T10:00', '2026-12-03T11:00')])).toEqual([]);
    const clash = meetingViolations(draft(), ctx, [busy('2026-12-03T09:59', '2026-12-03T11:00')]);
    expect(clash).toEqual([{ code: 'LEADER_DOUBLE_BOOKED', zh: '王建国在该时段已有安排（另一已确认会议）。', en: '王建国 is double-booked: the meeting overlaps 另一已确认会议.' }]);
    // Someone not attending may be busy.
    expect(codes(draft(), [{ ...busy('2026-12-03T09:00', '2026-12-03T10:00'), leaderId: 'L9' }])).toEqual([]);
  });

  it('names the chair and leaders in charge missing from an explicit list of attending leaders', () => {
    expect(codes(draft({ attendingLeaderIds: [director.id] }))).toEqual(['LEAD_NOT_ATTENDING']);
    expect(codes(draft({ attendingLeaderIds: [deputy.id] }))).toEqual(['CHAIR_NOT_ATTENDING']);
  });
});
