import { ApiProperty } from '@nestjs/swagger';
import type { Page } from '../../common/http/pagination.js';
import {
  CASE_STATUSES,
  CATEGORIES,
  CHANNELS,
  FEEDBACK_VALUES,
  GRADES,
  MEETING_TYPES,
  type CaseStatus,
  type Category,
  type Channel,
  type Feedback,
  type Grade,
  type MeetingType,
} from '../../domain/case-vocabulary.js';
import { EvaluationResponse, RouteResponse } from '../../rules/dto/evaluation.response.js';
import type { CaseView, DeadlinesView, ExtensionRequestView, PetitionerView, ReportingDeputyView, TimelineEventView } from '../case-view.js';
import { CASE_ACTIONS, type CaseAction } from '../lifecycle.js';

/** The response schemas of the case views (case-view.ts); `implements` keeps them in step with the views. */

export class PetitionerViewResponse implements PetitionerView {
  @ApiProperty({ example: '张三', description: 'masked (张*) for roles that do not see personal data' }) name!: string;
  @ApiProperty({ type: String, nullable: true }) idNumber!: string | null;
  @ApiProperty({ type: String, nullable: true }) phone!: string | null;
  @ApiProperty({ type: String, nullable: true }) address!: string | null;
  @ApiProperty({ type: String, nullable: true }) organisation!: string | null;
  @ApiProperty({ description: 'true when the fields above are masked for this actor' }) masked!: boolean;
}

export class DeadlinesViewResponse implements DeadlinesView {
  @ApiProperty({ format: 'date-time' }) acceptDueAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) replyDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'the deadline running now (acceptance, then reply); null once replied or closed' })
  dueAt!: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'working days left (negative when overdue)' }) daysLeft!: number | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ description: 'due within 3 working days' }) dueSoon!: boolean;
  @ApiProperty() extensionUsed!: boolean;
  @ApiProperty({ description: 'a supervised item: the reply needs a written report' }) reportRequired!: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '签收期限: the handling unit signs by then (signDays working days after routing)' }) signDueAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: '签收: when the unit signed' }) signedAt!: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) signedOnTime!: boolean | null;
  @ApiProperty({ description: '签收超期: routed, not signed, the sign deadline passed' }) signOverdue!: boolean;
}

export class ExtensionRequestResponse implements ExtensionRequestView {
  @ApiProperty({ format: 'date-time' }) requestedAt!: string;
  @ApiProperty({ description: 'days asked for (1 to 30)' }) days!: number;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
}

export class TimelineActorResponse {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '张秘书' }) name!: string;
  @ApiProperty({ example: 'secretariat' }) role!: string;
}

export class TimelineEventViewResponse implements TimelineEventView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ example: 'accept', description: 'a case action or register, convert, meeting-outcome, regrade' }) action!: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus', nullable: true }) fromStatus!: CaseStatus | null;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) toStatus!: CaseStatus;
  @ApiProperty({ type: () => TimelineActorResponse }) actor!: TimelineActorResponse;
  @ApiProperty({ type: String, nullable: true }) reason!: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "the action's details (never the petitioner's personal data)" })
  data!: Record<string, unknown>;
}

export class ReportingDeputyResponse implements ReportingDeputyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: '黄律' }) name!: string;
  @ApiProperty({ example: '茅箭区人大代表之家' }) station!: string;
}

export class CaseViewResponse implements CaseView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'XF-2026-000123' }) code!: string;
  @ApiProperty({ enum: CHANNELS, enumName: 'Channel' }) channel!: Channel;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) status!: CaseStatus;
  @ApiProperty({ enum: GRADES, enumName: 'Grade' }) grade!: Grade;
  @ApiProperty({ type: () => PetitionerViewResponse }) petitioner!: PetitionerViewResponse;
  @ApiProperty() headcount!: number;
  @ApiProperty() subject!: string;
  @ApiProperty() content!: string;
  @ApiProperty({ enum: CATEGORIES, enumName: 'Category' }) category!: Category;
  @ApiProperty() region!: string;
  @ApiProperty({ type: [String] }) unitsInvolved!: string[];
  @ApiProperty() deputyReported!: boolean;
  @ApiProperty({ type: () => ReportingDeputyResponse, nullable: true, description: 'the deputy who reported the case; secretariat and admins only (null for others)' })
  reportedByDeputy!: ReportingDeputyResponse | null;
  @ApiProperty() important!: boolean;
  @ApiProperty() provincialReferral!: boolean;
  @ApiProperty() leaderInstructed!: boolean;
  @ApiProperty({ type: [String] }) relatedCaseIds!: string[];
  @ApiProperty() repeatCount!: number;
  @ApiProperty() similarOpenCases!: number;
  @ApiProperty({ type: () => RouteResponse }) route!: RouteResponse;
  @ApiProperty({ enum: MEETING_TYPES, enumName: 'MeetingType', nullable: true }) meetingType!: MeetingType | null;
  @ApiProperty({ type: [String] }) flags!: string[];
  @ApiProperty({ type: () => DeadlinesViewResponse }) deadlines!: DeadlinesViewResponse;
  @ApiProperty({ enum: FEEDBACK_VALUES, enumName: 'Feedback', nullable: true }) feedback!: Feedback | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repliedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) leadLeaderId!: string | null;
  @ApiProperty() resupervisionCount!: number;
  @ApiProperty({ type: () => ExtensionRequestResponse, nullable: true, description: "the handling unit's extension request waiting for the secretariat (申请延期)" })
  extensionRequest!: ExtensionRequestResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'when the handling unit asked the question the office has not answered yet (提问待答复)' })
  openQuestionAt!: string | null;
  @ApiProperty({ type: () => EvaluationResponse }) evaluation!: EvaluationResponse;
  @ApiProperty({
    enum: CASE_ACTIONS,
    enumName: 'CaseAction',
    isArray: true,
    description: "the actions this actor may request on this case now (POST /cases/{id}/actions); empty for leaders and auditors; a unit's own steps on its cases",
  })
  allowedActions!: CaseAction[];
  @ApiProperty({ description: 'whether this actor may convert the case (POST /cases/{id}/conversions)' }) canConvert!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ type: () => TimelineEventViewResponse, isArray: true, required: false, description: 'GET /cases/{id} and the actions only' })
  timeline?: TimelineEventViewResponse[];
}

/** A page of the ledger (`GET /cases`). */
export class CasePageResponse implements Page<CaseView> {
  @ApiProperty({ type: () => CaseViewResponse, isArray: true }) items!: CaseViewResponse[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}
