/**
 * The versions page of 规则管理: the state each version is in (as the API says it: status and active),
 * which versions a rollback may be asked on, the body of a new draft, and the activation history's words.
 * The API decides every refusal; these only choose what the page offers and how it reads.
 */

export interface RuleSetSummary {
  id: string;
  version: number;
  status: 'draft' | 'published' | 'archived';
  active: boolean;
  note: string;
  basedOn: number | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  publishedBy: string | null;
  publishedAt: string | null;
}

export interface RuleSetBody {
  note: string;
  precedence: string[];
  rules: unknown[];
}

export type VersionState = 'draft' | 'active' | 'archived';

export interface Regrade {
  status: 'queued' | 'running' | 'done' | 'failed';
  scanned: number;
  total: number;
  changed: number;
}

export interface Activation {
  id: string;
  ruleSetId: string;
  version: number;
  action: 'publish' | 'rollback';
  fromVersion: number | null;
  note: string;
  by: string;
  at: string;
  regrade: Regrade;
}

/** 草稿 / 生效中 / 已归档: a published set that is no longer in force reads as archived. */
export function versionState(set: Pick<RuleSetSummary, 'status' | 'active'>): VersionState {
  if (set.status === 'draft') return 'draft';
  return set.active ? 'active' : 'archived';
}

/** Newest version first. */
export function newestFirst<T extends { version: number }>(sets: readonly T[]): T[] {
  return [...sets].sort((a, b) => b.version - a.version);
}

/**
 * Rollback is offered on the set in force when an earlier version was published (it goes back to that
 * one), and on an earlier published set that is not in force (it comes back).
 */
export function canRollback(set: RuleSetSummary, all: readonly RuleSetSummary[]): boolean {
  if (set.status === 'draft' || !set.publishedAt) return false;
  if (!set.active) return true;
  return all.some((other) => other.id !== set.id && other.publishedAt !== null && other.version < set.version);
}

/** A new draft: a copy of the set in force, based on its version. */
export function draftFrom(active: RuleSetBody & { version: number }, note: string): RuleSetBody & { basedOn: number } {
  return { note, precedence: [...active.precedence], rules: structuredClone(active.rules), basedOn: active.version };
}

/** The two ticked versions as a comparison: the newer one is shown against the older one. */
export function comparison(picked: readonly RuleSetSummary[]): { id: string; against: string } | null {
  if (picked.length !== 2) return null;
  const [older, newer] = [...picked].sort((a, b) => a.version - b.version);
  return { id: newer.id, against: older.id };
}

/** Re-grade progress in percent (0 when nothing was counted yet, 100 when done). */
export function regradePercent(regrade: Regrade): number {
  if (regrade.status === 'done') return 100;
  if (regrade.total <= 0) return 0;
  return Math.min(100, Math.round((regrade.scanned / regrade.total) * 100));
}

/** Whether any re-grade is still to finish (the page then asks again). */
export function regradeRunning(activations: readonly Activation[]): boolean {
  return activations.some((a) => a.regrade.status === 'queued' || a.regrade.status === 'running');
}
