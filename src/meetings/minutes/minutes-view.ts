import type { MeetingAttendee } from '../meeting-attendee.entity.js';
import type { MinutesMailStatus, MinutesRecord, MinutesStatus } from './minutes.entity.js';

export interface MinutesAttendanceView {
  attendeeId: string;
  kind: MeetingAttendee['kind'];
  name: string;
  present: boolean;
  substituteName: string | null;
  substitutePost: string | null;
  /** The minutes mailed to him or her: null until sent is asked. */
  mailStatus: MinutesMailStatus | null;
  mailedAt: string | null;
}

export interface MinutesView {
  number: string | null;
  status: MinutesStatus;
  summary: string | null;
  requirements: string | null;
  undecidedCaseIds: string[];
  extraAttendees: { name: string; post: string | null }[];
  /** Every attendee invited; one not yet recorded counts as present. */
  attendance: MinutesAttendanceView[];
  issuedAt: string | null;
  issuedBy: string | null;
  version: number;
}

export function toMinutesView(record: MinutesRecord, attendees: readonly MeetingAttendee[]): MinutesView {
  const m = record;
  const byAttendee = new Map(record.attendance.map((a) => [a.attendeeId, a]));
  return {
    number: m.number,
    status: m.status,
    summary: m.summary,
    requirements: m.requirements,
    undecidedCaseIds: [...m.undecidedCaseIds],
    extraAttendees: m.extraAttendees.map((x) => ({ name: x.name, post: x.post })),
    attendance: attendees
      .filter((a) => a.active)
      .map((a) => {
        const r = byAttendee.get(a.id);
        return {
          attendeeId: a.id,
          kind: a.kind,
          name: a.name,
          present: r?.present ?? true,
          substituteName: r?.substituteName ?? null,
          substitutePost: r?.substitutePost ?? null,
          mailStatus: r?.mailStatus ?? null,
          mailedAt: r?.mailedAt?.toISOString() ?? null,
        };
      }),
    issuedAt: m.issuedAt?.toISOString() ?? null,
    issuedBy: m.issuedBy,
    version: m.version,
  };
}
