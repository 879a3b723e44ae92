import { ApiProperty } from '@nestjs/swagger';
import { MEETING_TYPES, type MeetingType } from '../../domain/case-vocabulary.js';
import { ATTENDEE_KINDS, type AttendeeKind } from '../meeting-attendee.entity.js';
import { MEETING_STATUSES, type MeetingStatus } from '../meeting.entity.js';
import type { AlternativesView, SlotAlternative, SubstituteLeader } from './alternatives.js';
import type { ReplyPageView } from './meeting-replies.service.js';
import { PARTSTATS, type Partstat } from './reply-state.js';
import type { ReplyWarning } from './reply-warnings.js';

/** OpenAPI description of the replies' answers (the console's generated client reads it). */
export class ReplySubstituteResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) post!: string | null;
}

export class ReplyWarningResponse implements ReplyWarning {
  @ApiProperty({ enum: ['LEAD_DECLINED', 'CHAIR_DECLINED'], enumName: 'ReplyWarningCode' }) code!: ReplyWarning['code'];
  @ApiProperty({ format: 'uuid' }) attendeeId!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, nullable: true }) caseCode!: string | null;
  @ApiProperty({ description: 'in Chinese, for the secretariat' }) message!: string;
}

class ReplyPageMeetingResponse {
  @ApiProperty({ enum: MEETING_TYPES, enumName: 'MeetingType' }) type!: MeetingType;
  @ApiProperty() title!: string;
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) endAt!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ enum: MEETING_STATUSES, enumName: 'MeetingStatus' }) status!: MeetingStatus;
  @ApiProperty({ description: 'number of cases on the agenda (no case details on this page)' }) agendaCount!: number;
}

class ReplyPageAttendeeResponse {
  @ApiProperty({ description: 'masked for a deputy (张*代表); leaders and units by name' }) name!: string;
  @ApiProperty({ enum: ATTENDEE_KINDS, enumName: 'AttendeeKind' }) kind!: AttendeeKind;
}

export class ReplyPageResponse implements ReplyPageView {
  @ApiProperty({ type: () => ReplyPageMeetingResponse }) meeting!: ReplyPageMeetingResponse;
  @ApiProperty({ type: () => ReplyPageAttendeeResponse }) attendee!: ReplyPageAttendeeResponse;
  @ApiProperty({ enum: PARTSTATS, enumName: 'Partstat' }) partstat!: Partstat;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) repliedAt!: string | null;
  @ApiProperty({ type: () => ReplySubstituteResponse, nullable: true }) substitute!: ReplySubstituteResponse | null;
  @ApiProperty({ format: 'date-time', description: 'the link works until then' }) expiresAt!: string;
}

export class SubstituteLeaderResponse implements SubstituteLeader {
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() rank!: string;
  @ApiProperty({ description: 'portfolio covers the case’s category' }) portfolioMatch!: boolean;
  @ApiProperty({ description: 'contact region covers the case’s region' }) regionMatch!: boolean;
  @ApiProperty() activeCases!: number;
}

export class SlotAlternativeResponse implements SlotAlternative {
  @ApiProperty({ format: 'date-time' }) startAt!: string;
  @ApiProperty({ format: 'date-time' }) endAt!: string;
}

export class AlternativesResponse implements AlternativesView {
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) caseId!: string | null;
  @ApiProperty({ type: String, format: 'uuid' }) decliningLeaderId!: string;
  @ApiProperty({ type: () => SubstituteLeaderResponse, isArray: true }) substitutes!: SubstituteLeaderResponse[];
  @ApiProperty({ type: () => SlotAlternativeResponse, isArray: true, description: 'next free times within office hours in the next two weeks' })
  slots!: SlotAlternativeResponse[];
}
