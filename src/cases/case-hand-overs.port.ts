import type { EntityManager } from 'typeorm';

/**
 * A port of the cases module that the unit-notices module implements (it sits above cases and may not
 * be imported by them): each hand-over of a case to its handling unit (route, transfer, an extension
 * decided, a manual urge, a re-supervision) is told to the notices, in the transaction of the change,
 * so the unit's notice (mail with the letter and the link) commits with the timeline event.
 * `UnitNoticesModule` provides it under `CASE_HAND_OVERS`; start-up fails without a provider.
 */
export type HandOverKind = 'route' | 'transfer' | 'extension-approved' | 'extension-refused' | 'urge' | 'resupervise';

export interface CaseHandOver {
  caseId: string;
  /** The timeline event of the hand-over. */
  eventId: string;
  kind: HandOverKind;
  /** The handling unit's code (the case's `routeHandledBy` after the change). */
  unitCode: string;
  at: Date;
}

export interface CaseHandOvers {
  handedOverIn(em: EntityManager, handOver: CaseHandOver): Promise<void>;
}

export const CASE_HAND_OVERS = Symbol('CaseHandOvers');
