import { ApiProperty } from '@nestjs/swagger';
import type { Dashboard, HeatCell, LeaderLoad, TrendPoint } from './dashboard.service.js';
import type { DeputyFigures, DeputyParticipation, StationFigures } from '../meetings/deputies/deputy-participation.js';
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

export class DashboardWindowResponse extends ReportWindowResponse {
  @ApiProperty({ example: '2026-01-01', description: 'first office day of the window' }) fromDay!: string;
  @ApiProperty({ example: '2026-11-26', description: 'last office day of the window (included)' }) toDay!: string;
}

export class TrendPointResponse implements TrendPoint {
  @ApiProperty({ example: '2026-11', description: 'office month' }) month!: string;
  @ApiProperty({ description: 'cases received (receivedAt in the month)' }) received!: number;
  @ApiProperty({ description: 'cases accepted (acceptedAt in the month)' }) accepted!: number;
  @ApiProperty({ description: 'cases closed (closedAt in the month)' }) closed!: number;
  @ApiProperty({ description: 'replies made in the month' }) replied!: number;
  @ApiProperty({ description: 'of which by their deadline' }) repliedOnTime!: number;
}

export class HeatCellResponse implements HeatCell {
  @ApiProperty({ example: 'urban-construction' }) category!: string;
  @ApiProperty({ example: '茅箭区' }) region!: string;
  @ApiProperty({ description: 'cases received in the window' }) count!: number;
  @ApiProperty({ description: 'of which open now' }) open!: number;
  @ApiProperty({ description: 'of the open ones, flagged early-warning by the rules' }) earlyWarning!: number;
  @ApiProperty({ description: 'earlyWarning > 0: a hotspot with an early warning' }) warning!: boolean;
}

export class HeatmapResponse {
  @ApiProperty({ type: String, isArray: true, description: 'category codes, most cases first' }) categories!: string[];
  @ApiProperty({ type: String, isArray: true, description: 'regions, most cases first' }) regions!: string[];
  @ApiProperty({ type: () => HeatCellResponse, isArray: true }) cells!: HeatCellResponse[];
}

export class LeaderLoadResponse implements LeaderLoad {
  @ApiProperty({ format: 'uuid' }) leaderId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'open cases in his or her charge now' }) openCases!: number;
  @ApiProperty({ description: 'capacity (maxActiveCases)' }) maxActiveCases!: number;
  @ApiProperty({ description: 'cases received in the window in his or her charge' }) casesInCharge!: number;
  @ApiProperty({ description: '领导接访 in the window' }) receptions!: number;
  @ApiProperty({ description: '领导批示 in the window' }) instructions!: number;
}

export class StationFiguresResponse implements StationFigures {
  @ApiProperty({ example: '茅箭区人大代表之家' }) station!: string;
  @ApiProperty({ enum: ['station', 'home'], nullable: true, description: 'station 代表联络站 / home 代表之家' }) stationKind!: 'station' | 'home' | null;
  @ApiProperty({ description: 'confirmed or held meetings with a deputy of this station invited' }) meetings!: number;
  @ApiProperty({ description: 'invitations (one per deputy and meeting)' }) invitations!: number;
  @ApiProperty({ description: 'invitations answered ACCEPTED' }) accepted!: number;
  @ApiProperty({ description: 'invitations to meetings held' }) attended!: number;
}

/** 代表参与: deputies invited to meetings starting in the window (confirmed or held), in total and by station. */
export class DeputyParticipationResponse implements DeputyParticipation, DeputyFigures {
  @ApiProperty({ description: 'confirmed or held meetings with at least one deputy invited' }) meetings!: number;
  @ApiProperty({ description: 'invitations (one per deputy and meeting)' }) invitations!: number;
  @ApiProperty({ description: 'invitations answered ACCEPTED' }) accepted!: number;
  @ApiProperty({ description: 'invitations to meetings held' }) attended!: number;
  @ApiProperty({ type: () => StationFiguresResponse, isArray: true, description: 'most invitations first' }) byStation!: StationFiguresResponse[];
}

/** 统计分析: the dashboard's data for one window (codes; the console maps labels). */
export class DashboardResponse implements Dashboard {
  @ApiProperty({ type: () => DashboardWindowResponse }) window!: DashboardWindowResponse;
  @ApiProperty({ type: () => SummaryResponse }) summary!: SummaryResponse;
  @ApiProperty({ type: () => TrendPointResponse, isArray: true }) trend!: TrendPointResponse[];
  @ApiProperty({ type: () => HeatmapResponse }) heatmap!: HeatmapResponse;
  @ApiProperty({ type: () => LeaderLoadResponse, isArray: true }) leaders!: LeaderLoadResponse[];
  @ApiProperty({ type: () => DeputyParticipationResponse }) deputies!: DeputyParticipationResponse;
}
