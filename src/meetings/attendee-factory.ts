import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { notFound } from '../common/errors.js';
import { DirectoryService } from '../directory/directory.service.js';
import type { AgendaItem } from './agenda-item.entity.js';
import type { MeetingAttendee } from './meeting-attendee.entity.js';

/**
 * Who a meeting invites: its chair and every leader in charge of an agenda case (leaders), every unit
 * that reports or was named (units' representatives), and the deputies named.
 */
@Injectable()
export class AttendeeFactory {
  constructor(private readonly directory: DirectoryService) {}

  async build(meetingId: string, chairId: string, agenda: AgendaItem[], unitCodes: string[], deputyIds: string[]): Promise<MeetingAttendee[]> {
    const [leaders, units, deputies] = await Promise.all([this.directory.listLeaders(), this.directory.listUnits(), this.directory.listDeputies()]);
    const codes = [...new Set([...agenda.map((i) => i.presenterUnit), ...unitCodes])];
    await this.directory.assertUnitCodes(codes);
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
      if (!d) throw notFound('DEPUTY_NOT_FOUND', { zh: '找不到该代表。', en: 'No such deputy.' });
      rows.push(row('deputy', d.id, `${d.name}代表`, d.email, 'optional'));
    }
    return rows;
  }
}
