import { jest } from '@jest/globals';
import { DomainError } from '../common/errors.js';
import { PII_PATTERNS } from '../common/pii/masking.js';
import { composeBriefJson, composeDescription } from './case-brief.js';
import { buildBriefAgendaItem, buildInviteMeeting, buildInviteSettings, DEPUTY_DIRECTOR, DIRECTOR } from '../../test/support/invite-fixtures.js';

const settings = buildInviteSettings();
const lines = (text: string): string[] => text.split('\n');

describe('composeDescription', () => {
  it('opens with the type, the local date with weekday, the time range and the location', () => {
    const text = composeDescription(buildInviteMeeting(), null, settings);
    expect(lines(text)[0]).toBe('督办会 · 2026年12月8日（周二）09:00–11:00 · 常委会第三会议室');
  });

  it('uses the local date when the UTC date is the day before (00:30 in Shanghai)', () => {
    const meeting = buildInviteMeeting({ startAt: new Date('2026-12-07T16:30:00Z'), endAt: new Date('2026-12-07T17:30:00Z') });
    expect(lines(composeDescription(meeting, null, settings))[0]).toBe('督办会 · 2026年12月8日（周二）00:30–01:30 · 常委会第三会议室');
  });

  it('names the chair, the other leaders, the units sitting in and the invited deputies (even without e-mail)', () => {
    expect(lines(composeDescription(buildInviteMeeting(), null, settings))[1]).toBe(
      '主持：李主任   出席：王副主任   列席：法工委、城建环保委、市住建局、信访室   特邀代表：刘代表',
    );
  });

  it('numbers the agenda with code, subject, region, group size, leader in charge and minutes', () => {
    const text = lines(composeDescription(buildInviteMeeting(), null, settings));
    expect(text.slice(2, 5)).toEqual([
      '议程',
      '1. XF-2026-000123 老旧小区改造进度缓慢：小区列入改造计划至今未开工，雨天漏水（茅箭区，集体访 6 人）  包案：王副主任  20 分钟',
      '2. XF-2026-000131 企业上下游配套纠纷（张湾区）  包案：李主任  30 分钟',
    ]);
  });

  it('says 集体访 only from a headcount of 5', () => {
    const meeting = (headcount: number) => buildInviteMeeting({ agenda: [buildBriefAgendaItem({ headcount })] });
    expect(composeDescription(meeting(4), null, settings)).not.toContain('集体访');
    expect(composeDescription(meeting(5), null, settings)).toContain('（茅箭区，集体访 5 人）');
  });

  it('leaves out 包案 for an agenda case without a leader in charge', () => {
    const meeting = buildInviteMeeting({ agenda: [buildBriefAgendaItem({ leadLeader: null })] });
    expect(lines(composeDescription(meeting, null, settings))[3]).toMatch(/（茅箭区，集体访 6 人） {2}20 分钟$/);
  });

  it('gives the leader in charge a brief of that leader’s cases only', () => {
    const text = composeDescription(buildInviteMeeting(), DEPUTY_DIRECTOR.id, settings);
    const brief = lines(text).slice(lines(text).indexOf('您包案的事项'));
    expect(brief).toEqual([
      '您包案的事项',
      '■ XF-2026-000123  提级办理 · 城建 · 交办督办（市人民政府） · 办理中',
      '  诉求：老旧小区改造进度缓慢：小区列入改造计划至今未开工，雨天漏水。信访人：张*（6 人）',
      '  期限：督办期限 2027-01-27（剩 50 天）；已延期：否',
      '  进展：11-26 登记 → 11-27 受理 → 11-28 交办市住建局；上次会议要求：12 月底前拿出施工计划',
    ]);
  });

  it('counts overdue days and shows a used extension', () => {
    const text = composeDescription(buildInviteMeeting(), DIRECTOR.id, settings);
    expect(text).toContain('■ XF-2026-000131  会商办理 · 经济发展 · 交办督办（市人民政府） · 办理中');
    expect(text).toContain('  期限：督办期限 2026-12-05（已超期 3 天）；已延期：是');
    expect(text).toContain('  进展：10-09 会商；上次会议要求：无');
    expect(text).not.toContain('■ XF-2026-000123');
  });

  it('counts days from the meeting’s start, not from the wall clock', () => {
    jest.useFakeTimers({ now: new Date('2030-06-01T00:00:00Z') });
    try {
      expect(composeDescription(buildInviteMeeting(), DEPUTY_DIRECTOR.id, settings)).toContain('（剩 50 天）');
    } finally {
      jest.useRealTimers();
    }
  });

  it('says so when no deadline runs, and that progress is empty', () => {
    const meeting = buildInviteMeeting({ agenda: [buildBriefAgendaItem({ status: 'replied', dueAt: null, deadlineKind: null, recentEvents: [] })] });
    const text = composeDescription(meeting, DEPUTY_DIRECTOR.id, settings);
    expect(text).toContain('  期限：无正在计算的期限；已延期：否');
    expect(text).toContain('  进展：暂无；');
  });

  it.each([
    ['registered', 'transfer', 'accept', '受理期限', 'acceptance due'],
    ['accepted', 'transfer', 'reply', '答复期限', 'reply due'],
    ['in_handling', 'internal', 'reply', '答复期限', 'reply due'],
    ['in_handling', 'supervised', 'supervision', '督办期限', 'supervision due'],
  ] as const)('names the deadline of a case %s (%s) for what it is: %s', (status, mode, kind, zh, en) => {
    const meeting = buildInviteMeeting({ agenda: [buildBriefAgendaItem({ status, mode, dueAt: new Date('2026-12-10T15:59:59.999Z'), deadlineKind: kind })] });
    const brief = composeBriefJson(meeting, DEPUTY_DIRECTOR.id, settings);
    expect(brief.myCases[0]).toMatchObject({ deadlineKind: kind, deadlineLabel: zh, dueDate: '2026-12-10', daysLeft: 2 });
    expect(composeDescription(meeting, DEPUTY_DIRECTOR.id, settings)).toContain(`  期限：${zh} 2026-12-10（剩 2 天）；`);
    expect(composeDescription(meeting, DEPUTY_DIRECTOR.id, settings, { locale: 'en' })).toContain(`  Deadline: ${en} 2026-12-10 (2 days left); `);
    for (const other of ['受理期限', '答复期限', '督办期限'].filter((l) => l !== zh)) expect(composeDescription(meeting, DEPUTY_DIRECTOR.id, settings)).not.toContain(other);
  });

  it.each([
    ['a unit', 'unit-lac'],
    ['a leader without agenda cases', 'leader-deputy-zhao'],
    ['nobody in particular', null],
  ])('gives %s the agenda without 您包案的事项', (_who, id) => {
    const text = composeDescription(buildInviteMeeting(), id, settings);
    expect(text).toContain('议程');
    expect(text).not.toContain('您包案的事项');
    expect(text).not.toContain('诉求：');
  });

  it('starts a cancellation with 【会议已取消】 and the reason', () => {
    const meeting = buildInviteMeeting({ method: 'CANCEL', sequence: 2, cancelReason: '主持领导临时公务冲突，另行安排' });
    const text = lines(composeDescription(meeting, null, settings));
    expect(text[0]).toBe('【会议已取消】原因：主持领导临时公务冲突，另行安排');
    expect(text[2]).toMatch(/^督办会 · 2026年12月8日/);
  });

  it('redacts ID numbers and mobile numbers from every field, whatever the caller passed', () => {
    const meeting = buildInviteMeeting({
      title: '督办会 13912345678',
      location: '第三会议室（联系 139-1234-5678）',
      agenda: [
        buildBriefAgendaItem({
          subject: '身份证 420302198001011234 电话 13812345678 反映漏水',
          petitionerMasked: '张三',
          recentEvents: [{ at: new Date('2026-11-26T02:00:00Z'), label: '回访 +86 138 1234 5678' }],
          lastRequirements: '联系 13812345678',
        }),
      ],
    });
    const text = composeDescription(meeting, DEPUTY_DIRECTOR.id, settings);
    expect(PII_PATTERNS.idNumber.test(text)).toBe(false);
    expect(PII_PATTERNS.mobile.test(text)).toBe(false);
    expect(text).toContain('身份证 420***********1234 电话 138****5678');
    expect(text).toContain('信访人：张*（6 人）');
  });

  it('writes English on request', () => {
    const text = composeDescription(buildInviteMeeting(), DEPUTY_DIRECTOR.id, settings, { locale: 'en' });
    expect(lines(text)[0]).toBe('Supervision meeting · Tue 2026-12-08 09:00–11:00 · 常委会第三会议室');
    expect(text).toContain('Cases you are in charge of');
    expect(text).toContain('  Deadline: supervision due 2027-01-27 (50 days left); extended: no');
  });

  it('refuses a time zone it cannot resolve with INVITE_INVALID', () => {
    const call = () => composeDescription(buildInviteMeeting(), null, buildInviteSettings({ timeZone: 'Mars/Olympus' }));
    expect(call).toThrow(DomainError);
    expect(call).toThrow(expect.objectContaining({ code: 'INVITE_INVALID' }) as Error);
  });
});

describe('composeBriefJson', () => {
  it('returns the same content as structured data for the console', () => {
    const brief = composeBriefJson(buildInviteMeeting(), DEPUTY_DIRECTOR.id, settings);
    expect(brief.meeting).toMatchObject({ typeLabel: '督办会', date: '2026-12-08', weekdayLabel: '周二', startTime: '09:00', endTime: '11:00', endDate: null });
    expect(brief.units).toEqual(['法工委', '城建环保委', '市住建局', '信访室']);
    expect(brief.agenda.map((a) => [a.index, a.caseCode, a.groupPetition])).toEqual([
      [1, 'XF-2026-000123', true],
      [2, 'XF-2026-000131', false],
    ]);
    expect(brief.forLeaderId).toBe(DEPUTY_DIRECTOR.id);
    expect(brief.myCases).toEqual([
      expect.objectContaining({
        caseCode: 'XF-2026-000123',
        gradeLabel: '提级办理',
        categoryLabel: '城建',
        modeLabel: '交办督办',
        statusLabel: '办理中',
        deadlineKind: 'supervision',
        deadlineLabel: '督办期限',
        dueDate: '2027-01-27',
        daysLeft: 50,
        progress: [
          { date: '11-26', label: '登记' },
          { date: '11-27', label: '受理' },
          { date: '11-28', label: '交办市住建局' },
        ],
      }),
    ]);
  });

  it('marks a cancellation and keeps no brief for a unit', () => {
    const brief = composeBriefJson(buildInviteMeeting({ method: 'CANCEL', cancelReason: '改期' }), 'unit-lac', settings);
    expect(brief).toMatchObject({ cancelled: true, cancelReason: '改期', forLeaderId: null, myCases: [] });
  });
});
