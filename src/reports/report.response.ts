import { ApiProperty } from '@nestjs/swagger';
import type { Hotspot, Summary } from './reports.service.js';

/** The response schemas of the reports (the CSV and Markdown routes declare a string body). */

const COUNTS = { type: 'object', additionalProperties: { type: 'number' } } as const;
const RATE = { type: Number, nullable: true, description: '0…1; null when there is nothing to rate' } as const;

export class ReportWindowResponse {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

export class SummaryCasesResponse {
  @ApiProperty() received!: number;
  @ApiProperty() accepted!: number;
  @ApiProperty() rejected!: number;
  @ApiProperty() groupPetitions!: number;
  @ApiProperty() supervisedItems!: number;
  @ApiProperty(COUNTS) byChannel!: Record<string, number>;
  @ApiProperty(COUNTS) byCategory!: Record<string, number>;
  @ApiProperty(COUNTS) byGrade!: Record<string, number>;
  @ApiProperty(COUNTS) byRegion!: Record<string, number>;
  @ApiProperty(COUNTS) byHandlingUnit!: Record<string, number>;
  @ApiProperty(COUNTS) byStatus!: Record<string, number>;
}

export class SummaryRepliesResponse {
  @ApiProperty() replied!: number;
  @ApiProperty() onTime!: number;
  @ApiProperty() withFeedback!: number;
  @ApiProperty() satisfied!: number;
}

export class SummaryRatesResponse {
  @ApiProperty(RATE) onTimeCompletion!: number | null;
  @ApiProperty(RATE) feedback!: number | null;
  @ApiProperty(RATE) satisfaction!: number | null;
}

export class SummaryMeetingsResponse {
  @ApiProperty({ ...COUNTS, description: 'meetings held, by type' }) held!: Record<string, number>;
  @ApiProperty({ ...COUNTS, description: 'meetings confirmed, by type' }) confirmed!: Record<string, number>;
}

export class SummaryLeaderResponse {
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty() name!: string;
  @ApiProperty() receptions!: number;
  @ApiProperty() instructions!: number;
  @ApiProperty() openCases!: number;
  @ApiProperty() casesInCharge!: number;
}

/** 年度数据: the office's figures over a window. */
export class SummaryResponse implements Summary {
  @ApiProperty({ type: () => ReportWindowResponse }) window!: ReportWindowResponse;
  @ApiProperty({ type: () => SummaryCasesResponse }) cases!: SummaryCasesResponse;
  @ApiProperty({ type: () => SummaryRepliesResponse }) replies!: SummaryRepliesResponse;
  @ApiProperty({ type: () => SummaryRatesResponse }) rates!: SummaryRatesResponse;
  @ApiProperty() resupervisions!: number;
  @ApiProperty() extensionsUsed!: number;
  @ApiProperty({ type: () => SummaryMeetingsResponse }) meetings!: SummaryMeetingsResponse;
  @ApiProperty({ type: () => SummaryLeaderResponse, isArray: true }) leaders!: SummaryLeaderResponse[];
  @ApiProperty() leaderReceptions!: number;
  @ApiProperty() lettersInstructed!: number;
  @ApiProperty({ ...COUNTS, description: 'conversions by kind' }) conversions!: Record<string, number>;
}

export class HotspotResponse implements Hotspot {
  @ApiProperty({ example: 'urban-construction' }) category!: string;
  @ApiProperty({ example: '城建、住房、老旧小区、物业、环境' }) categoryLabel!: string;
  @ApiProperty({ example: '茅箭区' }) region!: string;
  @ApiProperty({ description: 'cases received in the current period' }) current!: number;
  @ApiProperty({ description: 'of which still open' }) open!: number;
  @ApiProperty({ description: 'cases received in the period before' }) previous!: number;
  @ApiProperty({ description: 'of which flagged early-warning' }) earlyWarning!: number;
  @ApiProperty({ type: Number, nullable: true, description: '(current − previous) / previous; null when there was nothing before' }) trend!: number | null;
}

export class HotspotsResponse {
  @ApiProperty() days!: number;
  @ApiProperty({ type: () => ReportWindowResponse }) current!: ReportWindowResponse;
  @ApiProperty({ type: () => HotspotResponse, isArray: true }) hotspots!: HotspotResponse[];
}
