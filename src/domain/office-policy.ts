/**
 * The shapes of the office's policy (`config/policy.json`): statutory periods and the working calendar's
 * overrides. Numbers are policy, not code (docs/domain.md, "Deadlines").
 */
export interface DeadlinePolicy {
  acceptDays: number;
  handleDays: number;
  supervisedReplyMonths: number;
  extensionMaxDays: number;
  resupervisionDays: number;
  reviewRequestDays: number;
  dueSoonDays: number;
  /** 签收期限: working days a handling unit has to sign for a routed case (absent in older settings: `DEFAULT_SIGN_DAYS`). */
  signDays?: number;
  timeZone: string;
}

/** The sign deadline's working days when the settings name none. */
export const DEFAULT_SIGN_DAYS = 3;

export interface CalendarOverrides {
  /** Dates that are days off, whatever the package says. */
  holidays: readonly string[];
  /** Dates that are working days (e.g. make-up days), whatever the package says. */
  workdays: readonly string[];
  /** Years whose schedule the overrides fully describe. */
  coveredYears?: readonly number[];
}
