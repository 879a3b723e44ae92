import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { Deputy } from '../directory/deputy.entity.js';
import { assertKnownUnits, DirectoryService } from '../directory/directory.service.js';
import type { Leader } from '../directory/leader.entity.js';
import type { Unit } from '../directory/unit.entity.js';
import type { AgendaItem } from './agenda-item.entity.js';
import type { MeetingAttendee } from './meeting-attendee.entity.js';
import { MeetingErrors } from './meeting.errors.js';

/** A new attendee has not answered yet. */
const NO_REPLY = { partstat: 'NEEDS-ACTION', repliedAt: null, replyVia: null, substituteName: null, substitutePost: null, replyComment: null } as const;

export interface DirectorySnapshot {
  leaders: Leader[];
  units: Unit[];
  deputies: Deputy[];
}

/**
 * Who a meeting invites: its chair and every leader in charge of an agenda case (leaders), every unit
 * that reports or was named (units' representatives), and the deputies named.
 */
@Injectable()
export class AttendeeFactory {
  constructor(private readonly directory: DirectoryService) {}

  /** The directory as attendees are built from it; load once when building many meetings. */
  async snapshot(): Promise<DirectorySnapshot> {
    const [leaders, units, deputies] = await Promise.all([this.directory.listLeaders(), this.directory.listUnits(), this.directory.listDeputies()]);
    return { leaders, units, deputies };
  }

  async build(meetingId: string, chairId: string, agenda: AgendaItem[], unitCodes: string[], deputyIds: string[], directory?: DirectorySnapshot): Promise<MeetingAttendee[]> {
    const { leaders, units, deputies } = directory ?? (await this.snapshot());
    const codes = [...new Set([...agenda.map((i) => i.presenterUnit), ...unitCodes])];
    assertKnownUnits(units, codes);
    const leaderIds = [...new Set([chairId, ...agenda.map((i) => i.leadLeaderId).filter((id): id is string => id !== null)])];
    const row = (kind: MeetingAttendee['kind'], refId: string, name: string, email: string | null, role: MeetingAttendee['role']): MeetingAttendee => ({
      id: randomUUID(),
      meetingId,
      kind,
      refId,
      name,
      email,
      role,
      active: true,
      ...NO_REPLY,
    });
    const rows: MeetingAttendee[] = [];
    for (const id of leaderIds) {
      const l = leaders.find((x) => x.id === id);
      if (l) rows.push(row('leader', l.id, `${l.name}${l.title}`, l.email, id === chairId ? 'chair' : 'required'));
    }
    for (const code of codes) {
      const u = units.find((x) => x.code === code);
      if (u) rows.push(row('unit', u.code, u.name, u.email, 'required'));
    }
    for (const id of [...new Set(deputyIds)]) {
      const d = deputies.find((x) => x.id === id);
      if (!d) throw MeetingErrors.deputyNotFound();
      rows.push(row('deputy', d.id, `${d.name}代表`, d.email, 'optional'));
    }
    return rows;
  }
}
