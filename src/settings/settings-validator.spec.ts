import { loadMeetingsConfig } from '../../config/meetings-config.js';
import { loadPolicy } from '../../config/policy.js';
import type { OfficeSettingsBody } from './office-settings.types.js';
import { bodyFromFiles, policyOf } from './settings-mapping.js';
import { validateOfficeSettings } from './settings-validator.js';

const PACKAGE_YEARS = Array.from({ length: 23 }, (_, i) => 2004 + i); // chinese-days 1.5.7: 2004–2026
const context = { today: '2026-11-26', packageYears: PACKAGE_YEARS };

const shipped = (): OfficeSettingsBody => bodyFromFiles(loadPolicy(), loadMeetingsConfig());
const body = (change: (b: OfficeSettingsBody) => void): OfficeSettingsBody => {
  const b = structuredClone(shipped());
  b.coveredYears = [2027];
  change(b);
  return b;
};
const codes = (raw: unknown): { path: string; code: string }[] =>
  validateOfficeSettings(raw, context).errors.map(({ path, code }) => ({ path, code }));

describe('validateOfficeSettings', () => {
  it('accepts the defaults shipped in config/ and returns them unchanged', () => {
    const result = validateOfficeSettings(body(() => undefined), context);
    expect(result.errors).toEqual([]);
    expect(result.valid).toBe(true);
    expect(result.body).toEqual(body(() => undefined));
    expect(result.body?.deadlines.acceptDays).toBe(15);
    expect(result.body?.officeHours).toEqual([
      ['08:30', '12:00'],
      ['14:30', '17:30'],
    ]);
  });

  it.each([
    ['acceptDays', 0, 'NOT_POSITIVE'],
    ['handleDays', -60, 'NOT_POSITIVE'],
    ['supervisedReplyMonths', 1.5, 'NOT_POSITIVE'],
    ['extensionMaxDays', '30', 'NOT_POSITIVE'],
    ['dueSoonDays', null, 'NOT_POSITIVE'],
    ['resupervisionDays', 366, 'OUT_OF_RANGE'],
    ['signDays', 31, 'OUT_OF_RANGE'],
    ['signDays', 0, 'NOT_POSITIVE'],
  ])('refuses deadlines.%s = %p (%s) with a Chinese and an English message', (key, value, code) => {
    const result = validateOfficeSettings(body((b) => ((b.deadlines as Record<string, unknown>)[key] = value)), context);
    expect(result.errors).toEqual([expect.objectContaining({ path: `deadlines.${key}`, code })]);
    expect(result.errors[0].message).toMatch(/[\u4e00-\u9fff]/);
    expect(result.errors[0].messageEn).toMatch(/[a-z]/);
    expect(result.body).toBeNull();
  });

  it('gives a body written before the sign deadline existed its default of 3 working days', () => {
    const old = body((b) => delete (b.deadlines as Partial<OfficeSettingsBody['deadlines']>).signDays);
    const result = validateOfficeSettings(old, context);
    expect(result.errors).toEqual([]);
    expect(result.body?.deadlines.signDays).toBe(3);
    expect(policyOf(result.body as OfficeSettingsBody, 'Asia/Shanghai').signDays).toBe(3);
  });

  it('refuses bad times, empty and overlapping office hours, pointing at the period', () => {
    expect(codes(body((b) => (b.officeHours = [['8:30', '12:00']])))).toEqual([{ path: 'officeHours[0]', code: 'BAD_TIME' }]);
    expect(codes(body((b) => (b.officeHours = [['24:00', '25:00']])))).toEqual([{ path: 'officeHours[0]', code: 'BAD_TIME' }]);
    expect(codes(body((b) => (b.officeHours = [['12:00', '12:00']])))).toEqual([{ path: 'officeHours[0]', code: 'HOURS_EMPTY' }]);
    expect(
      codes(
        body(
          (b) =>
            (b.officeHours = [
              ['08:30', '12:00'],
              ['11:30', '17:30'],
            ]),
        ),
      ),
    ).toEqual([{ path: 'officeHours[1]', code: 'HOURS_OVERLAP' }]);
    expect(
      codes(
        body(
          (b) =>
            (b.officeHours = [
              ['14:30', '17:30'],
              ['08:30', '12:00'],
            ]),
        ),
      ),
    ).toEqual([{ path: 'officeHours[1]', code: 'HOURS_OVERLAP' }]);
    expect(codes(body((b) => (b.officeHours = [])))).toEqual([{ path: 'officeHours', code: 'HOURS_MISSING' }]);
  });

  it('accepts periods that touch (12:00 end, 12:00 start)', () => {
    expect(
      codes(
        body(
          (b) =>
            (b.officeHours = [
              ['09:00', '12:00'],
              ['12:00', '17:00'],
            ]),
        ),
      ),
    ).toEqual([]);
  });

  it('refuses reversed and overlapping holiday ranges, bad dates and make-up days inside a holiday', () => {
    expect(codes(body((b) => (b.holidays = [{ name: '元旦', from: '2027-01-03', to: '2027-01-01' }])))).toEqual([{ path: 'holidays[0]', code: 'RANGE_REVERSED' }]);
    expect(
      codes(
        body(
          (b) =>
            (b.holidays = [
              { name: '春节', from: '2027-02-05', to: '2027-02-12' },
              { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
              { name: '补假', from: '2027-02-12', to: '2027-02-13' },
            ]),
        ),
      ),
    ).toEqual([{ path: 'holidays[2]', code: 'HOLIDAYS_OVERLAP' }]);
    expect(codes(body((b) => (b.holidays = [{ name: '元旦', from: '2027-02-30', to: '2027-03-01' }])))).toEqual([{ path: 'holidays[0].from', code: 'BAD_DATE' }]);
    expect(codes(body((b) => (b.holidays = [{ name: ' ', from: '2027-01-01', to: '2027-01-01' }])))).toEqual([{ path: 'holidays[0].name', code: 'BAD_TEXT' }]);
    // Long ranges one after another would leave no working day for a deadline to land on.
    expect(codes(body((b) => (b.holidays = [{ name: '长假', from: '2027-01-01', to: '2027-03-31' }])))).toEqual([{ path: 'holidays[0]', code: 'RANGE_TOO_LONG' }]);
    const months = ['01', '03', '05', '07'].map((m) => ({ name: `${m} 月`, from: `2027-${m}-01`, to: `2027-${m}-28` }));
    expect(codes(body((b) => (b.holidays = months)))).toEqual([{ path: 'holidays', code: 'TOO_MANY' }]);
    expect(codes(body((b) => (b.holidays = months.slice(0, 3))))).toEqual([]);
    expect(
      codes(
        body((b) => {
          b.holidays = [{ name: '春节', from: '2027-02-05', to: '2027-02-12' }];
          b.workdays = [
            { name: '春节调休', date: '2027-02-07' },
            { name: '春节调休', date: '2027-02-20' },
            { name: '春节调休', date: '2027-02-20' },
          ];
        }),
      ),
    ).toEqual([
      { path: 'workdays[0]', code: 'WORKDAY_IN_HOLIDAY' },
      { path: 'workdays[2]', code: 'WORKDAY_DUPLICATE' },
    ]);
  });

  it('refuses a sample share outside (0, 1], alarms outside 1..20160 and a case longer than its meeting', () => {
    expect(codes(body((b) => (b.lookback.sampleShare = 0)))).toEqual([{ path: 'lookback.sampleShare', code: 'BAD_SHARE' }]);
    expect(codes(body((b) => (b.lookback.sampleShare = 1.2)))).toEqual([{ path: 'lookback.sampleShare', code: 'BAD_SHARE' }]);
    expect(codes(body((b) => (b.lookback.sampleShare = 1)))).toEqual([]);
    expect(codes(body((b) => (b.reminders.alarmMinutesBefore = [0, 20_161])))).toEqual([
      { path: 'reminders.alarmMinutesBefore[0]', code: 'BAD_ALARM' },
      { path: 'reminders.alarmMinutesBefore[1]', code: 'BAD_ALARM' },
    ]);
    expect(codes(body((b) => (b.meetings.minutesPerCase.joint = 150)))).toEqual([{ path: 'meetings.minutesPerCase.joint', code: 'CASE_LONGER_THAN_MEETING' }]);
    expect(codes(body((b) => (b.meetings.minNoticeHours = 0)))).toEqual([]);
    expect(codes(body((b) => (b.meetings.defaultLocation = '')))).toEqual([{ path: 'meetings.defaultLocation', code: 'BAD_TEXT' }]);
  });

  it('names each missing section and refuses a body that is not an object', () => {
    expect(codes([])).toEqual([{ path: '', code: 'NOT_OBJECT' }]);
    expect(codes({}).map((p) => p.path)).toEqual(['deadlines', 'officeHours', 'holidays', 'workdays', 'coveredYears', 'lookback', 'reminders', 'meetings']);
  });

  it('warns about the current and next office year when neither the package nor coveredYears has their holidays', () => {
    const uncovered = validateOfficeSettings(body((b) => (b.coveredYears = [])), context);
    expect(uncovered.valid).toBe(true);
    expect(uncovered.warnings).toEqual([
      {
        path: 'coveredYears',
        code: 'HOLIDAYS_NOT_COVERED',
        message: '2027 年的法定节假日安排尚未收录，请补录放假与调休安排后再依赖期限计算。',
        messageEn: expect.stringContaining('2027'),
      },
    ]);
    expect(validateOfficeSettings(body((b) => (b.coveredYears = [2027])), context).warnings).toEqual([]);
    expect(validateOfficeSettings(body((b) => (b.coveredYears = [2027])), { ...context, today: '2027-12-31' }).warnings.map((w) => w.message)).toEqual([
      '2028 年的法定节假日安排尚未收录，请补录放假与调休安排后再依赖期限计算。',
    ]);
  });

  it('keeps only known keys and normalises texts, years and alarms', () => {
    const raw = { ...body((b) => (b.coveredYears = [2028, 2027, 2027])), extra: 'ignored' } as unknown as OfficeSettingsBody;
    raw.meetings.defaultLocation = '  第一会议室 ';
    const result = validateOfficeSettings(raw, context);
    expect(result.body).not.toHaveProperty('extra');
    expect(result.body?.coveredYears).toEqual([2027, 2028]);
    expect(result.body?.meetings.defaultLocation).toBe('第一会议室');
  });
});

describe('policyOf', () => {
  it('expands holiday ranges to days and keeps make-up days and the time zone', () => {
    const p = policyOf(
      body((b) => {
        b.holidays = [{ name: '元旦', from: '2026-12-31', to: '2027-01-02' }];
        b.workdays = [{ name: '元旦调休', date: '2027-01-09' }];
      }),
      'Asia/Shanghai',
    );
    expect(p.calendarOverrides).toEqual({ holidays: ['2026-12-31', '2027-01-01', '2027-01-02'], workdays: ['2027-01-09'], coveredYears: [2027] });
    expect(p.timeZone).toBe('Asia/Shanghai');
    expect(p.acceptDays).toBe(15);
  });
});
