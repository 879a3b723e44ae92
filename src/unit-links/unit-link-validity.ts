import { UnitLinkErrors } from './unit-links.errors.js';

const DAY_MS = 86_400_000;

/** A link lasts this many days past the case's running deadline by default, and never less from its issue. */
export const DEFAULT_UNIT_LINK_DAYS = 30;

/**
 * Until when a link issued `now` works: the case's running deadline (签收/答复/督办期限) plus `days`, and at
 * least `days` from now (a case already late still gets a month to answer).
 */
export function unitLinkExpiry(now: Date, runningDeadline: Date | null, days: number = DEFAULT_UNIT_LINK_DAYS): Date {
  const fromNow = now.getTime() + days * DAY_MS;
  const fromDeadline = runningDeadline ? runningDeadline.getTime() + days * DAY_MS : 0;
  return new Date(Math.max(fromNow, fromDeadline));
}

export interface LinkState {
  unitCode: string;
  expiresAt: Date;
  revokedAt: Date | null;
}

/**
 * Whether a stored link still opens its case now: not revoked (410 REVOKED), not expired (410 EXPIRED),
 * and the case still handled by the link's unit (410 HANDED_OVER: transferred elsewhere since).
 * Revocation is told first: it is the office's decision, the one the unit should hear about.
 */
export function assertLinkUsable(link: LinkState, handlingUnit: string | null, now: Date): void {
  if (link.revokedAt) throw UnitLinkErrors.revoked();
  if (link.expiresAt.getTime() <= now.getTime()) throw UnitLinkErrors.expired();
  if (handlingUnit !== link.unitCode) throw UnitLinkErrors.handedOver();
}
