import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/http/pagination.js';
import type { LedgerFilter } from '../ledger-filter.js';
import { CASE_STATUSES, CATEGORIES, GRADES, type CaseStatus, type Category, type Grade } from '../../domain/case-vocabulary.js';

export const CASE_SORTS = ['dueAt', '-dueAt', 'receivedAt', '-receivedAt', 'code', '-code'] as const;
export type CaseSort = (typeof CASE_SORTS)[number];

const toBool = ({ value }: { value: unknown }): unknown => (value === 'true' ? true : value === 'false' ? false : value);

/** Ledger (台账) filters of `GET /cases`. */
export class ListCasesQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CASE_STATUSES }) @IsOptional() @IsIn(CASE_STATUSES) status?: CaseStatus;
  @ApiPropertyOptional({ enum: GRADES }) @IsOptional() @IsIn(GRADES) grade?: Grade;
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: Category;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(50) region?: string;
  @ApiPropertyOptional({ description: 'handling unit code' }) @IsOptional() @IsString() @MaxLength(32) unit?: string;
  @ApiPropertyOptional() @IsOptional() @Transform(toBool) @IsBoolean() overdue?: boolean;
  @ApiPropertyOptional({ description: '签收超期: routed, not signed by the handling unit, the sign deadline passed (the total counts them)' })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  signOverdue?: boolean;
  @ApiPropertyOptional({ description: 'current deadline before this instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;
  @ApiPropertyOptional({ description: 'a flag set by the rules, e.g. needs-review, early-warning, group-petition' })
  @IsOptional()
  @Matches(/^[a-z][a-z0-9-]{1,40}$/)
  flag?: string;
  @ApiPropertyOptional({ format: 'uuid', description: "only the cases this leader is in charge of (包案); a leader's own id gives 我的包案" })
  @IsOptional()
  @IsUUID()
  leadLeaderId?: string;
  @ApiPropertyOptional({ description: 'case code, or words of the subject' }) @IsOptional() @IsString() @MaxLength(100) q?: string;
  @ApiPropertyOptional({ enum: CASE_SORTS, default: 'dueAt' }) @IsOptional() @IsIn(CASE_SORTS) sort?: CaseSort;
}

/** The repository filter for these query values (shared by the ledger page and its CSV export). */
export function toLedgerFilter(query: ListCasesQuery, leadLeaderId?: string): LedgerFilter {
  return {
    status: query.status,
    grade: query.grade,
    category: query.category,
    region: query.region,
    unit: query.unit,
    overdue: query.overdue,
    signOverdue: query.signOverdue,
    dueBefore: query.dueBefore ? new Date(query.dueBefore) : undefined,
    q: query.q?.trim() || undefined,
    flag: query.flag,
    inChargeOf: query.leadLeaderId,
    leadLeaderId,
  };
}
