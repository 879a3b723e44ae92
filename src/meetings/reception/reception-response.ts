import { ApiProperty } from '@nestjs/swagger';
import { GRADES, type Grade } from '../../domain/case-vocabulary.js';
import { RECEPTION_STATUSES, type ReceptionStatus } from './reception-day.entity.js';
import type { ReceptionPlanView } from './reception-planning.service.js';
import type { HalfDayName, ProposalReason } from './reception-rota.js';
import type { ProposedCaseView, ReceptionAction, ReceptionDayView } from './reception-view.js';

/** The OpenAPI description of the reception-day views; each class implements its view, so a field forgotten here fails the type check. */
export class ReceptionRoomResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReceivedCaseResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class ProposedCaseResponse implements ProposedCaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: GRADES, enumName: 'Grade' }) grade!: Grade;
  @ApiProperty() status!: string;
  @ApiProperty({ description: 'masked (张*) outside the secretariat' }) petitionerName!: string;
  @ApiProperty() repeatCount!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ enum: ['in-charge', 'repeat'], enumName: 'ReceptionProposalReason', nullable: true, description: 'in-charge: 包案领导 is this leader; repeat: 重复信访 in the leader’s field' })
  why!: ProposalReason | null;
}

export class ReceptionDayResponse implements ReceptionDayView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty() leaderName!: string;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) endAt!: string;
  @ApiProperty({ example: '2026-12-08', description: 'the day in the office time zone' }) localDate!: string;
  @ApiProperty({ enum: ['am', 'pm'], enumName: 'HalfDay' }) halfDay!: HalfDayName;
  @ApiProperty({ type: () => ReceptionRoomResponse, nullable: true }) room!: ReceptionRoomResponse | null;
  @ApiProperty({ description: 'the room is booked (at confirm)' }) roomBooked!: boolean;
  @ApiProperty({ enum: RECEPTION_STATUSES, enumName: 'ReceptionStatus' }) status!: ReceptionStatus;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: [String] }) proposedCaseIds!: string[];
  @ApiProperty({ type: () => [ProposedCaseResponse] }) proposedCases!: ProposedCaseResponse[];
  @ApiProperty({ type: () => [ReceivedCaseResponse] }) received!: ReceivedCaseResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) heldAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: ['edit', 'confirm', 'cancel', 'record-held'], enumName: 'ReceptionAction', isArray: true }) allowedActions!: ReceptionAction[];
}

export class ReceptionLeftoverResponse {
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty() leaderName!: string;
  @ApiProperty({ description: 'why the leader has no reception day this month (Chinese)' }) reason!: string;
}

export class ReceptionPlanResponse implements ReceptionPlanView {
  @ApiProperty({ example: '2026-12' }) month!: string;
  @ApiProperty({ type: () => [ReceptionDayResponse] }) days!: ReceptionDayResponse[];
  @ApiProperty({ type: [String], description: 'planned days of the month this plan replaced' }) replacedIds!: string[];
  @ApiProperty({ type: () => [ReceptionLeftoverResponse] }) unplaced!: ReceptionLeftoverResponse[];
  @ApiProperty({ type: [String] }) warnings!: string[];
}
