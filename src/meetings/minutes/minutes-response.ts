import { ApiProperty } from '@nestjs/swagger';
import { ATTENDEE_KINDS, type AttendeeKind } from '../meeting-attendee.entity.js';
import { MINUTES_MAIL_STATUSES, MINUTES_STATUSES, type MinutesMailStatus, type MinutesStatus } from './minutes.entity.js';
import type { MinutesAttendanceView, MinutesView } from './minutes-view.js';

/** The OpenAPI description of the minutes in a meeting view (each class implements its view). */
export class MinutesAttendanceResponse implements MinutesAttendanceView {
  @ApiProperty({ format: 'uuid', description: 'the invited attendee (meeting_attendees.id)' }) attendeeId!: string;
  @ApiProperty({ enum: ATTENDEE_KINDS, enumName: 'AttendeeKind' }) kind!: AttendeeKind;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'came in person (not recorded: true)' }) present!: boolean;
  @ApiProperty({ type: String, nullable: true, description: '派员参加: who came instead' }) substituteName!: string | null;
  @ApiProperty({ type: String, nullable: true }) substitutePost!: string | null;
  @ApiProperty({ enum: MINUTES_MAIL_STATUSES, enumName: 'MinutesMailStatus', nullable: true, description: 'the minutes mailed to him or her' }) mailStatus!: MinutesMailStatus | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) mailedAt!: string | null;
}

export class ExtraAttendeeResponse {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true }) post!: string | null;
}

export class MinutesResponse implements MinutesView {
  @ApiProperty({ type: String, nullable: true, example: '〔2026〕3号', description: 'set when issued' }) number!: string | null;
  @ApiProperty({ enum: MINUTES_STATUSES, enumName: 'MinutesStatus' }) status!: MinutesStatus;
  @ApiProperty({ type: String, nullable: true, description: '会议概况' }) summary!: string | null;
  @ApiProperty({ type: String, nullable: true, description: '其他要求' }) requirements!: string | null;
  @ApiProperty({ type: String, format: 'uuid', isArray: true, description: 'agenda cases explicitly left undecided (未作决定)' }) undecidedCaseIds!: string[];
  @ApiProperty({ type: () => ExtraAttendeeResponse, isArray: true }) extraAttendees!: ExtraAttendeeResponse[];
  @ApiProperty({ type: () => MinutesAttendanceResponse, isArray: true }) attendance!: MinutesAttendanceResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) issuedAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) issuedBy!: string | null;
  @ApiProperty({ description: 'optimistic lock: send it back with PUT' }) version!: number;
}
