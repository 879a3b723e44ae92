import type { Actor } from '../../domain/actor.js';
import type { ReceptionDay, ReceptionStatus } from './reception-day.entity.js';
import type { ReceptionFilter } from './reception-days.repository.js';

/** Who is looking: a signed-in actor, or the owner of a leader's calendar feed. */
type Viewer = Pick<Actor, 'role' | 'leaderId'>;

/** A leader sees his or her own reception days once they leave the planned stage (as for meetings). */
export const LEADER_VISIBLE_RECEPTION: readonly ReceptionStatus[] = ['confirmed', 'held', 'cancelled'];

/**
 * The one rule for who sees which reception day: admin, secretariat and auditor every one; a leader
 * only his or her own past the planned stage. Anything else answers like a missing one (404).
 */
export const ReceptionAccess = {
  listScope(viewer: Viewer, filter: ReceptionFilter & { status?: ReceptionStatus }): ReceptionFilter {
    const { status, ...rest } = filter;
    const statuses = status ? [status] : undefined;
    if (viewer.role !== 'leader') return { ...rest, statuses };
    const visible = LEADER_VISIBLE_RECEPTION.filter((s) => !statuses || statuses.includes(s));
    return { ...rest, leaderId: viewer.leaderId ?? 'none', statuses: visible };
  },

  visible(viewer: Viewer, day: ReceptionDay): boolean {
    if (viewer.role !== 'leader') return true;
    return viewer.leaderId !== null && day.leaderId === viewer.leaderId && LEADER_VISIBLE_RECEPTION.includes(day.status);
  },
};
