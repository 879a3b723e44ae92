import type { Role } from '../domain/actor.js';
import { MeetingErrors } from './meeting.errors.js';
import type { MeetingStatus } from './meeting.entity.js';
import type { MeetingAggregate, MeetingFilter } from './meeting-aggregate.js';

/** Who is looking: a signed-in actor, or the owner of a leader's calendar feed. */
export interface MeetingViewer {
  role: Role;
  leaderId: string | null;
}

/** A leader sees the meetings he or she attends once they leave the draft stage. */
export const LEADER_VISIBLE_STATUSES: readonly MeetingStatus[] = ['confirmed', 'held', 'cancelled'];

/**
 * Statuses in which a leader attending sees the whole agenda. The cases module grants the same
 * (a leader reads the cases on confirmed or held meetings he attends: `CaseRepository`), so no
 * meeting view names a case its reader cannot open.
 */
export const AGENDA_SHARED_STATUSES: readonly MeetingStatus[] = ['confirmed', 'held'];

const isLeader = (viewer: MeetingViewer): boolean => viewer.role === 'leader';

const attends = (viewer: MeetingViewer, a: MeetingAggregate): boolean =>
  viewer.leaderId !== null && a.attendees.some((x) => x.kind === 'leader' && x.refId === viewer.leaderId && x.active);

/**
 * The one rule for who sees which meeting, applied by every meeting and calendar route (list,
 * detail, brief, invite.ics, deliveries, feeds):
 * - admin, secretariat and auditor see every meeting (role guards decide what they may change);
 * - a leader sees only meetings he or she attends (as an active attendee) that are confirmed, held or
 *   cancelled. Drafts are the secretariat's working papers: a draft, like a meeting that is not his,
 *   answers exactly like a missing one;
 * - within a visible meeting a leader sees the whole agenda of a confirmed or held meeting; of a
 *   cancelled one only the items in his or her charge (and their outcomes); the minutes once issued.
 */
export const MeetingAccess = {
  /** The list filter narrowed to what the viewer may see (a leader: own meetings past the draft stage). */
  listScope(viewer: MeetingViewer, filter: MeetingFilter): MeetingFilter {
    if (!isLeader(viewer)) return filter;
    const statuses = filter.status ? LEADER_VISIBLE_STATUSES.filter((s) => s === filter.status) : [...LEADER_VISIBLE_STATUSES];
    return { ...filter, status: undefined, statuses, leaderId: viewer.leaderId ?? 'none' };
  },

  /** The meeting as the viewer sees it, or null when it must answer like a missing one. */
  visible(viewer: MeetingViewer, found: MeetingAggregate): MeetingAggregate | null {
    if (!isLeader(viewer)) return found;
    if (!LEADER_VISIBLE_STATUSES.includes(found.meeting.status) || !attends(viewer, found)) return null;
    // Draft minutes are the secretariat's working paper too: a leader sees them once issued.
    const a = found.minutes && found.minutes.status !== 'issued' ? { ...found, minutes: null } : found;
    if (AGENDA_SHARED_STATUSES.includes(a.meeting.status)) return a;
    const agenda = a.agenda.filter((i) => i.leadLeaderId === viewer.leaderId);
    const shown = new Set(agenda.map((i) => i.caseId));
    return { ...a, agenda, outcomes: a.outcomes.filter((o) => shown.has(o.caseId)) };
  },

  /**
   * Whose invite or brief the viewer asks for: a leader his or her own (the default), anyone else
   * any attendee's, or the meeting's own without an attendee.
   */
  inviteRecipient(viewer: MeetingViewer, attendeeId: string | undefined): string | undefined {
    if (!isLeader(viewer)) return attendeeId;
    const wanted = attendeeId ?? viewer.leaderId ?? undefined;
    if (wanted !== viewer.leaderId) throw MeetingErrors.notOwnInvite();
    return wanted;
  },

  /** Who may issue (and so revoke) a leader's calendar feed: that leader, the secretariat, the admin. */
  mayIssueFeed(viewer: MeetingViewer, leaderId: string): boolean {
    return (isLeader(viewer) && viewer.leaderId === leaderId) || viewer.role === 'admin' || viewer.role === 'secretariat';
  },
};
