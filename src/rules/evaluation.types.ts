import type { Category, Channel, Grade, MeetingType, Route } from '../domain/case-vocabulary.js';

/**
 * The facts a rule set sees for one case: the case fields from intake plus the
 * derived facts computed once per evaluation (by the caller, from the database).
 */
export interface CaseFacts {
  channel: Channel;
  category: Category;
  region: string;
  headcount: number;
  subject: string;
  content: string;
  unitsInvolved: string[];
  /** Distinct units named in `unitsInvolved`. */
  unitsInvolvedCount: number;
  /** A group petition (集体访): headcount ≥ 5. */
  isGroup: boolean;
  deputyReported: boolean;
  important: boolean;
  provincialReferral: boolean;
  leaderInstructed: boolean;
  /** Earlier cases (not this one) of the same petitioner or linked as related, within 12 months. */
  repeatCount: number;
  /** Other open cases with the same category and region received within the last 30 days. */
  similarOpenCases: number;
  /** True when a related earlier case ended with a dissatisfied petitioner. */
  relatedDissatisfied: boolean;
  /** Days since the case was received (0 at intake). */
  daysOpen: number;
  /** Days until the current deadline, or null when none runs yet. */
  daysToDeadline: number | null;
}

/** Day counts a rule set may set per handling mode; anything absent falls back to config/policy.json. */
export interface DeadlinePolicyOverride {
  acceptDays?: number;
  handleDays?: number;
  supervisedReplyMonths?: number;
  extensionMaxDays?: number;
}

export interface ConditionExplanation {
  fact: string;
  operator: string;
  value: unknown;
  factResult: unknown;
  result: boolean;
}

export interface FiredRule {
  name: string;
  /** The rule's description (Chinese) as written in its set; absent on evaluations stored before it was recorded. */
  description?: string;
  eventType: string;
  params: Record<string, unknown>;
  /** Per-condition results (flattened), so a secretary can see why the rule fired. */
  conditions: ConditionExplanation[];
}

export interface Evaluation {
  ruleSetVersion: number;
  grade: Grade;
  route: Route;
  meetingType: MeetingType | null;
  /** e.g. `group-petition`, `repeat-petition`, `early-warning`, `needs-review`. */
  flags: string[];
  deadlines: DeadlinePolicyOverride;
  inviteDeputyProfessions: string[];
  /** For an early-warning cluster: the bodies a special meeting should invite. */
  specialMeetingInvitees: string[];
  firedRules: FiredRule[];
  /** Present when the rule set threw or timed out; the case is then graded normal + needs-review. */
  error: string | null;
}
