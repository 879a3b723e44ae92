import { NO_UNIT_LOOP, type PetitionCase } from '../cases/case.entity.js';
import type { DeadlineCalculator } from '../cases/deadlines.js';
import type { CaseStatus, HandlingMode } from '../domain/case-vocabulary.js';
import type { LedgerRow } from './ledger-row.js';

/** The flag every imported case carries (the ledger's filter `flag=imported` finds them). */
export const IMPORTED_FLAG = 'imported';

/** The personal data of a row as stored: encrypted, with lookup hashes (as intake stores them). */
export type ProtectedPetitioner = Pick<
  PetitionCase,
  'petitionerName' | 'petitionerOrganisation' | 'petitionerIdCipher' | 'petitionerIdHash' | 'petitionerPhoneCipher' | 'petitionerPhoneHash' | 'petitionerAddressCipher'
>;

export interface ImportContext {
  id: string;
  code: string;
  now: Date;
  createdBy: string;
  /** The petition office's unit code: the handler when the ledger names none, the follow-up committee of a case not handled by a committee. */
  officeCode: string;
  deadlines: Pick<DeadlineCalculator, 'acceptDue' | 'handleDue'>;
  repeatCount: number;
}

/**
 * The office's deadlines from a day, remembered per instant: a ledger has a few hundred distinct dates for
 * 10^5 rows, and each computation walks the working calendar day by day.
 */
export function rememberedDeadlines(deadlines: Pick<DeadlineCalculator, 'acceptDue' | 'handleDue'>): Pick<DeadlineCalculator, 'acceptDue' | 'handleDue'> {
  const accept = new Map<number, Date>();
  const handle = new Map<number, Date>();
  const remembered = (cache: Map<number, Date>, compute: (from: Date) => Date) => (from: Date): Date => {
    let due = cache.get(from.getTime());
    if (!due) {
      due = compute(from);
      cache.set(from.getTime(), due);
    }
    return due;
  };
  return { acceptDue: remembered(accept, (d) => deadlines.acceptDue(d)), handleDue: remembered(handle, (d) => deadlines.handleDue(d)) };
}

const OPEN_DUE: Partial<Record<CaseStatus, 'accept' | 'reply'>> = { registered: 'accept', accepted: 'reply', routed: 'reply', in_handling: 'reply' };
const ENDED: readonly CaseStatus[] = ['rejected', 'withdrawn', 'closed'];
const ANSWERED: readonly CaseStatus[] = ['replied', 'closed'];
const ROUTED: readonly CaseStatus[] = ['routed', 'in_handling', 'replied', 'closed'];

const latest = (...dates: (Date | null)[]): Date | null =>
  dates.reduce<Date | null>((max, d) => (d !== null && (max === null || d.getTime() > max.getTime()) ? d : max), null);

/**
 * A ledger row as a case, pure: the original dates and status kept; the dates a status implies but the
 * ledger left empty taken from the previous one (accepted on receipt, routed on acceptance…); deadlines
 * computed from the original dates with the office's working calendar, so an open case may already be
 * overdue; graded `normal` with the `imported` flag and no rules fired (rule-set version 0: the next
 * re-grade of unrouted cases grades open imported ones like any other).
 */
export function importedCase(row: LedgerRow, petitioner: ProtectedPetitioner, ctx: ImportContext): PetitionCase {
  const { status } = row;
  const acceptDueAt = ctx.deadlines.acceptDue(row.receivedAt);
  const acceptedAt = status === 'registered' || status === 'rejected' ? null : (row.acceptedAt ?? (status === 'withdrawn' ? null : row.receivedAt));
  const routedAt = ROUTED.includes(status) ? (row.routedAt ?? acceptedAt) : row.routedAt;
  const replyDueAt = acceptedAt ? ctx.deadlines.handleDue(acceptedAt) : null;
  const repliedAt = ANSWERED.includes(status) ? (row.repliedAt ?? (status === 'replied' ? latest(row.receivedAt, acceptedAt, routedAt) : null)) : null;
  const closedAt = ENDED.includes(status) ? (row.closedAt ?? latest(row.receivedAt, acceptedAt, routedAt, repliedAt)) : null;
  const due = OPEN_DUE[status];
  const handler = row.handledBy;
  const handledBy = handler?.code ?? ctx.officeCode;
  const committee = handler?.kind === 'committee' ? handler.code : ctx.officeCode;
  const mode: HandlingMode = handler?.kind === 'external' ? 'transfer' : 'internal';
  const route = { committee, handledBy, mode };
  return {
    id: ctx.id,
    code: ctx.code,
    channel: row.channel,
    receivedAt: row.receivedAt,
    registeredAt: row.receivedAt,
    status,
    grade: 'normal',
    ...petitioner,
    headcount: row.headcount,
    subject: row.subject,
    content: row.content,
    category: row.category,
    region: row.region,
    unitsInvolved: [],
    deputyReported: false,
    reportedByDeputyId: null,
    important: false,
    provincialReferral: false,
    leaderInstructed: false,
    relatedCaseIds: [],
    repeatCount: ctx.repeatCount,
    similarOpenCases: 0,
    relatedDissatisfied: false,
    routeCommittee: route.committee,
    routeHandledBy: route.handledBy,
    routeMode: route.mode,
    meetingType: null,
    flags: [IMPORTED_FLAG],
    ruleSetVersion: 0,
    evaluation: { ruleSetVersion: 0, grade: 'normal', route, meetingType: null, flags: [IMPORTED_FLAG], deadlines: {}, inviteDeputyProfessions: [], specialMeetingInvitees: [], firedRules: [], error: null },
    acceptDueAt,
    replyDueAt,
    dueAt: due === 'accept' ? acceptDueAt : due === 'reply' ? replyDueAt : null,
    reportRequired: false,
    extensionUsed: false,
    resupervisionCount: 0,
    acceptedAt,
    routedAt,
    repliedAt,
    repliedOnTime: repliedAt !== null && replyDueAt !== null && repliedAt.getTime() <= replyDueAt.getTime(),
    feedback: row.feedback,
    feedbackAt: row.feedback ? latest(repliedAt, closedAt) : null,
    closedAt,
    ...NO_UNIT_LOOP,
    leadLeaderId: null,
    createdBy: ctx.createdBy,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
}
