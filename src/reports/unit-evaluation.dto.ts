import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { EVALUATION_GRADES, type EvaluationGrade } from './unit-evaluation.entity.js';

/** PUT /units/:unitId/evaluations/:period: the evaluation result as the 信访局 gave it. */
export class RecordEvaluationDto {
  @ApiProperty({ enum: EVALUATION_GRADES, description: '考评等次: excellent 优秀, good 良好, pass 合格, fail 不合格' })
  @IsIn(EVALUATION_GRADES)
  grade!: EvaluationGrade;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: 100, description: 'score 0–100 (whole number), within the grade’s range: 优秀 90–100, 良好 80–89, 合格 60–79, 不合格 0–59' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsInt()
  @Min(0)
  @Max(100)
  score?: number | null;

  @ApiProperty({ example: '市信访局', description: 'the body that evaluated' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  evaluatedBy!: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '签收及时，答复规范。' })
  @IsOptional()
  @ValidateIf((_o, v) => v !== null)
  @IsString()
  @MaxLength(1000)
  remark?: string | null;
}
