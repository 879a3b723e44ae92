/** The roles of the office's users. `unit`: a handling unit's account (承办单位), linked to one unit. */
export const ROLES = ['admin', 'secretariat', 'leader', 'auditor', 'unit'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the signed-in user (as stored, re-read on every request), or the system. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  leaderId: string | null;
  /** For role `unit`: the unit the account belongs to (its id and code, e.g. 'GOV'); null for every other role. */
  unitId: string | null;
  unitCode: string | null;
  /** The signed-in session the request came with (absent for the system and seeding). */
  sessionId?: string;
}

/** The system itself (jobs, sweeps), for timeline events. */
export const SYSTEM_ACTOR: Actor = { id: 'system', username: 'system', displayName: '系统', role: 'admin', leaderId: null, unitId: null, unitCode: null };

/** Secretariat and admin see petitioners' personal data in clear; everyone else sees it masked. */
export function seesPersonalData(actor: Pick<Actor, 'role'>): boolean {
  return actor.role === 'admin' || actor.role === 'secretariat';
}
