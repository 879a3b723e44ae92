import { ApiProperty } from '@nestjs/swagger';
import { SETTINGS_STATUSES, type OfficeSettingsBody, type SettingsProblem, type SettingsStatus } from '../office-settings.types.js';
import { SETTINGS_ACTIVATION_ACTIONS, type SettingsActivationAction } from '../office-settings.entity.js';
import type { SettingsActivationView, SettingsVersionView } from '../settings.service.js';

/** The response schemas of the settings API; `implements` keeps them in step with the views. */

export class DeadlineSettingsResponse {
  @ApiProperty({ example: 15, description: '受理期限（日）' }) acceptDays!: number;
  @ApiProperty({ example: 60, description: '办理期限（日）' }) handleDays!: number;
  @ApiProperty({ example: 2, description: '督办件答复期限（月）' }) supervisedReplyMonths!: number;
  @ApiProperty({ example: 30, description: '延期最长天数（日）' }) extensionMaxDays!: number;
  @ApiProperty({ example: 30, description: '再督办期限（日）' }) resupervisionDays!: number;
  @ApiProperty({ example: 30, description: '复查申请期限（日）' }) reviewRequestDays!: number;
  @ApiProperty({ example: 7, description: '临期提醒（日）' }) dueSoonDays!: number;
  @ApiProperty({ example: 3, description: '签收期限（工作日）: a handling unit signs within these working days of the hand-over' }) signDays!: number;
}

export class HolidayRangeResponse {
  @ApiProperty({ example: '元旦' }) name!: string;
  @ApiProperty({ example: '2027-01-01', format: 'date' }) from!: string;
  @ApiProperty({ example: '2027-01-03', format: 'date' }) to!: string;
}

export class MakeUpWorkdayResponse {
  @ApiProperty({ example: '元旦调休' }) name!: string;
  @ApiProperty({ example: '2027-01-09', format: 'date' }) date!: string;
}

export class LookbackSettingsResponse {
  @ApiProperty({ example: 0.2, description: '(0, 1]' }) sampleShare!: number;
  @ApiProperty({ example: 90 }) windowDays!: number;
}

export class ReminderSettingsResponse {
  @ApiProperty({ type: Number, isArray: true, example: [1440, 30] }) alarmMinutesBefore!: number[];
}

export class PerMeetingTypeResponse {
  @ApiProperty() special!: number;
  @ApiProperty() joint!: number;
  @ApiProperty() supervision!: number;
}

export class MeetingSettingsResponse {
  @ApiProperty({ type: () => PerMeetingTypeResponse }) meetingMinutes!: PerMeetingTypeResponse;
  @ApiProperty({ type: () => PerMeetingTypeResponse }) minutesPerCase!: PerMeetingTypeResponse;
  @ApiProperty({ example: 30 }) slotStepMinutes!: number;
  @ApiProperty({ example: 24 }) minNoticeHours!: number;
  @ApiProperty({ example: 92 }) maxPlanDays!: number;
  @ApiProperty({ example: '常委会第三会议室' }) defaultLocation!: string;
  @ApiProperty({ example: 2, minimum: 0, maximum: 10, description: 'deputies the planner invites at most to one meeting' }) maxDeputiesPerMeeting!: number;
}

export class OfficeSettingsBodyResponse implements OfficeSettingsBody {
  @ApiProperty({ type: () => DeadlineSettingsResponse }) deadlines!: DeadlineSettingsResponse;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'string', example: '08:30' }, minItems: 2, maxItems: 2 },
    example: [
      ['08:30', '12:00'],
      ['14:30', '17:30'],
    ],
  })
  officeHours!: [string, string][];
  @ApiProperty({ type: () => HolidayRangeResponse, isArray: true }) holidays!: HolidayRangeResponse[];
  @ApiProperty({ type: () => MakeUpWorkdayResponse, isArray: true }) workdays!: MakeUpWorkdayResponse[];
  @ApiProperty({ type: Number, isArray: true, example: [2027] }) coveredYears!: number[];
  @ApiProperty({ type: () => LookbackSettingsResponse }) lookback!: LookbackSettingsResponse;
  @ApiProperty({ type: () => ReminderSettingsResponse }) reminders!: ReminderSettingsResponse;
  @ApiProperty({ type: () => MeetingSettingsResponse }) meetings!: MeetingSettingsResponse;
}

export class SettingsProblemResponse implements SettingsProblem {
  @ApiProperty({ example: 'officeHours[1]' }) path!: string;
  @ApiProperty({ example: 'HOURS_OVERLAP' }) code!: string;
  @ApiProperty() message!: string;
  @ApiProperty() messageEn!: string;
}

export class SettingsVersionResponse implements SettingsVersionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: SETTINGS_STATUSES, enumName: 'SettingsStatus' }) status!: SettingsStatus;
  @ApiProperty({ description: 'the version in force' }) active!: boolean;
  @ApiProperty({ type: () => OfficeSettingsBodyResponse }) body!: OfficeSettingsBodyResponse;
  @ApiProperty() note!: string;
  @ApiProperty({ type: Number, nullable: true }) basedOn!: number | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true, description: 'who published it first (a rollback does not change it)' }) publishedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

export class ActiveSettingsResponse extends SettingsVersionResponse {
  @ApiProperty({ example: 'Asia/Shanghai', description: 'the office time zone (configuration, read-only)' }) timeZone!: string;
  @ApiProperty({ type: () => SettingsProblemResponse, isArray: true, description: 'e.g. HOLIDAYS_NOT_COVERED' }) warnings!: SettingsProblemResponse[];
  @ApiProperty({ type: Number, isArray: true, description: 'years the holiday package has schedules for' }) packageYears!: number[];
}

export class SettingsValidationResponse {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: () => SettingsProblemResponse, isArray: true }) errors!: SettingsProblemResponse[];
  @ApiProperty({ type: () => SettingsProblemResponse, isArray: true }) warnings!: SettingsProblemResponse[];
}

export class SettingsActivationResponse implements SettingsActivationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) settingsId!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: SETTINGS_ACTIVATION_ACTIONS, enumName: 'SettingsActivationAction' }) action!: SettingsActivationAction;
  @ApiProperty({ type: Number, nullable: true }) fromVersion!: number | null;
  @ApiProperty() note!: string;
  @ApiProperty() by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class SettingsActivatedResponse extends SettingsVersionResponse {
  @ApiProperty({ format: 'uuid', description: 'the activation (publish or rollback) just recorded' }) activationId!: string;
}
