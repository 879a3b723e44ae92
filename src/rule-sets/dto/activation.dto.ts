import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';

/** The optional body of `POST /rules/sets/:id/publish` and `…/rollback`: why (the console always sends one). */
export class ActivationNoteDto {
  @ApiPropertyOptional({ example: '集体访门槛调整为 10 人（主任会议决定）', maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(500)
  note?: string;
}
