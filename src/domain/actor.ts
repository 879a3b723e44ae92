/** The roles of the office's users. */
export const ROLES = ['admin', 'secretariat', 'leader', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: the signed-in user (as stored, re-read on every request), or the system. */
export interface Actor {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  leaderId: string | null;
  /** The signed-in session the request came with (absent for the system and seeding). */
  sessionId?: string;
}

/** The system itself (jobs, sweeps), for timeline events. */
export const SYSTEM_ACTOR: Actor = { id: 'system', username: 'system', displayName: '系统', role: 'admin', leaderId: null };

/** Secretariat and admin see petitioners' personal data in clear; everyone else sees it masked. */
export function seesPersonalData(actor: Actor): boolean {
  return actor.role === 'admin' || actor.role === 'secretariat';
}
