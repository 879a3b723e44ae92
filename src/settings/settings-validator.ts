import { DateTime } from 'luxon';
import { DEFAULT_MAX_DEPUTIES_PER_MEETING, MAX_DEPUTIES_PER_MEETING_LIMIT } from '../../config/meetings-config.js';
import { DEFAULT_SIGN_DAYS } from '../domain/office-policy.js';
import {
  DEADLINE_SETTING_KEYS,
  MEETING_TYPES_OF_SETTINGS,
  type DeadlineSettingKey,
  type HolidayRange,
  type MakeUpWorkday,
  type OfficeSettingsBody,
  type SettingsProblem,
} from './office-settings.types.js';

/**
 * The one validator of office settings (办公设置): a stored draft, a body sent by an admin and the
 * defaults shipped in `config/` all pass through it. Pure: the package's holiday years and today's
 * office date come in as arguments.
 */
export interface SettingsValidationContext {
  /** Today's date in the office time zone, `YYYY-MM-DD` (the current office year and the next are checked for holiday data). */
  today: string;
  /** Years the holiday package (chinese-days) has schedules for. */
  packageYears: readonly number[];
}

export interface SettingsValidation {
  valid: boolean;
  errors: SettingsProblem[];
  warnings: SettingsProblem[];
  /** The body with only the known keys (trimmed texts, sorted years); null when invalid. */
  body: OfficeSettingsBody | null;
}

const DEADLINE_LIMITS: Record<DeadlineSettingKey, { max: number; zh: string; en: string }> = {
  acceptDays: { max: 365, zh: '受理期限（日）', en: 'acceptance period (days)' },
  handleDays: { max: 365, zh: '办理期限（日）', en: 'handling period (days)' },
  supervisedReplyMonths: { max: 24, zh: '督办件答复期限（月）', en: 'supervised reply period (months)' },
  extensionMaxDays: { max: 365, zh: '延期最长天数（日）', en: 'longest extension (days)' },
  resupervisionDays: { max: 365, zh: '再督办期限（日）', en: 're-supervision period (days)' },
  reviewRequestDays: { max: 365, zh: '复查申请期限（日）', en: 'review request period (days)' },
  dueSoonDays: { max: 90, zh: '临期提醒（日）', en: 'due-soon warning (days)' },
  signDays: { max: 30, zh: '签收期限（工作日）', en: 'sign deadline (working days)' },
};

const MAX_PERIODS = 6;
const MAX_HOLIDAYS = 200;
const MAX_WORKDAYS = 100;
const MAX_HOLIDAY_RANGE_DAYS = 60;
/** Days off by override in one year (China has about 30 with the weekends inside the ranges): the calendar always finds a working day. */
const MAX_HOLIDAY_DAYS_PER_YEAR = 90;
const MAX_ALARMS = 5;
const MAX_ALARM_MINUTES = 20_160;
const MAX_NAME = 50;
const MAX_LOCATION = 100;
const HH_MM = /^([01]\d|2[0-3]):([0-5]\d)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Report = (path: string, code: string, zh: string, en: string) => void;

export function validateOfficeSettings(raw: unknown, context: SettingsValidationContext): SettingsValidation {
  const errors: SettingsProblem[] = [];
  const warnings: SettingsProblem[] = [];
  const fail: Report = (path, code, zh, en) => errors.push({ path, code, message: zh, messageEn: en });
  if (!isRecord(raw)) {
    fail('', 'NOT_OBJECT', '设置内容必须是一个对象。', 'The settings body must be an object.');
    return { valid: false, errors, warnings, body: null };
  }

  const deadlines = deadlinesOf(raw.deadlines, fail);
  const officeHours = officeHoursOf(raw.officeHours, fail);
  const holidays = holidaysOf(raw.holidays, fail);
  const workdays = workdaysOf(raw.workdays, holidays, fail);
  const coveredYears = yearsOf(raw.coveredYears, fail);
  const lookback = lookbackOf(raw.lookback, fail);
  const reminders = remindersOf(raw.reminders, fail);
  const meetings = meetingsOf(raw.meetings, fail);

  if (coveredYears) {
    const year = Number(context.today.slice(0, 4));
    for (const y of [year, year + 1]) {
      if (context.packageYears.includes(y) || coveredYears.includes(y)) continue;
      warnings.push({
        path: 'coveredYears',
        code: 'HOLIDAYS_NOT_COVERED',
        message: `${y} 年的法定节假日安排尚未收录，请补录放假与调休安排后再依赖期限计算。`,
        messageEn: `The statutory holidays of ${y} are not recorded yet: enter its days off and make-up working days before relying on deadlines in ${y}.`,
      });
    }
  }

  const body =
    errors.length === 0
      ? ({ deadlines, officeHours, holidays, workdays, coveredYears, lookback, reminders, meetings } as OfficeSettingsBody)
      : null;
  return { valid: errors.length === 0, errors, warnings, body };
}

function deadlinesOf(raw: unknown, fail: Report): Record<DeadlineSettingKey, number> | null {
  if (!isRecord(raw)) return required('deadlines', '期限设置', 'deadlines', fail);
  const out = {} as Record<DeadlineSettingKey, number>;
  for (const key of DEADLINE_SETTING_KEYS) {
    const limit = DEADLINE_LIMITS[key];
    // A body written before the sign deadline existed (issue 15) takes its default.
    if (key === 'signDays' && raw[key] === undefined) {
      out[key] = DEFAULT_SIGN_DAYS;
      continue;
    }
    const v = wholeNumber(raw[key], `deadlines.${key}`, 1, limit.max, limit.zh, limit.en, fail);
    if (v !== null) out[key] = v;
  }
  return out;
}

function officeHoursOf(raw: unknown, fail: Report): [string, string][] | null {
  if (!Array.isArray(raw) || raw.length === 0) {
    fail('officeHours', 'HOURS_MISSING', '办公时间至少需要一个时段。', 'Office hours need at least one period.');
    return null;
  }
  if (raw.length > MAX_PERIODS) {
    fail('officeHours', 'TOO_MANY', `办公时间最多 ${MAX_PERIODS} 个时段。`, `At most ${MAX_PERIODS} office-hour periods.`);
    return null;
  }
  let previousEnd = -1;
  const out: [string, string][] = [];
  raw.forEach((period: unknown, i) => {
    const path = `officeHours[${i}]`;
    const pair = Array.isArray(period) && period.length === 2 ? (period as unknown[]) : null;
    const s = pair ? minutesOf(pair[0]) : undefined;
    const e = pair ? minutesOf(pair[1]) : undefined;
    if (s === undefined || e === undefined) {
      fail(path, 'BAD_TIME', '时段须写成 ["HH:MM", "HH:MM"]，如 ["08:30", "12:00"]。', 'A period is ["HH:MM", "HH:MM"], e.g. ["08:30", "12:00"].');
      return;
    }
    if (s >= e) {
      fail(path, 'HOURS_EMPTY', `时段 ${String(pair?.[0])}–${String(pair?.[1])} 的开始时间须早于结束时间。`, 'A period must start before it ends.');
      return;
    }
    if (s < previousEnd) {
      fail(path, 'HOURS_OVERLAP', '时段须按时间先后排列且互不重叠。', 'Periods must be in order and must not overlap.');
    }
    previousEnd = Math.max(previousEnd, e);
    out.push([pair?.[0] as string, pair?.[1] as string]);
  });
  return out;
}

function holidaysOf(raw: unknown, fail: Report): HolidayRange[] {
  if (!Array.isArray(raw)) {
    required('holidays', '放假安排', 'holidays', fail);
    return [];
  }
  if (raw.length > MAX_HOLIDAYS) {
    fail('holidays', 'TOO_MANY', `放假安排最多 ${MAX_HOLIDAYS} 条。`, `At most ${MAX_HOLIDAYS} holiday ranges.`);
    return [];
  }
  const ranges: (HolidayRange & { index: number })[] = [];
  raw.forEach((item: unknown, i) => {
    const path = `holidays[${i}]`;
    if (!isRecord(item)) return void fail(path, 'NOT_OBJECT', '放假安排须写成 {name, from, to}。', 'A holiday is {name, from, to}.');
    const name = nameOf(item.name, `${path}.name`, fail);
    const from = dateOf(item.from, `${path}.from`, fail);
    const to = dateOf(item.to, `${path}.to`, fail);
    if (name === null || from === null || to === null) return;
    if (from > to) return void fail(path, 'RANGE_REVERSED', `放假起始日 ${from} 晚于结束日 ${to}。`, `The range starts (${from}) after it ends (${to}).`);
    if (daysBetween(from, to) >= MAX_HOLIDAY_RANGE_DAYS) {
      return void fail(path, 'RANGE_TOO_LONG', `一段放假最长 ${MAX_HOLIDAY_RANGE_DAYS} 天。`, `A holiday range lasts at most ${MAX_HOLIDAY_RANGE_DAYS} days.`);
    }
    ranges.push({ name, from, to, index: i });
  });
  const sorted = [...ranges].sort((a, b) => a.from.localeCompare(b.from));
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1];
    const cur = sorted[k];
    if (cur.from <= prev.to) {
      const later = cur.index > prev.index ? cur : prev;
      const other = later === cur ? prev : cur;
      fail(
        `holidays[${later.index}]`,
        'HOLIDAYS_OVERLAP',
        `放假安排“${later.name}”与“${other.name}”日期重叠。`,
        `Holiday range ${later.index + 1} overlaps range ${other.index + 1}.`,
      );
    }
  }
  const daysPerYear = new Map<string, number>();
  for (const r of ranges) {
    for (let t = Date.parse(`${r.from}T00:00:00Z`); t <= Date.parse(`${r.to}T00:00:00Z`); t += 86_400_000) {
      const year = new Date(t).toISOString().slice(0, 4);
      daysPerYear.set(year, (daysPerYear.get(year) ?? 0) + 1);
    }
  }
  for (const [year, days] of daysPerYear) {
    if (days > MAX_HOLIDAY_DAYS_PER_YEAR) {
      fail('holidays', 'TOO_MANY', `${year} 年的放假天数合计 ${days} 天，超过 ${MAX_HOLIDAY_DAYS_PER_YEAR} 天。`, `${days} days off in ${year}: at most ${MAX_HOLIDAY_DAYS_PER_YEAR}.`);
    }
  }
  return ranges.map(({ name, from, to }) => ({ name, from, to }));
}

function workdaysOf(raw: unknown, holidays: readonly HolidayRange[], fail: Report): MakeUpWorkday[] {
  if (!Array.isArray(raw)) {
    required('workdays', '调休上班日', 'workdays', fail);
    return [];
  }
  if (raw.length > MAX_WORKDAYS) {
    fail('workdays', 'TOO_MANY', `调休上班日最多 ${MAX_WORKDAYS} 条。`, `At most ${MAX_WORKDAYS} make-up working days.`);
    return [];
  }
  const seen = new Set<string>();
  const out: MakeUpWorkday[] = [];
  raw.forEach((item: unknown, i) => {
    const path = `workdays[${i}]`;
    if (!isRecord(item)) return void fail(path, 'NOT_OBJECT', '调休上班日须写成 {name, date}。', 'A make-up day is {name, date}.');
    const name = nameOf(item.name, `${path}.name`, fail);
    const date = dateOf(item.date, `${path}.date`, fail);
    if (name === null || date === null) return;
    if (seen.has(date)) return void fail(path, 'WORKDAY_DUPLICATE', `调休上班日 ${date} 重复。`, `The make-up day ${date} is listed twice.`);
    seen.add(date);
    const inside = holidays.find((h) => h.from <= date && date <= h.to);
    if (inside) {
      return void fail(path, 'WORKDAY_IN_HOLIDAY', `调休上班日 ${date} 落在放假安排“${inside.name}”之内。`, `The make-up day ${date} lies inside a holiday range.`);
    }
    out.push({ name, date });
  });
  return out;
}

function yearsOf(raw: unknown, fail: Report): number[] | null {
  if (!Array.isArray(raw)) return required('coveredYears', '已收录年份', 'coveredYears', fail);
  let ok = true;
  raw.forEach((y: unknown, i) => {
    if (!Number.isInteger(y) || (y as number) < 2000 || (y as number) > 2100) {
      ok = false;
      fail(`coveredYears[${i}]`, 'BAD_YEAR', '年份须为 2000–2100 之间的整数。', 'A year is a whole number from 2000 to 2100.');
    }
  });
  return ok ? [...new Set(raw as number[])].sort((a, b) => a - b) : null;
}

function lookbackOf(raw: unknown, fail: Report): OfficeSettingsBody['lookback'] | null {
  if (!isRecord(raw)) return required('lookback', '回头看', 'lookback', fail);
  const share = raw.sampleShare;
  if (typeof share !== 'number' || !Number.isFinite(share) || !(share > 0 && share <= 1)) {
    fail('lookback.sampleShare', 'BAD_SHARE', '抽查比例须大于 0 且不超过 1（如 0.2 表示 20%）。', 'The sample share is a number above 0 and at most 1 (0.2 = 20 %).');
  }
  const windowDays = wholeNumber(raw.windowDays, 'lookback.windowDays', 1, 730, '回头看范围（日）', 'look-back window (days)', fail);
  return typeof share === 'number' && windowDays !== null ? { sampleShare: share, windowDays } : null;
}

function remindersOf(raw: unknown, fail: Report): OfficeSettingsBody['reminders'] | null {
  if (!isRecord(raw)) return required('reminders', '会议提醒', 'reminders', fail);
  const alarms = raw.alarmMinutesBefore;
  if (!Array.isArray(alarms) || alarms.length > MAX_ALARMS) {
    fail('reminders.alarmMinutesBefore', 'BAD_ALARM', `会前提醒须为最多 ${MAX_ALARMS} 个分钟数的列表。`, `Alarms are a list of at most ${MAX_ALARMS} minute counts.`);
    return null;
  }
  const seen = new Set<number>();
  alarms.forEach((m: unknown, i) => {
    const path = `reminders.alarmMinutesBefore[${i}]`;
    if (!Number.isInteger(m) || (m as number) < 1 || (m as number) > MAX_ALARM_MINUTES) {
      fail(path, 'BAD_ALARM', `会前提醒须为 1–${MAX_ALARM_MINUTES} 分钟（最长 14 天）。`, `An alarm is 1 to ${MAX_ALARM_MINUTES} minutes (14 days) before the start.`);
    } else if (seen.has(m as number)) {
      fail(path, 'ALARM_DUPLICATE', `会前 ${String(m)} 分钟的提醒重复。`, `The alarm ${String(m)} minutes before is listed twice.`);
    } else seen.add(m as number);
  });
  return { alarmMinutesBefore: [...seen].sort((a, b) => b - a) };
}

const TYPE_ZH: Record<string, string> = { special: '专题会', joint: '联席会', supervision: '督办会' };

function meetingsOf(raw: unknown, fail: Report): OfficeSettingsBody['meetings'] | null {
  if (!isRecord(raw)) return required('meetings', '会议设置', 'meetings', fail);
  const perType = (key: 'meetingMinutes' | 'minutesPerCase', max: number, zh: string, en: string): Record<string, number> | null => {
    const table = raw[key];
    if (!isRecord(table)) return required(`meetings.${key}`, zh, en, fail);
    const out: Record<string, number> = {};
    for (const t of MEETING_TYPES_OF_SETTINGS) {
      const v = wholeNumber(table[t], `meetings.${key}.${t}`, 1, max, `${TYPE_ZH[t]}${zh}`, `${en} (${t})`, fail);
      if (v !== null) out[t] = v;
    }
    return out;
  };
  const meetingMinutes = perType('meetingMinutes', 600, '会议时长（分钟）', 'meeting length (minutes)');
  const minutesPerCase = perType('minutesPerCase', 240, '每件用时（分钟）', 'minutes per case');
  if (meetingMinutes && minutesPerCase) {
    for (const t of MEETING_TYPES_OF_SETTINGS) {
      if (minutesPerCase[t] !== undefined && meetingMinutes[t] !== undefined && minutesPerCase[t] > meetingMinutes[t]) {
        fail(`meetings.minutesPerCase.${t}`, 'CASE_LONGER_THAN_MEETING', `${TYPE_ZH[t]}每件用时不能超过会议时长。`, `One case (${t}) cannot take longer than the meeting.`);
      }
    }
  }
  const slotStepMinutes = wholeNumber(raw.slotStepMinutes, 'meetings.slotStepMinutes', 1, 120, '排期步长（分钟）', 'slot step (minutes)', fail);
  const minNoticeHours = wholeNumber(raw.minNoticeHours, 'meetings.minNoticeHours', 0, 720, '最短提前通知（小时）', 'minimum notice (hours)', fail);
  const maxPlanDays = wholeNumber(raw.maxPlanDays, 'meetings.maxPlanDays', 1, 366, '最长排期范围（日）', 'longest planning window (days)', fail);
  const maxDeputiesPerMeeting =
    raw.maxDeputiesPerMeeting === undefined
      ? DEFAULT_MAX_DEPUTIES_PER_MEETING
      : wholeNumber(raw.maxDeputiesPerMeeting, 'meetings.maxDeputiesPerMeeting', 0, MAX_DEPUTIES_PER_MEETING_LIMIT, '每场会议最多邀请代表（人）', 'deputies invited per meeting at most', fail);
  const location = typeof raw.defaultLocation === 'string' ? raw.defaultLocation.trim() : '';
  if (!location || location.length > MAX_LOCATION) {
    fail('meetings.defaultLocation', 'BAD_TEXT', `默认会议地点须为 1–${MAX_LOCATION} 个字。`, `The default location is 1 to ${MAX_LOCATION} characters.`);
  }
  if (!meetingMinutes || !minutesPerCase || slotStepMinutes === null || minNoticeHours === null || maxPlanDays === null || maxDeputiesPerMeeting === null) return null;
  return {
    meetingMinutes: meetingMinutes,
    minutesPerCase: minutesPerCase,
    slotStepMinutes,
    minNoticeHours,
    maxPlanDays,
    defaultLocation: location,
    maxDeputiesPerMeeting,
  };
}

function wholeNumber(value: unknown, path: string, min: number, max: number, zh: string, en: string, fail: Report): number | null {
  if (!Number.isInteger(value) || (value as number) < min) {
    const zhWhat = min === 0 ? '须为不小于 0 的整数' : '须为正整数';
    const enWhat = min === 0 ? 'must be a whole number, 0 or more' : 'must be a positive whole number';
    fail(path, min === 0 ? 'NOT_WHOLE' : 'NOT_POSITIVE', `${zh}${zhWhat}。`, `The ${en} ${enWhat}.`);
    return null;
  }
  if ((value as number) > max) {
    fail(path, 'OUT_OF_RANGE', `${zh}最大为 ${max}。`, `The ${en} is at most ${max}.`);
    return null;
  }
  return value as number;
}

function nameOf(value: unknown, path: string, fail: Report): string | null {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name || name.length > MAX_NAME) {
    fail(path, 'BAD_TEXT', `名称须为 1–${MAX_NAME} 个字，如“元旦”。`, `A name is 1 to ${MAX_NAME} characters, e.g. "New Year".`);
    return null;
  }
  return name;
}

function dateOf(value: unknown, path: string, fail: Report): string | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value) || !DateTime.fromISO(value, { zone: 'UTC' }).isValid) {
    fail(path, 'BAD_DATE', '日期须为存在的 YYYY-MM-DD，如 2027-01-01。', 'A date is an existing YYYY-MM-DD, e.g. 2027-01-01.');
    return null;
  }
  const year = Number(value.slice(0, 4));
  if (year < 2000 || year > 2100) {
    fail(path, 'BAD_DATE', '日期须在 2000–2100 年之间。', 'A date lies between 2000 and 2100.');
    return null;
  }
  return value;
}

function required(path: string, zh: string, en: string, fail: Report): null {
  fail(path, 'REQUIRED', `缺少${zh}。`, `The ${en} are missing.`);
  return null;
}

function minutesOf(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const m = HH_MM.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
