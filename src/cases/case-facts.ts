import type { CaseFacts } from '../rules/evaluation.types.js';
import type { PetitionCase } from './case.entity.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';

import type { DerivedFacts } from './case-facts.service.js';

/** 集体访: five or more petitioners (docs/domain.md). */
export const GROUP_PETITION_HEADCOUNT = 5;

export const distinctUnits = (units: string[]): number => new Set(units.map((u) => u.trim()).filter(Boolean)).size;

/** The facts a rule set sees for a new case: its fields plus the facts derived from stored cases. */
export function caseFacts(input: CreateCaseDto, derived: DerivedFacts): CaseFacts {
  return {
    channel: input.channel,
    category: input.category,
    region: input.region,
    headcount: input.headcount ?? 1,
    subject: input.subject,
    content: input.content,
    unitsInvolved: input.unitsInvolved ?? [],
    unitsInvolvedCount: distinctUnits(input.unitsInvolved ?? []),
    isGroup: (input.headcount ?? 1) >= GROUP_PETITION_HEADCOUNT,
    deputyReported: (input.deputyReported ?? false) || input.reportedByDeputyId !== undefined,
    important: input.important ?? false,
    provincialReferral: input.provincialReferral ?? false,
    leaderInstructed: input.leaderInstructed ?? false,
    repeatCount: derived.repeatCount,
    similarOpenCases: derived.similarOpenCases,
    relatedDissatisfied: derived.relatedDissatisfied,
    daysOpen: 0,
    daysToDeadline: null,
  };
}

/** What the rules read of a stored case besides its derived facts. */
export type FactSource = Pick<
  PetitionCase,
  | 'channel'
  | 'category'
  | 'region'
  | 'headcount'
  | 'subject'
  | 'content'
  | 'unitsInvolved'
  | 'deputyReported'
  | 'important'
  | 'provincialReferral'
  | 'leaderInstructed'
  | 'receivedAt'
  | 'dueAt'
>;

/** The facts of a stored case, as the rules saw (or would now see) them. */
export function storedCaseFacts(c: FactSource, derived: DerivedFacts, now: Date): CaseFacts {
  return {
    channel: c.channel,
    category: c.category,
    region: c.region,
    headcount: c.headcount,
    subject: c.subject,
    content: c.content,
    unitsInvolved: c.unitsInvolved,
    unitsInvolvedCount: distinctUnits(c.unitsInvolved),
    isGroup: c.headcount >= GROUP_PETITION_HEADCOUNT,
    deputyReported: c.deputyReported,
    important: c.important,
    provincialReferral: c.provincialReferral,
    leaderInstructed: c.leaderInstructed,
    ...derived,
    daysOpen: Math.max(0, Math.floor((now.getTime() - c.receivedAt.getTime()) / 86_400_000)),
    daysToDeadline: c.dueAt ? Math.floor((c.dueAt.getTime() - now.getTime()) / 86_400_000) : null,
  };
}
