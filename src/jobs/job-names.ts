/** Every job the service runs, with its payload type. Start-up fails if one has no handler. */
export const JOB_NAMES = {
  deadlineSweep: 'deadline-sweep',
  dueSoonReminder: 'due-soon-reminder',
  regradeOpenCases: 'regrade-open-cases',
  lookback: 'lookback',
  sendInvite: 'send-invite',
  backup: 'backup',
  simulateRuleSet: 'simulate-rule-set',
  caseDailyFigures: 'case-daily-figures',
  pollItipReplies: 'poll-itip-replies',
  sendMinutes: 'send-minutes',
  unitNotice: 'unit-notice',
} as const;

export type JobName = (typeof JOB_NAMES)[keyof typeof JOB_NAMES];

export interface JobPayloads {
  'deadline-sweep': { requestedBy: string };
  'due-soon-reminder': { unitCode: string };
  /** `activationId`: the `rule_set_activations` row whose re-grade progress the job reports (absent in jobs queued before it existed). */
  'regrade-open-cases': { ruleSetVersion: number; activationId?: string };
  /** `period`: `YYYY-MM` of the review. */
  lookback: { period: string };
  'send-invite': { deliveryId: string };
  /** The daily backup of the embedded mode; `date`: office-local `YYYY-MM-DD`. */
  backup: { date: string };
  /** A 试运行作业 (`rule_simulations.id`). */
  'simulate-rule-set': { runId: string };
  /** Refreshes the reports' daily roll-up (`case_daily_figures`) from its watermark; a full build without one. */
  'case-daily-figures': Record<string, never>;
  /** Reads the iTIP replies in the organizer's mailbox (`IMAP_URL`); `slot`: the poll slot it was queued for. */
  'poll-itip-replies': { slot: string };
  /** Mails the issued minutes (会议纪要 .docx) to one attendee (`minutes_attendance.attendeeId`). */
  'send-minutes': { meetingId: string; attendeeId: string };
  /** Generates the letter of a hand-over and mails the unit its notice (`unit_notices.id`). */
  'unit-notice': { noticeId: string };
}

/** The Bull queue all outbox jobs travel through when Redis is configured. */
export const JOBS_QUEUE = 'xf-jobs';

export interface BullJobData {
  outboxId: string;
  attempt: number;
}
