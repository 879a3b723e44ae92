import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

/** The audit page's filters; date-only bounds are office days, both included. */
export class AuditQuery {
  @ApiPropertyOptional({ description: "an actor's user id, or a part of the name shown for them", example: '管理员' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  actor?: string;

  @ApiPropertyOptional({ description: 'one action (see GET /audit/actions), or a prefix such as `directory.*`', example: 'ruleset.publish' })
  @IsOptional()
  @IsString()
  @Length(1, 48)
  action?: string;

  @ApiPropertyOptional({ example: 'rule-set' }) @IsOptional() @IsString() @Length(1, 32) entityType?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 64) entityId?: string;

  @ApiPropertyOptional({ example: '2026-11-01', description: 'first office day (YYYY-MM-DD, included)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-30', description: 'last office day (YYYY-MM-DD, included)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  to?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100_000) page: number = 1;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200) pageSize: number = 50;
}

export class AuditWordsResponse {
  @ApiProperty({ example: '发布规则集 v3（备注：提高集体访门槛）' }) zh!: string;
  @ApiProperty({ example: 'Published rule set v3 (note: …)' }) en!: string;
}

export class AuditItemResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'date-time' }) at!: Date;
  @ApiProperty() actorId!: string;
  @ApiProperty({ example: '系统管理员' }) actorName!: string;
  @ApiProperty({ example: 'directory.room.create' }) action!: string;
  @ApiProperty({ example: 'room' }) entityType!: string;
  @ApiProperty() entityId!: string;
  @ApiProperty({ type: AuditWordsResponse, description: 'what happened, in words (made on the server)' }) summary!: AuditWordsResponse;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'as recorded; directory and user changes carry `changes: {field, from, to}[]`' })
  data!: Record<string, unknown>;
}

export class AuditPageResponse {
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({ type: AuditItemResponse, isArray: true }) items!: AuditItemResponse[];
}

export class AuditActionResponse {
  @ApiProperty({ example: 'ruleset.publish' }) action!: string;
  @ApiProperty({ example: '发布规则集' }) zh!: string;
  @ApiProperty({ example: 'Rule set published' }) en!: string;
}
