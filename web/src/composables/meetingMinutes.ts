import type { components } from '@/api/schema';

type Meeting = components['schemas']['MeetingViewResponse'];
type DraftBody = components['schemas']['MinutesDraftDto'];

/** One attendance row of the minutes form (出席情况): present, or who came instead. */
export interface AttendanceRow {
  attendeeId: string;
  name: string;
  kind: Meeting['attendees'][number]['kind'];
  present: boolean;
  substituteName: string;
  substitutePost: string;
}

export interface MinutesForm {
  summary: string;
  requirements: string;
  attendance: AttendanceRow[];
  /** Agenda cases the meeting left undecided (未作决定). */
  undecidedCaseIds: string[];
}

/**
 * The form from the minutes the API holds, or, before the first draft, from the invited attendees: present
 * by default; someone who replied 派员参加 starts as absent with the substitute named in the reply.
 */
export function minutesForm(meeting: Pick<Meeting, 'attendees' | 'minutes'>): MinutesForm {
  const minutes = meeting.minutes;
  if (minutes) {
    return {
      summary: minutes.summary ?? '',
      requirements: minutes.requirements ?? '',
      undecidedCaseIds: [...minutes.undecidedCaseIds],
      attendance: minutes.attendance.map((a) => ({
        attendeeId: a.attendeeId,
        name: a.name,
        kind: a.kind,
        present: a.present,
        substituteName: a.substituteName ?? '',
        substitutePost: a.substitutePost ?? '',
      })),
    };
  }
  return {
    summary: '',
    requirements: '',
    undecidedCaseIds: [],
    attendance: meeting.attendees.map((a) => {
      const delegated = a.partstat === 'DELEGATED' && a.substitute !== null;
      return {
        attendeeId: a.attendeeId,
        name: a.name,
        kind: a.kind,
        present: !delegated,
        substituteName: delegated ? (a.substitute?.name ?? '') : '',
        substitutePost: delegated ? (a.substitute?.post ?? '') : '',
      };
    }),
  };
}

/** `PUT /meetings/:id/minutes`: every attendance row, text trimmed (empty text sent as null), the version read. */
export function minutesDraftBody(form: MinutesForm, version: number | null): DraftBody {
  const text = (value: string): string | null => (value.trim() ? value.trim() : null);
  const body: DraftBody = {
    summary: text(form.summary),
    requirements: text(form.requirements),
    attendance: form.attendance.map((row) => ({
      attendeeId: row.attendeeId,
      present: row.present,
      substituteName: row.present ? null : text(row.substituteName),
      substitutePost: row.present ? null : text(row.substitutePost),
    })),
    undecidedCaseIds: [...form.undecidedCaseIds],
  };
  if (version !== null) body.version = version;
  return body;
}

/** A file name for the minutes: the number when issued, else the title; no path characters. */
export function minutesFileName(meeting: Pick<Meeting, 'title' | 'minutes'>): string {
  const name = meeting.minutes?.number ? `${meeting.minutes.number}-${meeting.title}` : meeting.title;
  return `${name}-会议纪要.docx`.replace(/[\\/:*?"<>|\s]+/g, '_');
}
