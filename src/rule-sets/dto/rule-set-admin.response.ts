import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

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
