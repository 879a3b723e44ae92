import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';

/** What a unit may do through its link; the case's state decides which of them apply now (allowedActions). */
export const UNIT_LINK_ACTIONS = ['sign', 'ask', 'request-extension', 'reply'] as const;
export type UnitLinkAction = (typeof UNIT_LINK_ACTIONS)[number];

/** The body of `POST /unit-links/:token/actions`. */
export class UnitLinkActionDto {
  @ApiProperty({ enum: UNIT_LINK_ACTIONS, description: 'sign 签收, ask 提问, request-extension 申请延期, reply 答复' })
  @IsIn(UNIT_LINK_ACTIONS)
  action!: UnitLinkAction;

  @ApiPropertyOptional({ description: 'ask: the question; request-extension: why; reply: the answer' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(4000)
  reason?: string;

  @ApiPropertyOptional({ description: 'reply: the written report (书面报告) in words' })
  @OptionalNotNull()
  @IsString()
  @MaxLength(4000)
  report?: string;

  @ApiPropertyOptional({ description: 'request-extension: days asked for (1–30)' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(30)
  days?: number;

  @ApiPropertyOptional({ type: [String], description: "reply: the case's attachments the answer refers to (the written report among them)" })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  attachmentIds?: string[];
}
