import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { yearRuns, canRollBackTo, editableCopy, numbersOf, openDraft, problemsAt, problemsByPath, sameBody, saveRequest, settingsFailure, withPeriod, withoutIndex, type OfficeSettingsBody } from './officeSettings';

const BODY: OfficeSettingsBody = {
  deadlines: { acceptDays: 15, handleDays: 60, supervisedReplyMonths: 2, extensionMaxDays: 30, resupervisionDays: 30, reviewRequestDays: 30, dueSoonDays: 7, signDays: 3 },
  officeHours: [
    ['08:30', '12:00'],
    ['14:30', '17:30'],
  ],
  holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
  workdays: [],
  coveredYears: [2026, 2027],
  lookback: { sampleShare: 0.2, windowDays: 90 },
  reminders: { alarmMinutesBefore: [1440, 30] },
  meetings: {
    meetingMinutes: { special: 120, joint: 120, supervision: 120 },
    minutesPerCase: { special: 20, joint: 30, supervision: 20 },
    slotStepMinutes: 30,
    minNoticeHours: 24,
    maxPlanDays: 92,
    defaultLocation: '常委会第三会议室',
    maxDeputiesPerMeeting: 2,
  },
};

describe('the API’s problems at the fields', () => {
  const problems = [
    { path: 'officeHours[1]', code: 'HOURS_OVERLAP', message: '办公时段重叠', messageEn: 'Office periods overlap' },
    { path: 'officeHours[1][0]', code: 'BAD_TIME', message: '时间格式应为 HH:MM' },
    { path: 'deadlines.acceptDays', code: 'NOT_POSITIVE', message: '应为正整数' },
  ];

  it('groups them by path, in the console’s language', () => {
    expect(problemsByPath(problems, 'en')).toEqual({ 'officeHours[1]': 'Office periods overlap', 'officeHours[1][0]': '时间格式应为 HH:MM', 'deadlines.acceptDays': '应为正整数' });
  });

  it('shows at a place its own problems and those inside it, not a neighbour’s', () => {
    const byPath = problemsByPath(problems, 'zh-CN');
    expect(problemsAt(byPath, 'officeHours[1]')).toBe('办公时段重叠 时间格式应为 HH:MM');
    expect(problemsAt(byPath, 'officeHours[0]')).toBe('');
    expect(problemsAt(byPath, 'deadlines.acceptDays')).toBe('应为正整数');
    expect(problemsAt(byPath, 'deadlines.accept')).toBe('');
  });

  it('reads a refused save: SETTINGS_INVALID’s details by path, else the sentence', () => {
    const describe_ = (error: unknown) => (error as Error).message;
    const invalid = new ApiError(400, 'SETTINGS_INVALID', '办公设置有误', problems);
    expect(settingsFailure(invalid, describe_, 'zh-CN').byPath['deadlines.acceptDays']).toBe('应为正整数');
    expect(settingsFailure(new ApiError(409, 'SETTINGS_NOT_DRAFT', '只能修改草稿'), describe_, 'zh-CN')).toEqual({ byPath: {}, general: '只能修改草稿' });
  });
});

describe('editing the settings', () => {
  it('edits a copy, and knows when it differs', () => {
    const copy = editableCopy(BODY);
    expect(sameBody(copy, BODY)).toBe(true);
    copy.officeHours[0][0] = '09:00';
    expect(BODY.officeHours[0][0]).toBe('08:30');
    expect(sameBody(copy, BODY)).toBe(false);
  });

  it('adds a period after the last and removes one', () => {
    expect(withPeriod(BODY.officeHours)).toEqual([
      ['08:30', '12:00'],
      ['14:30', '17:30'],
      ['17:30', '17:30'],
    ]);
    expect(withPeriod([])).toEqual([['09:00', '12:00']]);
    expect(withoutIndex(BODY.officeHours, 0)).toEqual([['14:30', '17:30']]);
  });

  it('reads a list of minutes, leaving a stray word for the API to name', () => {
    expect(numbersOf('1440， 30')).toEqual([1440, 30]);
    expect(numbersOf('60, soon')).toEqual([60, 'soon']);
  });

  it('creates a draft based on the active version, then updates that draft', () => {
    expect(saveRequest(null, 3, BODY, '调休')).toEqual({ method: 'POST', body: { body: BODY, note: '调休', basedOn: 3 } });
    expect(saveRequest('d-1', 3, BODY, '调休')).toEqual({ method: 'PUT', id: 'd-1', body: { body: BODY, note: '调休' } });
  });

  it('offers a rollback to an earlier published version only, and reopens the newest draft', () => {
    expect(canRollBackTo({ status: 'archived', active: false, publishedAt: '2026-11-20T02:00:00.000Z' })).toBe(true);
    expect(canRollBackTo({ status: 'published', active: true, publishedAt: '2026-11-20T02:00:00.000Z' })).toBe(false);
    expect(canRollBackTo({ status: 'draft', active: false, publishedAt: null })).toBe(false);
    expect(openDraft([{ version: 1, status: 'published' }, { version: 2, status: 'draft' }])).toEqual({ version: 2, status: 'draft' });
    expect(openDraft([{ version: 2, status: 'published' }, { version: 1, status: 'draft' }])).toBeNull();
  });
});

describe('the years the holiday data covers', () => {
  it('reads as runs of years', () => {
    expect(yearRuns([2006, 2004, 2005, 2026], 'zh-CN')).toBe('2004–2006、2026');
    expect(yearRuns([2027], 'en')).toBe('2027');
    expect(yearRuns([], 'en')).toBe('');
  });
});
