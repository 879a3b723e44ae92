import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ACTIVATION_ACTIONS, REGRADE_STATUSES, type ActivationAction, type RegradeStatus } from '../rule-set-activation.entity.js';
import type { RuleSetChange, RuleSetChangeKind } from '../../rules/rule-set-diff.js';
import type { ActivatedRuleSetView, RuleSetActivationView, RuleSetDiffView } from '../rule-sets.service.js';
import { RuleSetRefResponse, RuleSetViewResponse } from './rule-set.response.js';

/** Responses of the rule-set history routes: the JSON Schema of the format, activations, and diffs. */

export class RuleSetSchemaResponse {
  @ApiProperty({ example: 'http://json-schema.org/draft-07/schema#' }) $schema!: string;
  @ApiProperty() $id!: string;
  @ApiProperty({ example: '规则集' }) title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ example: 'object' }) type!: string;
  @ApiProperty({ type: [String] }) required!: string[];
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'version, note, precedence, rules' }) properties!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'rule, conditions, condition1…condition11, leaf, event' })
  definitions!: Record<string, unknown>;
  @ApiPropertyOptional({ description: 'error code of a failed keyword (read by the server validator; JSON Schema tools ignore it)' }) 'x-code'?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, description: 'error code of each missing required property' })
  'x-missing'?: Record<string, string>;
}

export class RegradeProgressResponse {
  @ApiProperty({ enum: REGRADE_STATUSES, enumName: 'RegradeStatus' }) status!: RegradeStatus;
  @ApiProperty({ description: 'cases looked at so far' }) scanned!: number;
  @ApiProperty({ description: 'open, not yet routed cases graded by another version when the job started' }) total!: number;
  @ApiProperty({ description: 'cases whose grade, route or meeting changed' }) changed!: number;
}

export class RuleSetActivationResponse implements RuleSetActivationView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) ruleSetId!: string;
  @ApiProperty({ description: 'the version that became active' }) version!: number;
  @ApiProperty({ enum: ACTIVATION_ACTIONS, enumName: 'ActivationAction' }) action!: ActivationAction;
  @ApiProperty({ type: Number, nullable: true, description: 'the version active before' }) fromVersion!: number | null;
  @ApiProperty({ example: '集体访门槛调整为 10 人' }) note!: string;
  @ApiProperty({ example: 'admin' }) by!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ type: () => RegradeProgressResponse }) regrade!: RegradeProgressResponse;
}

export class ActivatedRuleSetResponse extends RuleSetViewResponse implements ActivatedRuleSetView {
  @ApiProperty({ format: 'uuid', description: 'the activation recorded (GET /rules/activations)' }) activationId!: string;
}

export class RuleSetChangeResponse implements RuleSetChange {
  @ApiProperty({ type: String, nullable: true, description: 'the rule’s name; null for the precedence or the note', example: 'escalate-group-petition' }) rule!: string | null;
  @ApiProperty({ enum: ['added', 'removed', 'changed', 'precedence', 'note'], enumName: 'RuleSetChangeKind' }) kind!: RuleSetChangeKind;
  @ApiProperty({ example: '集体访提级办理（信访人数）门槛：5人 → 10人' }) zh!: string;
  @ApiProperty({ example: 'escalate-group-petition (Petitioners) threshold: 5 people → 10 people' }) en!: string;
}

export class RuleSetDiffResponse implements RuleSetDiffView {
  @ApiProperty({ type: () => RuleSetRefResponse, description: 'the set compared against (`against`)' }) from!: RuleSetRefResponse;
  @ApiProperty({ type: () => RuleSetRefResponse, description: 'the set of the path (`:id`)' }) to!: RuleSetRefResponse;
  @ApiProperty({ type: () => RuleSetChangeResponse, isArray: true }) changes!: RuleSetChangeResponse[];
}
