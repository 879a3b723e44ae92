import type { CaseFacts } from '../rules/evaluation.types.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';

export interface DerivedFacts {
  repeatCount: number;
  similarOpenCases: number;
  relatedDissatisfied: boolean;
}

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
    deputyReported: input.deputyReported ?? false,
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
