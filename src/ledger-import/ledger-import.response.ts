import { ApiProperty } from '@nestjs/swagger';
import type { FieldProblem } from './ledger-row.js';
import type { ReportCounts, ReportRow, RowOutcome } from './ledger-report.js';
import type { LedgerCommitView, LedgerFieldView, LedgerImportView, LedgerReportView } from './ledger-import.view.js';
import { LedgerMappingDto } from './dto/ledger-mapping.dto.js';
import type { LedgerMapping } from './ledger-fields.js';

/** The OpenAPI description of the ledger import's answers (each class implements its view). */
export class LedgerFieldResponse implements LedgerFieldView {
  @ApiProperty({ example: 'receivedAt' }) key!: string;
  @ApiProperty({ example: '登记日期' }) zh!: string;
  @ApiProperty({ example: 'Registered on' }) en!: string;
  @ApiProperty() required!: boolean;
}

export class LedgerCountsResponse implements ReportCounts {
  @ApiProperty() total!: number;
  @ApiProperty({ description: 'rows that will be (or were) created' }) create!: number;
  @ApiProperty() invalid!: number;
  @ApiProperty({ description: 'already imported, or the same row earlier in the file' }) duplicate!: number;
  @ApiProperty({ description: 'rows to create whose petitioner has an earlier case or row' }) repeats!: number;
}

export class LedgerImportResponse implements LedgerImportView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() fileName!: string;
  @ApiProperty({ enum: ['xlsx', 'csv'] }) format!: 'xlsx' | 'csv';
  @ApiProperty({ type: String, enum: ['utf-8', 'gb18030'], nullable: true, description: 'CSV only: how the text was decoded' }) encoding!: 'utf-8' | 'gb18030' | null;
  @ApiProperty({ type: String, isArray: true }) headers!: string[];
  @ApiProperty({ type: () => LedgerMappingDto }) suggestedMapping!: LedgerMapping;
  @ApiProperty({ type: () => LedgerMappingDto, nullable: true }) mapping!: LedgerMapping | null;
  @ApiProperty() rowCount!: number;
  @ApiProperty({ enum: ['uploaded', 'checked', 'committed'] }) status!: 'uploaded' | 'checked' | 'committed';
  @ApiProperty({ type: () => LedgerCountsResponse, nullable: true }) counts!: ReportCounts | null;
  @ApiProperty({ description: 'cases created from this upload so far' }) createdCount!: number;
  @ApiProperty() createdByName!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) checkedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) committedAt!: string | null;
  @ApiProperty({ type: () => LedgerFieldResponse, isArray: true, description: 'the documented column layout' }) fields!: LedgerFieldView[];
}

export class LedgerProblemResponse implements FieldProblem {
  @ApiProperty({ type: String, example: 'idNumber', description: 'the field key of the documented layout' }) field!: FieldProblem['field'];
  @ApiProperty({ example: '身份证号' }) label!: string;
  @ApiProperty({ example: '身份证号无效（位数、出生日期或校验位不对）' }) message!: string;
}

export class LedgerRepeatResponse {
  @ApiProperty() existingCases!: number;
  @ApiProperty() earlierRows!: number;
}

export class LedgerReportRowResponse implements ReportRow {
  @ApiProperty({ description: 'row number in the file (the header is row 1)' }) rowNumber!: number;
  @ApiProperty({ enum: ['create', 'invalid', 'duplicate'] }) outcome!: RowOutcome;
  @ApiProperty({ type: String, nullable: true }) externalCode!: string | null;
  @ApiProperty({ type: () => LedgerProblemResponse, isArray: true }) problems!: FieldProblem[];
  @ApiProperty({ type: Number, nullable: true }) duplicateOfRow!: number | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) duplicateOfCaseId!: string | null;
  @ApiProperty({ type: () => LedgerRepeatResponse, nullable: true }) repeat!: ReportRow['repeat'];
}

export class LedgerReportResponse implements LedgerReportView {
  @ApiProperty({ type: () => LedgerImportResponse }) import!: LedgerImportView;
  @ApiProperty({ type: () => LedgerCountsResponse }) counts!: ReportCounts;
  @ApiProperty({ type: () => LedgerReportRowResponse, isArray: true }) rows!: ReportRow[];
  @ApiProperty() truncated!: boolean;
}

export class LedgerCommitResponse extends LedgerReportResponse implements LedgerCommitView {
  @ApiProperty({ description: 'cases created by this commit' }) created!: number;
}
