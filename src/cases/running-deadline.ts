import type { PetitionCase } from './case.entity.js';

/** Which deadline runs on a case, named for what it is: 受理期限, 答复期限 or 督办期限. */
export const DEADLINE_KINDS = ['accept', 'reply', 'supervision'] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export const DEADLINE_LABELS_ZH: Readonly<Record<DeadlineKind, string>> = { accept: '受理期限', reply: '答复期限', supervision: '督办期限' };
export const DEADLINE_LABELS_EN: Readonly<Record<DeadlineKind, string>> = { accept: 'acceptance due', reply: 'reply due', supervision: 'supervision due' };

export interface RunningDeadline {
  kind: DeadlineKind;
  dueAt: Date;
}

type DeadlineFacts = Pick<PetitionCase, 'status' | 'routeMode' | 'resupervisionCount' | 'acceptDueAt' | 'replyDueAt' | 'dueAt'>;

/**
 * The deadline running on a case now:
 * - registered: the acceptance deadline (受理期限);
 * - routed or in handling as a supervised item (督办件), or re-supervised (再督办): the supervision
 *   deadline the handling unit must answer by (督办期限);
 * - accepted, routed or in handling otherwise: the reply deadline (答复期限);
 * - rejected, replied, closed or withdrawn: none.
 */
export function runningDeadline(c: DeadlineFacts): RunningDeadline | null {
  switch (c.status) {
    case 'registered':
      return { kind: 'accept', dueAt: c.dueAt ?? c.acceptDueAt };
    case 'accepted':
    case 'routed':
    case 'in_handling': {
      const dueAt = c.dueAt ?? c.replyDueAt;
      if (!dueAt) return null;
      const supervised = c.status !== 'accepted' && (c.routeMode === 'supervised' || c.resupervisionCount > 0);
      return { kind: supervised ? 'supervision' : 'reply', dueAt };
    }
    default:
      return null;
  }
}
