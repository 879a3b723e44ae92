import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { LETTER_KINDS, LETTER_PLACEHOLDERS, LETTER_TEMPLATE_LIMITS, type LetterKind, type LetterPlaceholder } from '../../domain/letter-kinds.js';

const Trim = (): PropertyDecorator => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

export class GenerateLetterDto {
  @ApiProperty({ enum: LETTER_KINDS, enumName: 'LetterKind', description: '受理告知书 acceptance-notice, 不予受理告知书 rejection-notice, 转送函 transfer-letter, 交办单 assignment-sheet, 督办函 supervision-letter, 催办通报 urging-notice' })
  @IsIn(LETTER_KINDS)
  kind!: LetterKind;
}

/** An admin's wording of one kind of letter; placeholders {{caseCode}} … (GET /letter-templates lists them). */
export class LetterTemplateDto {
  @ApiProperty({ example: '关于转送信访事项的函', maxLength: LETTER_TEMPLATE_LIMITS.title }) @Trim() @IsString() @Length(1, LETTER_TEMPLATE_LIMITS.title) title!: string;
  @ApiProperty({ example: '人大信转', maxLength: LETTER_TEMPLATE_LIMITS.numberPrefix, description: 'the number reads 人大信转〔2026〕12号' })
  @Trim()
  @IsString()
  @Length(1, LETTER_TEMPLATE_LIMITS.numberPrefix)
  numberPrefix!: string;
  @ApiProperty({ example: '{{unitName}}：', maxLength: LETTER_TEMPLATE_LIMITS.addressee, description: '主送' }) @Trim() @IsString() @Length(1, LETTER_TEMPLATE_LIMITS.addressee) addressee!: string;
  @ApiProperty({ maxLength: LETTER_TEMPLATE_LIMITS.body, description: 'one paragraph per line; a line whose placeholder has no value is left out' })
  @Trim()
  @IsString()
  @Length(1, LETTER_TEMPLATE_LIMITS.body)
  body!: string;
}

export class UpdateLetterTemplateDto extends LetterTemplateDto {
  @ApiPropertyOptional({ description: 'the version read (0: the shipped wording); a newer one stored meanwhile → 409' }) @IsOptional() @IsInt() @Min(0) @Max(1_000_000) version?: number;
}

export class LetterTemplateResponse {
  @ApiProperty({ enum: LETTER_KINDS, enumName: 'LetterKind' }) kind!: LetterKind;
  @ApiProperty({ example: '转送函' }) label!: string;
  @ApiProperty({ example: 'transfer letter' }) labelEn!: string;
  @ApiProperty() title!: string;
  @ApiProperty() numberPrefix!: string;
  @ApiProperty() addressee!: string;
  @ApiProperty() body!: string;
  @ApiProperty({ description: '0: the shipped wording (config/letter-templates.json); then one more per stored edit' }) version!: number;
  @ApiProperty({ type: String, nullable: true }) updatedBy!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt!: string | null;
  @ApiProperty({ enum: LETTER_PLACEHOLDERS, enumName: 'LetterPlaceholder', isArray: true }) placeholders!: LetterPlaceholder[];
}

export class LetterPreviewResponse {
  @ApiProperty() office!: string;
  @ApiProperty({ example: '人大信转〔2026〕1号' }) number!: string;
  @ApiProperty() title!: string;
  @ApiProperty() addressee!: string;
  @ApiProperty({ type: String, isArray: true }) paragraphs!: string[];
  @ApiProperty({ example: '2026年11月26日' }) date!: string;
}

export class LetterResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: LETTER_KINDS, enumName: 'LetterKind' }) kind!: LetterKind;
  @ApiProperty({ example: '转送函' }) label!: string;
  @ApiProperty({ example: '人大信转〔2026〕12号' }) number!: string;
  @ApiProperty({ example: '市人民政府', description: 'the unit, or 信访人 for the notices to the petitioner' }) addressee!: string;
  @ApiProperty({ example: '2026年11月26日' }) date!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'uuid', description: 'download through GET /attachments/:id/content' }) attachmentId!: string;
}

export class CaseLettersResponse {
  @ApiProperty({ type: () => LetterResponse, isArray: true }) items!: LetterResponse[];
  @ApiProperty({ enum: LETTER_KINDS, enumName: 'LetterKind', isArray: true, description: 'kinds the office may generate now' }) available!: LetterKind[];
}

export class GeneratedLettersResponse extends CaseLettersResponse {
  @ApiProperty({ type: () => LetterResponse, description: 'the letter just generated' }) created!: LetterResponse;
}
