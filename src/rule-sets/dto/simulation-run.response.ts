import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { MatrixCell, SimulationMatrices, StoredSimulationReport, StoredSimulationScope } from '../rule-simulation.entity.js';
import type { SimulationCellCase, SimulationRunView } from '../simulation-runs.service.js';

export class MatrixCellResponse implements MatrixCell {
  @ApiProperty({ example: 'escalated' }) from!: string;
  @ApiProperty({ example: 'normal' }) to!: string;
  @ApiProperty() count!: number;
}

/** Before → after counts with unchanged pairs (from === to); route `committee/handledBy/mode`, meeting null is `none`. */
export class SimulationMatricesResponse implements SimulationMatrices {
  @ApiProperty({ type: () => MatrixCellResponse, isArray: true }) grade!: MatrixCellResponse[];
  @ApiProperty({ type: () => MatrixCellResponse, isArray: true }) route!: MatrixCellResponse[];
  @ApiProperty({ type: () => MatrixCellResponse, isArray: true }) meeting!: MatrixCellResponse[];
}

export class SimulationRunGradesResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) before!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) after!: Record<string, number>;
}

export class SimulationRunReportResponse implements StoredSimulationReport {
  @ApiProperty() scanned!: number;
  @ApiProperty() changed!: number;
  @ApiProperty({ type: () => SimulationRunGradesResponse }) grades!: SimulationRunGradesResponse;
  @ApiProperty({ type: () => SimulationMatricesResponse }) matrix!: SimulationMatricesResponse;
}

export class SimulationRunScopeResponse implements StoredSimulationScope {
  @ApiPropertyOptional({ type: String, isArray: true }) statuses?: string[];
  @ApiPropertyOptional() category?: string;
  @ApiPropertyOptional({ format: 'date-time' }) receivedFrom?: string;
  @ApiPropertyOptional({ format: 'date-time' }) receivedTo?: string;
}

export class SimulationRunViewResponse implements SimulationRunView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ruleSetId!: string;
  @ApiProperty({ description: 'the simulated set’s version' }) version!: number;
  @ApiProperty({ description: 'the version in force it is compared with' }) activeVersion!: number;
  @ApiProperty({ enum: ['queued', 'running', 'done', 'failed', 'cancelled'] }) status!: SimulationRunView['status'];
  @ApiProperty() scanned!: number;
  @ApiProperty({ description: 'cases in scope (counted when the run starts)' }) total!: number;
  @ApiProperty({ description: 'an admin asked to cancel; a running run stops after the batch in hand' }) cancelRequested!: boolean;
  @ApiProperty({ type: () => SimulationRunScopeResponse }) scope!: SimulationRunScopeResponse;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) finishedAt!: string | null;
  @ApiProperty({ type: Number, nullable: true }) durationMs!: number | null;
  @ApiProperty({ type: String, nullable: true }) error!: string | null;
  @ApiProperty({ type: () => SimulationRunReportResponse, nullable: true, description: 'partial when cancelled' }) report!: SimulationRunReportResponse | null;
}

export class SimulationCaseOutcomeResponse {
  @ApiProperty() grade!: string;
  @ApiProperty({ example: 'UCEC/GOV/transfer' }) route!: string;
  @ApiProperty({ type: String, nullable: true }) meetingType!: string | null;
}

export class SimulationCellCaseResponse implements SimulationCellCase {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: () => SimulationCaseOutcomeResponse }) before!: SimulationCaseOutcomeResponse;
  @ApiProperty({ type: () => SimulationCaseOutcomeResponse }) after!: SimulationCaseOutcomeResponse;
}

export class SimulationCellCasesResponse {
  @ApiProperty({ description: 'cases kept for the cell (at most 1,000)' }) total!: number;
  @ApiProperty({ type: () => SimulationCellCaseResponse, isArray: true }) items!: SimulationCellCaseResponse[];
}
