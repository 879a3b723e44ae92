import { ApiProperty } from '@nestjs/swagger';
import { CALLBACK_RESULTS, type CallbackResult } from './lookback-review.entity.js';
import type { LookbackReport, LookbackRequested, LookbackReviewView, UnitRecord } from './lookback.service.js';

/** OpenAPI description of the look-back (回头看) answers; each class implements its view, so drift fails the type check. */
export class LookbackRequestedResponse implements LookbackRequested {
  @ApiProperty({ type: String, nullable: true, description: 'the queued job, or null when it ran at once (embedded mode)' }) jobId!: string | null;
  @ApiProperty({ example: '2026-12' }) period!: string;
}

export class LookbackWindowResponse {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

export class LookbackReviewResponse implements LookbackReviewView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() caseCode!: string;
  @ApiProperty() unitCode!: string;
  @ApiProperty({ enum: ['late', 'dissatisfied', 'sample'], description: 'why the case was drawn (code)' }) reason!: string;
  @ApiProperty({ description: 'why the case was drawn, in words (Chinese)' }) reasonLabel!: string;
  @ApiProperty({ enum: CALLBACK_RESULTS, enumName: 'CallbackResult', nullable: true }) callbackResult!: CallbackResult | null;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
}

export class LookbackUnitResponse implements UnitRecord {
  @ApiProperty() unitCode!: string;
  @ApiProperty() closed!: number;
  @ApiProperty() late!: number;
  @ApiProperty() dissatisfied!: number;
  @ApiProperty({ description: 'named in the urging notice (催办通报)' }) named!: boolean;
}

export class LookbackReportResponse implements LookbackReport {
  @ApiProperty({ example: '2026-12' }) period!: string;
  @ApiProperty({ type: () => LookbackWindowResponse }) window!: LookbackWindowResponse;
  @ApiProperty({ type: () => LookbackReviewResponse, isArray: true }) reviews!: LookbackReviewResponse[];
  @ApiProperty({ type: () => LookbackUnitResponse, isArray: true }) units!: LookbackUnitResponse[];
}
