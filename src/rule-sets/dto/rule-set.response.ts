import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GRADES, type Grade } from '../../domain/case-vocabulary.js';
import { RULE_SET_STATUSES, type RuleSetStatus } from '../../rules/active-rule-set-source.js';
import { RULE_EVENT_TYPES, type BooleanCondition, type RuleDefinition, type RuleEvent, type RuleEventType } from '../../rules/rule-set.types.js';
import type { RuleSetProblem } from '../rule-sets.errors.js';
import type { RuleSetView } from '../rule-sets.service.js';
import type { Outcome, SimulationReport } from '../simulation.service.js';
import { SimulationMatricesResponse } from './simulation-run.response.js';

/** The response schemas of the rules API; `implements` keeps them in step with the views. */

export class RuleEventResponse {
  @ApiProperty({ enum: RULE_EVENT_TYPES, enumName: 'RuleEventType' }) type!: RuleEventType;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { grade: 'escalated' } }) params!: Record<string, unknown>;
}

export class RuleDefinitionResponse implements RuleDefinition {
  @ApiProperty({ example: 'escalate-group-petition' }) name!: string;
  @ApiProperty({ minimum: 1 }) priority!: number;
  @ApiPropertyOptional({ example: '集体访（5 人及以上）提级办理' }) description?: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'json-rules-engine conditions (all / any / not), see docs/rules.md' })
  conditions!: BooleanCondition;
  @ApiProperty({ type: () => RuleEventResponse }) event!: RuleEvent;
}

export class RuleSetViewResponse implements RuleSetView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
  @ApiProperty({ enum: RULE_SET_STATUSES, enumName: 'RuleSetStatus' }) status!: RuleSetStatus;
  @ApiProperty({ description: 'the published set in force' }) active!: boolean;
  @ApiProperty() note!: string;
  @ApiProperty({ enum: GRADES, enumName: 'Grade', isArray: true }) precedence!: Grade[];
  @ApiProperty({ type: () => RuleDefinitionResponse, isArray: true }) rules!: RuleDefinitionResponse[];
  @ApiProperty({ type: Number, nullable: true }) basedOn!: number | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: String, nullable: true }) publishedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt!: string | null;
}

export class RuleSetProblemResponse implements RuleSetProblem {
  @ApiProperty({ example: 'rules[3].conditions.all[0].operator' }) path!: string;
  @ApiProperty({ example: 'UNKNOWN_OPERATOR' }) code!: string;
  @ApiProperty() message!: string;
}

export class RuleSetValidationResponse {
  @ApiProperty() valid!: boolean;
  @ApiProperty({ type: () => RuleSetProblemResponse, isArray: true }) errors!: RuleSetProblemResponse[];
}

export class RuleSetRefResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() version!: number;
}

export class GradeTalliesResponse {
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) before!: Record<string, number>;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) after!: Record<string, number>;
}

export class OutcomeChangeResponse {
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
  @ApiProperty() count!: number;
}

export class MeetingChangeResponse {
  @ApiProperty({ type: String, nullable: true }) from!: string | null;
  @ApiProperty({ type: String, nullable: true }) to!: string | null;
  @ApiProperty() count!: number;
}

export class SimulationOutcomeResponse implements Outcome {
  @ApiProperty() grade!: string;
  @ApiProperty({ example: 'UCEC/GOV/transfer' }) route!: string;
  @ApiProperty({ type: String, nullable: true }) meetingType!: string | null;
}

export class SimulationExampleResponse {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ type: () => SimulationOutcomeResponse }) before!: SimulationOutcomeResponse;
  @ApiProperty({ type: () => SimulationOutcomeResponse }) after!: SimulationOutcomeResponse;
}

export class SimulationReportResponse implements SimulationReport {
  @ApiProperty({ type: () => RuleSetRefResponse }) draft!: RuleSetRefResponse;
  @ApiProperty({ type: () => RuleSetRefResponse }) active!: RuleSetRefResponse;
  @ApiProperty() scanned!: number;
  @ApiProperty() changed!: number;
  @ApiProperty({ type: () => GradeTalliesResponse }) grades!: GradeTalliesResponse;
  @ApiProperty({ type: () => OutcomeChangeResponse, isArray: true }) gradeChanges!: OutcomeChangeResponse[];
  @ApiProperty({ type: () => OutcomeChangeResponse, isArray: true }) routeChanges!: OutcomeChangeResponse[];
  @ApiProperty({ type: () => MeetingChangeResponse, isArray: true }) meetingChanges!: MeetingChangeResponse[];
  @ApiProperty({ type: () => SimulationExampleResponse, isArray: true }) examples!: SimulationExampleResponse[];
  @ApiProperty({ type: () => SimulationMatricesResponse, description: 'before → after of every case, unchanged pairs included' }) matrix!: SimulationMatricesResponse;
  @ApiProperty() durationMs!: number;
}
