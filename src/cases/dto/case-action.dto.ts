import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { FEEDBACK_VALUES, type Feedback } from '../../domain/case-vocabulary.js';
import { CASE_ACTIONS, type CaseAction } from '../lifecycle.js';

/** The body of `POST /cases/:id/actions`; which fields are needed depends on the action. */
export class CaseActionDto {
  @ApiProperty({ enum: CASE_ACTIONS })
  @IsIn(CASE_ACTIONS)
  action!: CaseAction;

  @ApiPropertyOptional({ description: 'why (reject, extend, resupervise, withdraw, request-extension, refuse-extension), the reply summary (reply), the question (ask) or its answer (answer-question)' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ example: 'UCEC', description: 'route/transfer: follow-up committee' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(32)
  committee?: string;

  @ApiPropertyOptional({ example: 'GOV', description: 'route/transfer: handling unit' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(32)
  handledBy?: string;

  @ApiPropertyOptional({ description: "extend: days (≤ 30; approving a unit's request: its days when omitted); request-extension: days (1 to 30); resupervise: days for the new deadline" })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(365)
  days?: number;

  @ApiPropertyOptional({ description: 'extend: who approved the extension' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(100)
  approver?: string;

  @ApiPropertyOptional({ enum: FEEDBACK_VALUES })
  @OptionalNotNull()
  @IsIn(FEEDBACK_VALUES)
  feedback?: Feedback;

  @ApiPropertyOptional({ description: 'assign-leader: the leader in charge (包案领导)' })
  @OptionalNotNull()
  @IsUUID()
  leaderId?: string;

  @ApiPropertyOptional({ description: 'reply of a supervised item: reference or summary of the written report' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(4000)
  report?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 20, description: "reply: the case's attachments the answer refers to (a handling unit's answer to a supervised item needs at least one: the written report)" })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];

  @ApiPropertyOptional({ description: 'urge: note to the handling unit' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(2000)
  note?: string;
}
