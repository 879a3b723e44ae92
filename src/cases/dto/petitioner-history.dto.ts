import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { CASE_STATUSES, GRADES, type CaseStatus, type Grade } from '../../domain/case-vocabulary.js';
import type { PetitionerHistory, PetitionerHistoryCase } from '../petitioner-history.service.js';

/** The body of `POST /cases/petitioner-history` (a body, so the number never appears in a URL or an access log). */
export class PetitionerHistoryQueryDto {
  @ApiPropertyOptional({ example: '11010519491231002X', description: '18-digit resident ID number (checked like at intake)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  idNumber?: string;

  @ApiPropertyOptional({ example: '13812345678', description: 'mobile or landline with area code (checked like at intake)' })
  @IsOptional()
  @IsString()
  @MaxLength(32)
  phone?: string;
}

export class PetitionerHistoryCaseResponse implements PetitionerHistoryCase {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'XF-2026-000123' }) code!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) status!: CaseStatus;
  @ApiProperty({ enum: GRADES, enumName: 'Grade' }) grade!: Grade;
  @ApiProperty({ format: 'date-time' }) receivedAt!: string;
  @ApiProperty({ format: 'date-time' }) registeredAt!: string;
}

export class PetitionerHistoryResponse implements PetitionerHistory {
  @ApiProperty({ example: 12, description: 'the window: cases received within this many months' }) windowMonths!: number;
  @ApiProperty({ description: "the petitioner's cases in the window (the list shows at most 20)" }) total!: number;
  @ApiProperty({ type: () => PetitionerHistoryCaseResponse, isArray: true, description: 'newest first, at most 20' }) cases!: PetitionerHistoryCaseResponse[];
}
