/** Vocabulary of a petition case (信访事项), shared by intake, rules, meetings and reports. */

/** A case code: `XF-2026-000123`, numbered gap-free per year. */
export const caseCode = (year: number, seq: number): string => `XF-${year}-${String(seq).padStart(6, '0')}`;

export const CHANNELS = ['letter', 'visit', 'online', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];

export const CATEGORIES = [
  'legislation',
  'regulation-review',
  'deputy-work',
  'economy',
  'urban-construction',
  'employment-social',
  'education-health-culture',
  'agriculture-rural',
  'litigation',
  'official-conduct',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const GRADES = ['normal', 'escalated', 'joint-consultation'] as const;
export type Grade = (typeof GRADES)[number];

export const HANDLING_MODES = ['internal', 'transfer', 'supervised'] as const;
export type HandlingMode = (typeof HANDLING_MODES)[number];

export const MEETING_TYPES = ['special', 'joint', 'supervision'] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const CASE_STATUSES = [
  'registered',
  'accepted',
  'rejected',
  'routed',
  'in_handling',
  'replied',
  'closed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Statuses in which a case still has a running deadline. */
export const OPEN_STATUSES: readonly CaseStatus[] = ['registered', 'accepted', 'routed', 'in_handling'];

export const FEEDBACK_VALUES = ['satisfied', 'dissatisfied'] as const;
export type Feedback = (typeof FEEDBACK_VALUES)[number];

export interface Route {
  /** Unit code of the follow-up committee (e.g. `UCEC`). */
  committee: string;
  /** Unit code of the body that handles the case (e.g. `GOV`). */
  handledBy: string;
  mode: HandlingMode;
}
