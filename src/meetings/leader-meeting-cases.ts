import { Injectable } from '@nestjs/common';
import type { LeaderMeetingCases } from '../cases/leader-meeting-cases.port.js';
import { MeetingsRepository } from './meetings.repository.js';

/**
 * The meetings module's side of the cases module's `LeaderMeetingCases` port: attending a confirmed or
 * held meeting lets a leader read the cases on its agenda (the same statuses `MeetingAccess` shares the
 * agenda in, so no meeting view names a case its reader cannot open).
 */
@Injectable()
export class MeetingCasesOfLeaders implements LeaderMeetingCases {
  constructor(private readonly repo: MeetingsRepository) {}

  attends(caseId: string, leaderId: string): Promise<boolean> {
    return this.repo.onAgendaAttendedBy(caseId, leaderId);
  }

  caseIds(leaderId: string): Promise<string[]> {
    return this.repo.agendaCasesAttendedBy(leaderId);
  }
}
