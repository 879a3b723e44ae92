import { ApiProperty, type ApiPropertyOptions, ApiPropertyOptional } from '@nestjs/swagger';
import { GRADES, HANDLING_MODES, MEETING_TYPES, type Grade, type HandlingMode, type MeetingType, type Route } from '../../domain/case-vocabulary.js';
import type { ConditionResultExplanation, EvaluationExplanation, EvaluationView, RuleExplanation } from '../evaluation-explanation.js';
import type { ConditionExplanation, DeadlinePolicyOverride, FiredRule } from '../evaluation.types.js';

/** Any JSON value (a condition's value or a fact's value as the rule saw it). */
export const ANY_JSON_VALUE: ApiPropertyOptions = {
  nullable: true,
  oneOf: [{ type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }, { type: 'object', additionalProperties: true }],
};

const anyJson = (description: string): ApiPropertyOptions => ({ ...ANY_JSON_VALUE, description });

export class RouteResponse implements Route {
  @ApiProperty({ example: 'UCEC', description: 'unit code of the follow-up committee' }) committee!: string;
  @ApiProperty({ example: 'GOV', description: 'unit code of the handling body' }) handledBy!: string;
  @ApiProperty({ enum: HANDLING_MODES, enumName: 'HandlingMode' }) mode!: HandlingMode;
}

export class DeadlinePolicyOverrideResponse implements DeadlinePolicyOverride {
  @ApiPropertyOptional() acceptDays?: number;
  @ApiPropertyOptional() handleDays?: number;
  @ApiPropertyOptional() supervisedReplyMonths?: number;
  @ApiPropertyOptional() extensionMaxDays?: number;
}

export class ConditionResultResponse implements ConditionExplanation {
  @ApiProperty({ example: 'headcount' }) fact!: string;
  @ApiProperty({ example: 'greaterThanInclusive' }) operator!: string;
  @ApiProperty(anyJson('the value the rule compares with')) value!: unknown;
  @ApiProperty(anyJson("the fact's value when the rule ran")) factResult!: unknown;
  @ApiProperty() result!: boolean;
}

export class FiredRuleResponse implements FiredRule {
  @ApiProperty({ example: 'escalate-group-petition' }) name!: string;
  @ApiPropertyOptional({ description: 'absent on evaluations stored before descriptions were recorded' }) description?: string;
  @ApiProperty({ example: 'grade' }) eventType!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) params!: Record<string, unknown>;
  @ApiProperty({ type: () => ConditionResultResponse, isArray: true }) conditions!: ConditionResultResponse[];
}

export class ConditionResultExplanationResponse implements ConditionResultExplanation {
  @ApiProperty({ example: 'headcount' }) fact!: string;
  @ApiProperty({ example: '信访人数' }) factLabel!: string;
  @ApiProperty({ example: 'greaterThanInclusive' }) operator!: string;
  @ApiProperty(anyJson('what the rule compares with')) value!: unknown;
  @ApiProperty(anyJson("the case's value when the rule ran; null for free text (never repeated)")) factValue!: unknown;
  @ApiProperty() result!: boolean;
  @ApiProperty({ example: '信访人数 12 ≥ 5：成立' }) text!: string;
}

export class RuleExplanationResponse implements RuleExplanation {
  @ApiProperty({ example: 'escalate-group-petition' }) rule!: string;
  @ApiProperty({ type: String, nullable: true, example: '集体访（5 人及以上）提级办理' }) description!: string | null;
  @ApiProperty({ example: 'grade' }) eventType!: string;
  @ApiProperty({ description: 'only the rules that fired are recorded: always true today' }) fired!: boolean;
  @ApiProperty({ example: '定级为提级办理' }) outcome!: string;
  @ApiProperty({ type: () => ConditionResultExplanationResponse, isArray: true }) conditions!: ConditionResultExplanationResponse[];
  @ApiProperty({ example: '规则“escalate-group-petition”（集体访（5 人及以上）提级办理）成立：定级为提级办理。' }) text!: string;
}

export class EvaluationExplanationResponse implements EvaluationExplanation {
  @ApiProperty() ruleSetVersion!: number;
  @ApiProperty({ example: '按第 1 版规则：定级为提级办理，分流至 UCEC 跟踪、GOV 办理（转送）；共 3 条规则成立。' }) summary!: string;
  @ApiProperty({ type: () => RuleExplanationResponse, isArray: true }) rules!: RuleExplanationResponse[];
}

/** The rules' verdict on a case (as stored) with its explanation in words ("why this grade"). */
export class EvaluationResponse implements EvaluationView {
  @ApiProperty() ruleSetVersion!: number;
  @ApiProperty({ enum: GRADES, enumName: 'Grade' }) grade!: Grade;
  @ApiProperty({ type: () => RouteResponse }) route!: RouteResponse;
  @ApiProperty({ enum: MEETING_TYPES, enumName: 'MeetingType', nullable: true }) meetingType!: MeetingType | null;
  @ApiProperty({ type: [String], example: ['group-petition'] }) flags!: string[];
  @ApiProperty({ type: () => DeadlinePolicyOverrideResponse }) deadlines!: DeadlinePolicyOverrideResponse;
  @ApiProperty({ type: [String] }) inviteDeputyProfessions!: string[];
  @ApiProperty({ type: [String] }) specialMeetingInvitees!: string[];
  @ApiProperty({ type: () => FiredRuleResponse, isArray: true }) firedRules!: FiredRuleResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'set when the rule set failed (the case is then normal + needs-review)' }) error!: string | null;
  @ApiProperty({ type: () => EvaluationExplanationResponse }) explanation!: EvaluationExplanationResponse;
}
