import type { MeetingType } from '../../domain/case-vocabulary.js';
import type { AgendaCandidate, DraftMeeting, MeetingKind } from './meeting-builder.js';
import type { PlannerCase, PlannerInput } from './planner.types.js';
import { generateSlots, type OfficeDay } from './slots.js';
import { CHAIR_RANKS } from '../constraints/meeting-rules.js';

/** Fill keys combine a primary criterion with urgency; urgency ranks stay far below this. */
const PRIMARY = 1e9;

const unique = (codes: readonly string[]): string[] => [...new Set(codes.map((c) => c.trim()).filter((c) => c.length > 0))];

/** Units a case brings to the invitation of its meeting type. */
export function unitsFor(type: MeetingType, c: PlannerCase): string[] {
  switch (type) {
    case 'supervision':
      return unique([c.routeHandledBy, c.routeCommittee]);
    case 'joint':
      return unique([...c.unitsInvolved, c.routeHandledBy, c.routeCommittee]);
    case 'special':
      return unique([...c.specialInvitees, c.routeHandledBy]);
  }
}

/** Cluster of a special-meeting case: its cluster key, or the case alone when it has none. */
export const clusterOf = (c: PlannerCase): string => c.clusterKey ?? `case:${c.id}`;

/** Cases per meeting of the type (0 when one case is longer than the meeting). */
export const meetingCapacity = (input: PlannerInput, type: MeetingType): number =>
  Math.floor(input.settings.meetingMinutes[type] / input.settings.minutesPerCase[type]);

export function meetingKind(input: PlannerInput, type: MeetingType, days: readonly OfficeDay[]): MeetingKind {
  const slots = generateSlots(input, input.settings.meetingMinutes[type], input.settings.slotStepMinutes, days);
  const base = { type, capacity: meetingCapacity(input, type), slots, chairRanks: CHAIR_RANKS[type] };
  switch (type) {
    case 'supervision':
      // Cases of leaders already at the table first (a leader in charge sits through fewer meetings), then urgency.
      return {
        ...base,
        compatible: () => true,
        fillKey: (d: DraftMeeting, c: AgendaCandidate) => (c.leadLeaderId && d.leaderIds.includes(c.leadLeaderId) ? 0 : PRIMARY) + c.urgency,
      };
    case 'joint':
      // Group by shared units: a case joins only a meeting already inviting one of its units; more shared units first.
      return {
        ...base,
        compatible: (d: DraftMeeting, c: AgendaCandidate) => d.units.length === 0 || c.units.some((u) => d.units.includes(u)),
        fillKey: (d: DraftMeeting, c: AgendaCandidate) => -c.units.filter((u) => d.units.includes(u)).length * PRIMARY + c.urgency,
      };
    case 'special':
      // One meeting per cluster (the group key); overflow opens a second meeting of the same cluster.
      return { ...base, compatible: () => true, fillKey: (_d: DraftMeeting, c: AgendaCandidate) => c.urgency };
  }
}
