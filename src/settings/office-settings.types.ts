/**
 * The office's settings as admins edit them (办公设置): statutory periods, office hours, holiday
 * overrides and make-up days, look-back, invite alarms and meeting lengths. One body per stored
 * version; the one in force drives deadlines, planning and invites (see docs/settings.md).
 */
export const MEETING_TYPES_OF_SETTINGS = ['special', 'joint', 'supervision'] as const;
export type SettingsMeetingType = (typeof MEETING_TYPES_OF_SETTINGS)[number];

export const DEADLINE_SETTING_KEYS = [
  'acceptDays',
  'handleDays',
  'supervisedReplyMonths',
  'extensionMaxDays',
  'resupervisionDays',
  'reviewRequestDays',
  'dueSoonDays',
  'signDays',
] as const;
export type DeadlineSettingKey = (typeof DEADLINE_SETTING_KEYS)[number];

export interface HolidayRange {
  name: string;
  /** First day off, `YYYY-MM-DD` (office time zone). */
  from: string;
  /** Last day off, included. */
  to: string;
}

export interface MakeUpWorkday {
  name: string;
  date: string;
}

export interface OfficeSettingsBody {
  deadlines: Record<DeadlineSettingKey, number>;
  /** Ordered, non-overlapping local [start, end) periods, `HH:MM`. */
  officeHours: [string, string][];
  holidays: HolidayRange[];
  workdays: MakeUpWorkday[];
  coveredYears: number[];
  lookback: { sampleShare: number; windowDays: number };
  reminders: { alarmMinutesBefore: number[] };
  meetings: {
    meetingMinutes: Record<SettingsMeetingType, number>;
    minutesPerCase: Record<SettingsMeetingType, number>;
    slotStepMinutes: number;
    minNoticeHours: number;
    maxPlanDays: number;
    defaultLocation: string;
    /** Deputies the planner invites at most to one meeting (0–10); absent in versions stored before issue 14 (then 2). */
    maxDeputiesPerMeeting: number;
  };
}

/** One finding of the validator: where (`officeHours[1]`), what (`HOURS_OVERLAP`), in Chinese and English. */
export interface SettingsProblem {
  path: string;
  code: string;
  message: string;
  messageEn: string;
}

export const SETTINGS_STATUSES = ['draft', 'published', 'archived'] as const;
export type SettingsStatus = (typeof SETTINGS_STATUSES)[number];
