import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsObject, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import type { LedgerField } from '../ledger-fields.js';

/** Which header of the file feeds each field (docs/ledger-import.md); a field left out or null is not in the file. */
export class LedgerMappingDto implements Partial<Record<LedgerField, string | null>> {
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 编号' }) @IsOptional() @IsString() @Length(1, 60) externalCode?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 登记日期 (required)' }) @IsOptional() @IsString() @Length(1, 60) receivedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 来信来访 (required)' }) @IsOptional() @IsString() @Length(1, 60) channel?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 信访人 (required)' }) @IsOptional() @IsString() @Length(1, 60) petitionerName?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 身份证号' }) @IsOptional() @IsString() @Length(1, 60) idNumber?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 电话' }) @IsOptional() @IsString() @Length(1, 60) phone?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 地区 (required)' }) @IsOptional() @IsString() @Length(1, 60) region?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 类别 (required)' }) @IsOptional() @IsString() @Length(1, 60) category?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 事项摘要 (required)' }) @IsOptional() @IsString() @Length(1, 60) subject?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 事项内容' }) @IsOptional() @IsString() @Length(1, 60) content?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 人数' }) @IsOptional() @IsString() @Length(1, 60) headcount?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 状态 (required)' }) @IsOptional() @IsString() @Length(1, 60) status?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 承办单位' }) @IsOptional() @IsString() @Length(1, 60) handledBy?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 受理日期' }) @IsOptional() @IsString() @Length(1, 60) acceptedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 交办日期' }) @IsOptional() @IsString() @Length(1, 60) routedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 答复日期' }) @IsOptional() @IsString() @Length(1, 60) repliedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 办结日期' }) @IsOptional() @IsString() @Length(1, 60) closedAt?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'the header for 满意度' }) @IsOptional() @IsString() @Length(1, 60) feedback?: string | null;
}

export class LedgerMappingBodyDto {
  @ApiProperty({ type: () => LedgerMappingDto }) @IsDefined() @IsObject() @ValidateNested() @Type(() => LedgerMappingDto) mapping!: LedgerMappingDto;
}
