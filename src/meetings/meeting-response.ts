import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CATEGORIES, GRADES, MEETING_TYPES, type Category, type Grade, type MeetingType } from '../domain/case-vocabulary.js';
import { ATTENDEE_KINDS, type AttendeeKind } from './meeting-attendee.entity.js';
import { MEETING_STATUSES, type MeetingStatus } from './meeting.entity.js';
import { MEETING_ACTIONS, type MeetingAction } from './meeting-allowed-actions.js';
import type { PlanUnmetView, PlanUnscheduledView, PlanView } from './meeting-planning.service.js';
import type { MeetingAgendaItemView, MeetingAttendeeView, MeetingOutcomeView, MeetingView } from './meeting-view.js';
import { PARTSTATS, REPLY_VIAS, type Partstat, type ReplyVia } from './replies/reply-state.js';
import { ReplySubstituteResponse, ReplyWarningResponse } from './replies/reply-response.js';
import { MinutesResponse } from './minutes/minutes-response.js';

/**
 * The OpenAPI description of the meeting views (the console's generated client reads it). Each class
 * implements its view interface, so a field added to a view and forgotten here fails the type check.
 */
export class MeetingAttendeeResponse implements MeetingAttendeeView {
  @ApiProperty({ enum: ATTENDEE_KINDS, enumName: 'AttendeeKind' }) kind!: AttendeeKind;
  @ApiProperty({ description: 'leader or deputy id, or unit code' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty({ enum: ['chair', 'required', 'optional'], enumName: 'AttendeeRole', description: 'chair (主持), required (leaders in charge, units) or optional' })
  role!: MeetingAttendeeView['role'];
  @ApiProperty({ format: 'uuid', description: 'the attendee row (what a reply names)' }) attendeeId!: string;
  @ApiProperty({ enum: PARTSTATS, enumName: 'Partstat', description: 'the reply (回执), iCalendar PARTSTAT' }) partstat!: Partstat;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repliedAt!: string | null;
  @ApiProperty({ enum: REPLY_VIAS, enumName: 'ReplyVia', nullable: true }) replyVia!: ReplyVia | null;
  @ApiProperty({ type: () => ReplySubstituteResponse, nullable: true, description: '派员参加: who comes instead' }) substitute!: ReplySubstituteResponse | null;
  @ApiProperty({ type: String, nullable: true, description: 'remark with the reply (secretariat and admins only)' }) replyComment!: string | null;
}

export class MeetingAgendaItemResponse implements MeetingAgendaItemView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 'XF-2026-000123' }) caseCode!: string;
  @ApiProperty({ type: String, nullable: true }) subject!: string | null;
  @ApiProperty({ enum: GRADES, enumName: 'Grade', nullable: true }) grade!: Grade | null;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category', nullable: true }) category!: Category | null;
  @ApiProperty({ type: String, nullable: true }) region!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the leader in charge (包案领导)' }) leadLeaderId!: string | null;
  @ApiProperty({ type: String, nullable: true }) leadLeaderName!: string | null;
  @ApiProperty({ description: 'unit code of the unit that reports' }) presenterUnit!: string;
  @ApiProperty() minutes!: number;
}

export class MeetingOutcomeResponse implements MeetingOutcomeView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() decision!: string;
  @ApiProperty({ type: String, nullable: true }) requirements!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class MeetingViewResponse implements MeetingView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: MEETING_TYPES, enumName: 'MeetingType' }) type!: MeetingType;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) endAt!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ format: 'uuid' }) chairId!: string;
  @ApiProperty({ type: String, nullable: true }) chairName!: string | null;
  @ApiProperty({ type: () => MeetingAttendeeResponse, isArray: true }) attendees!: MeetingAttendeeResponse[];
  @ApiProperty({ type: () => MeetingAgendaItemResponse, isArray: true }) agenda!: MeetingAgendaItemResponse[];
  @ApiProperty({ type: () => MeetingOutcomeResponse, isArray: true }) outcomes!: MeetingOutcomeResponse[];
  @ApiProperty({ enum: MEETING_STATUSES, enumName: 'MeetingStatus' }) status!: MeetingStatus;
  @ApiProperty({ description: 'iCalendar SEQUENCE: raised on every change of a confirmed meeting' }) sequence!: number;
  @ApiProperty({ description: 'iCalendar UID' }) uid!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the plan that proposed it' }) planId!: string | null;
  @ApiProperty({ description: 'optimistic lock' }) version!: number;
  @ApiProperty({ type: () => MeetingRoomResponse, nullable: true, description: 'the room booked (会议室); null: the location text only' }) room!: MeetingRoomResponse | null;
  @ApiProperty({ description: 'a draft made or edited by hand: later plans keep it unless replaceEdited' }) handEdited!: boolean;
  @ApiPropertyOptional({ type: () => MeetingWarningResponse, isArray: true, description: 'soft constraints left unmet (unit-overlap), with the answer of PATCH and confirm only' })
  warnings?: MeetingWarningResponse[];
  @ApiProperty({ type: () => ReplyWarningResponse, isArray: true, description: 'the chair or a leader in charge declined (secretariat and admins only)' })
  replyWarnings!: ReplyWarningResponse[];
  @ApiProperty({ enum: MEETING_ACTIONS, enumName: 'MeetingAction', isArray: true, description: 'what the viewer may do now; the console shows a button for each and nothing else' })
  allowedActions!: MeetingAction[];
  @ApiProperty({ type: () => MinutesResponse, nullable: true, description: 'the minutes (会议纪要) and who attended; null before any (a leader: until issued)' })
  minutes!: MinutesResponse | null;
}

export class PlanWindowResponse {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

export class PlanAssignmentResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty({ description: 'true when the leader was already in charge' }) kept!: boolean;
}

export class PlanUnscheduledResponse implements PlanUnscheduledView {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseCode!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: GRADES, enumName: 'Grade' }) grade!: Grade;
  @ApiProperty({ description: 'machine code, e.g. NO_ELIGIBLE_LEADER, NO_FREE_SLOT, LEADERS_AT_CAPACITY, TYPE_NOT_REQUESTED' }) code!: string;
  @ApiProperty({ description: 'why it could not be placed, in words (Chinese)' }) reason!: string;
}

export class PlanUnmetResponse implements PlanUnmetView {
  @ApiProperty({ description: 'before-deadline, portfolio-match, region-match, one-meeting-per-cluster' }) constraint!: string;
  @ApiPropertyOptional({ format: 'uuid' }) caseId?: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the proposed meeting whose agenda holds the case' }) meetingId!: string | null;
  @ApiProperty({ description: 'the constraint left unmet, in words (Chinese)' }) message!: string;
}

export class PlanFairnessResponse {
  @ApiProperty({ example: 'sum-of-squared-loads' }) measure!: string;
  @ApiProperty() value!: number;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' }, description: 'leader id → cases in charge' }) loads!: Record<string, number>;
}

export class MeetingRoomResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '常委会第三会议室' }) name!: string;
  @ApiProperty({ example: 40 }) capacity!: number;
  @ApiProperty({ type: String, isArray: true, example: ['投影仪'] }) equipment!: string[];
}

export class MeetingWarningResponse {
  @ApiProperty({ example: 'unit-overlap' }) constraint!: string;
  @ApiProperty({ description: 'in words (Chinese): the unit, both meetings and their times' }) message!: string;
}

export class PlanDraftRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: MEETING_TYPES, enumName: 'MeetingType' }) type!: MeetingType;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
}

export class MeetingPlanResponse implements PlanView {
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty({ type: () => PlanDraftRefResponse, isArray: true, description: 'drafts of earlier plans (types asked for, starting in the window) this plan replaced (deleted)' })
  replaced!: PlanDraftRefResponse[];
  @ApiProperty({ type: () => PlanDraftRefResponse, isArray: true, description: 'drafts of those types and window edited by hand: kept, their leaders and rooms stay taken (replaceEdited: true replaces them)' })
  keptEdited!: PlanDraftRefResponse[];
  @ApiProperty({ type: () => PlanWindowResponse }) window!: PlanWindowResponse;
  @ApiProperty({ type: () => MeetingViewResponse, isArray: true, description: 'the proposed meetings, stored as drafts' }) meetings!: MeetingViewResponse[];
  @ApiProperty({ type: () => PlanAssignmentResponse, isArray: true }) assignments!: PlanAssignmentResponse[];
  @ApiProperty({ type: () => PlanUnscheduledResponse, isArray: true }) unscheduled!: PlanUnscheduledResponse[];
  @ApiProperty({ description: 'weighted sum of soft-constraint penalties; lower is better' }) score!: number;
  @ApiProperty({ type: () => PlanUnmetResponse, isArray: true }) unmet!: PlanUnmetResponse[];
  @ApiProperty({ type: String, isArray: true, description: 'warnings in words (Chinese)' }) warnings!: string[];
  @ApiProperty({ type: () => PlanFairnessResponse }) fairness!: PlanFairnessResponse;
}
