import { DEADLINE_KINDS, type DeadlineKind } from '../cases/running-deadline.js';
import { ApiProperty } from '@nestjs/swagger';
import { CASE_STATUSES, CATEGORIES, GRADES, HANDLING_MODES, MEETING_TYPES, type CaseStatus, type Category, type Grade, type HandlingMode, type MeetingType } from '../domain/case-vocabulary.js';
import { ATTENDEE_KINDS } from '../meetings/meeting-attendee.entity.js';
import type { BriefAgendaLine, BriefCase, BriefMeeting, InviteBrief } from './brief.types.js';
import type { DeliveryView } from './calendar.service.js';
import type { FeedLink } from './feed.service.js';
import { DELIVERY_STATUSES, type DeliveryStatus } from './invite-delivery.entity.js';
import type { BriefLocale } from './labels.js';

/**
 * The OpenAPI description of the calendar's JSON answers (the console's generated client reads it).
 * Each class implements the view it describes, so drift fails the type check.
 */
export class BriefMeetingResponse implements BriefMeeting {
  @ApiProperty({ description: 'iCalendar UID' }) uid!: string;
  @ApiProperty() sequence!: number;
  @ApiProperty({ enum: MEETING_TYPES, enumName: 'MeetingType' }) type!: MeetingType;
  @ApiProperty({ example: '督办会' }) typeLabel!: string;
  @ApiProperty() title!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ type: String, nullable: true, description: "the meeting's page in the console" }) url!: string | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) endAt!: string;
  @ApiProperty({ format: 'date', description: 'local date of the start' }) date!: string;
  @ApiProperty({ example: '周二' }) weekdayLabel!: string;
  @ApiProperty({ example: '09:00' }) startTime!: string;
  @ApiProperty({ example: '11:00' }) endTime!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'local date of the end when it differs from the start' }) endDate!: string | null;
}

export class BriefPersonResponse {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
}

export class BriefAgendaLineResponse implements BriefAgendaLine {
  @ApiProperty() index!: number;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseCode!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() region!: string;
  @ApiProperty() headcount!: number;
  @ApiProperty({ description: 'headcount at or above the group-petition threshold (集体访)' }) groupPetition!: boolean;
  @ApiProperty({ type: () => BriefPersonResponse, nullable: true, description: 'the leader in charge (包案领导)' }) leadLeader!: BriefPersonResponse | null;
  @ApiProperty() presenterUnitName!: string;
  @ApiProperty() minutes!: number;
}

export class BriefProgressResponse {
  @ApiProperty({ example: '11-27', description: 'local MM-DD' }) date!: string;
  @ApiProperty({ example: '受理' }) label!: string;
}

export class BriefCaseResponse implements BriefCase {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseCode!: string;
  @ApiProperty({ enum: GRADES, enumName: 'Grade' }) grade!: Grade;
  @ApiProperty() gradeLabel!: string;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category!: Category;
  @ApiProperty() categoryLabel!: string;
  @ApiProperty({ enum: HANDLING_MODES, enumName: 'HandlingMode' }) mode!: HandlingMode;
  @ApiProperty() modeLabel!: string;
  @ApiProperty() handlingUnitName!: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) status!: CaseStatus;
  @ApiProperty() statusLabel!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ example: '张*' }) petitionerMasked!: string;
  @ApiProperty() headcount!: number;
  @ApiProperty({ enum: DEADLINE_KINDS, enumName: 'DeadlineKind', nullable: true, description: 'the deadline running: accept (受理期限), reply (答复期限), supervision (督办期限); null: none' })
  deadlineKind!: DeadlineKind | null;
  @ApiProperty({ type: String, nullable: true, example: '受理期限', description: 'its name in the brief’s language' }) deadlineLabel!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: 'local date of the deadline running' }) dueDate!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'whole days from the meeting day to the due date; negative when overdue' }) daysLeft!: number | null;
  @ApiProperty() extensionUsed!: boolean;
  @ApiProperty({ type: () => BriefProgressResponse, isArray: true, description: 'recent timeline events, oldest first' }) progress!: BriefProgressResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'the last meeting requirement' }) lastRequirements!: string | null;
}

/** `GET /meetings/:id/brief`: the invite's description as data, for the meeting page. */
export class InviteBriefResponse implements InviteBrief {
  @ApiProperty({ enum: ['zh', 'en'], enumName: 'BriefLocale' }) locale!: BriefLocale;
  @ApiProperty() cancelled!: boolean;
  @ApiProperty({ type: String, nullable: true }) cancelReason!: string | null;
  @ApiProperty({ type: () => BriefMeetingResponse }) meeting!: BriefMeetingResponse;
  @ApiProperty({ type: () => BriefPersonResponse }) chair!: BriefPersonResponse;
  @ApiProperty({ type: String, isArray: true, description: 'leaders attending besides the chair (出席)' }) leaders!: string[];
  @ApiProperty({ type: String, isArray: true, description: 'units sitting in (列席)' }) units!: string[];
  @ApiProperty({ type: String, isArray: true, description: 'invited deputies (特邀代表)' }) deputies!: string[];
  @ApiProperty({ type: () => BriefAgendaLineResponse, isArray: true }) agenda!: BriefAgendaLineResponse[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'the leader the brief was composed for' }) forLeaderId!: string | null;
  @ApiProperty({ type: () => BriefCaseResponse, isArray: true, description: 'the agenda cases that leader is in charge of (您包案的事项)' }) myCases!: BriefCaseResponse[];
}

export class DeliveryAttendeeResponse {
  @ApiProperty({ enum: ATTENDEE_KINDS, enumName: 'AttendeeKind' }) kind!: string;
  @ApiProperty({ description: 'leader or deputy id, or unit code' }) id!: string;
  @ApiProperty() name!: string;
}

/** `GET /meetings/:id/deliveries`: one invite (or cancellation) for one attendee at one sequence. */
export class InviteDeliveryResponse implements DeliveryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: () => DeliveryAttendeeResponse }) attendee!: DeliveryAttendeeResponse;
  @ApiProperty({ type: String, nullable: true }) email!: string | null;
  @ApiProperty() sequence!: number;
  @ApiProperty({ enum: ['REQUEST', 'CANCEL'], enumName: 'InviteMethod' }) method!: 'REQUEST' | 'CANCEL';
  @ApiProperty({ enum: DELIVERY_STATUSES, enumName: 'DeliveryStatus' }) status!: DeliveryStatus;
  @ApiProperty() attempts!: number;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt!: string | null;
}

/** `POST /leaders/:id/feed-token`: the new subscription address; shown once (only its hash is stored). */
export class FeedLinkResponse implements FeedLink {
  @ApiProperty({ description: 'the secret in the address' }) token!: string;
  @ApiProperty({ example: 'https://xinfang.example.cn/calendar/feeds/….ics' }) url!: string;
  @ApiProperty({ example: 'webcal://xinfang.example.cn/calendar/feeds/….ics', description: 'the same address for calendar apps (webcal://)' }) webcalUrl!: string;
}
