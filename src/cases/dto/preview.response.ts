import { ApiProperty } from '@nestjs/swagger';
import { GRADES, MEETING_TYPES, type Grade, type MeetingType } from '../../domain/case-vocabulary.js';
import { EvaluationResponse, RouteResponse } from '../../rules/dto/evaluation.response.js';
import type { DerivedFacts } from '../case-facts.service.js';
import type { Preview } from '../intake.service.js';

export class DerivedFactsResponse implements DerivedFacts {
  @ApiProperty({ description: 'earlier cases of the same petitioner or related, within 12 months' }) repeatCount!: number;
  @ApiProperty({ description: 'other open cases, same category and region, last 30 days' }) similarOpenCases!: number;
  @ApiProperty() relatedDissatisfied!: boolean;
}

export class PreviewDeadlinesResponse {
  @ApiProperty({ format: 'date-time' }) acceptDueAt!: string;
  @ApiProperty({ format: 'date-time' }) replyDueAtIfHandledNow!: string;
}

/** `POST /rules/evaluate`: how the rules would grade and route one registration; nothing is stored. */
export class PreviewResponse implements Preview {
  @ApiProperty({ enum: GRADES, enumName: 'Grade' }) grade!: Grade;
  @ApiProperty({ type: () => RouteResponse }) route!: RouteResponse;
  @ApiProperty({ type: [String] }) flags!: string[];
  @ApiProperty({ enum: MEETING_TYPES, enumName: 'MeetingType', nullable: true }) meetingType!: MeetingType | null;
  @ApiProperty({ type: () => DerivedFactsResponse }) facts!: DerivedFactsResponse;
  @ApiProperty({ type: () => PreviewDeadlinesResponse }) deadlines!: PreviewDeadlinesResponse;
  @ApiProperty({ type: () => EvaluationResponse }) evaluation!: EvaluationResponse;
}
