import { DEFAULT_MAX_DEPUTIES_PER_MEETING, type MeetingsConfig } from '../../config/meetings-config.js';
import type { Policy } from '../../config/policy.js';
import { DEFAULT_SIGN_DAYS } from '../domain/office-policy.js';
import type { HolidayRange, OfficeSettingsBody } from './office-settings.types.js';

/**
 * Between the settings body admins edit and the shapes the rest of the service reads: the `Policy`
 * (deadlines, calendar overrides, office hours, time zone) and the `MeetingsConfig` (planning,
 * look-back, invites). The time zone, the lead ranks and the organizer's name stay in `config/`.
 */

/** A new installation's version 1: the files shipped in `config/policy.json` and `config/meetings.json`. */
export function bodyFromFiles(policy: Policy, meetings: MeetingsConfig): OfficeSettingsBody {
  return {
    deadlines: {
      acceptDays: policy.acceptDays,
      handleDays: policy.handleDays,
      supervisedReplyMonths: policy.supervisedReplyMonths,
      extensionMaxDays: policy.extensionMaxDays,
      resupervisionDays: policy.resupervisionDays,
      reviewRequestDays: policy.reviewRequestDays,
      dueSoonDays: policy.dueSoonDays,
      signDays: policy.signDays ?? DEFAULT_SIGN_DAYS,
    },
    officeHours: policy.officeHours.map(([s, e]) => [s, e]),
    holidays: rangesOf(policy.calendarOverrides.holidays),
    workdays: [...policy.calendarOverrides.workdays].sort().map((date) => ({ name: '调休上班', date })),
    coveredYears: [...(policy.calendarOverrides.coveredYears ?? [])],
    lookback: { ...meetings.lookback },
    reminders: { alarmMinutesBefore: [...meetings.invites.alarmMinutesBefore] },
    meetings: {
      meetingMinutes: { ...meetings.meetingMinutes },
      minutesPerCase: { ...meetings.minutesPerCase },
      slotStepMinutes: meetings.slotStepMinutes,
      minNoticeHours: meetings.minNoticeHours,
      maxPlanDays: meetings.maxPlanDays,
      defaultLocation: meetings.defaultLocation,
      maxDeputiesPerMeeting: meetings.maxDeputiesPerMeeting,
    },
  };
}

/** A stored body as the API shows it: a field added since it was stored gets its default (maxDeputiesPerMeeting: 2, signDays: 3). */
export function withCurrentFields(body: OfficeSettingsBody): OfficeSettingsBody {
  const stored: Partial<OfficeSettingsBody['meetings']> = body.meetings;
  const storedDeadlines: Partial<OfficeSettingsBody['deadlines']> = body.deadlines;
  let current = body;
  if (stored.maxDeputiesPerMeeting === undefined) current = { ...current, meetings: { ...current.meetings, maxDeputiesPerMeeting: DEFAULT_MAX_DEPUTIES_PER_MEETING } };
  if (storedDeadlines.signDays === undefined) current = { ...current, deadlines: { ...current.deadlines, signDays: DEFAULT_SIGN_DAYS } };
  return current;
}

/** The policy of a settings version; `timeZone` comes from the configuration. */
export function policyOf(body: OfficeSettingsBody, timeZone: string): Policy {
  return {
    ...body.deadlines,
    timeZone,
    officeHours: body.officeHours.map(([s, e]) => [s, e]),
    calendarOverrides: {
      holidays: body.holidays.flatMap((h) => datesOf(h)),
      workdays: body.workdays.map((w) => w.date),
      coveredYears: [...body.coveredYears],
    },
  };
}

/** The meetings configuration of a settings version; lead ranks and the organizer's name come from `config/meetings.json`. */
export function meetingsConfigOf(body: OfficeSettingsBody, file: MeetingsConfig): MeetingsConfig {
  return {
    ...file,
    defaultLocation: body.meetings.defaultLocation,
    maxPlanDays: body.meetings.maxPlanDays,
    minNoticeHours: body.meetings.minNoticeHours,
    minutesPerCase: { ...body.meetings.minutesPerCase },
    meetingMinutes: { ...body.meetings.meetingMinutes },
    slotStepMinutes: body.meetings.slotStepMinutes,
    maxDeputiesPerMeeting: body.meetings.maxDeputiesPerMeeting ?? file.maxDeputiesPerMeeting,
    lookback: { ...body.lookback },
    invites: { ...file.invites, alarmMinutesBefore: [...body.reminders.alarmMinutesBefore] },
  };
}

/** Every day of a range, both ends included. */
function datesOf(range: HolidayRange): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= Date.parse(`${range.to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}

/** Single dates (the file format) as ranges of consecutive days. */
function rangesOf(dates: readonly string[]): HolidayRange[] {
  const ranges: HolidayRange[] = [];
  for (const d of [...new Set(dates)].sort()) {
    const last = ranges.at(-1);
    if (last && Date.parse(`${d}T00:00:00Z`) - Date.parse(`${last.to}T00:00:00Z`) === 86_400_000) last.to = d;
    else ranges.push({ name: '放假', from: d, to: d });
  }
  return ranges;
}
