import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { REPLY_ANSWERS, type ReplyAnswer } from './reply-state.js';

const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/** A reply (回执): accept, decline, or send someone instead (派员参加, with name and post). */
export class ReplyDto {
  @ApiProperty({ enum: REPLY_ANSWERS, enumName: 'ReplyAnswer', description: 'accept 接受 / decline 谢绝 / substitute 派员参加' })
  @IsIn(REPLY_ANSWERS)
  answer!: ReplyAnswer;

  @ApiPropertyOptional({ example: '王建国', description: 'who comes instead (required with substitute)' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 100)
  substituteName?: string;

  @ApiPropertyOptional({ example: '市住建局副局长' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 100)
  substitutePost?: string;

  @ApiPropertyOptional({ example: '当天上午另有外事活动', description: 'a remark for the secretariat' })
  @OptionalNotNull()
  @Trim()
  @IsString()
  @Length(1, 500)
  comment?: string;
}

export class AlternativesQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'the agenda case whose leader in charge declined; without it, the chair' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}
