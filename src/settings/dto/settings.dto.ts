import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsObject, IsString, Max, MaxLength, Min } from 'class-validator';
import { OptionalNotNull } from '../../common/http/optional-not-null.js';
import { OfficeSettingsBodyResponse } from './settings.response.js';

/** The largest value of an `int` column (MySQL/MariaDB refuse more). */
const MAX_INT_COLUMN = 2_147_483_647;

/** A draft's content. `body` is checked in depth by the settings validator (path-precise problems). */
export class SettingsDraftDto {
  @ApiProperty({ type: () => OfficeSettingsBodyResponse, description: 'checked by the settings validator; invalid → 400 SETTINGS_INVALID with details[]' })
  @IsObject()
  body!: Record<string, unknown>;

  @ApiProperty({ example: '2027 年元旦调休', maxLength: 500 })
  @IsString()
  @MaxLength(500)
  note!: string;
}

export class CreateSettingsDto extends SettingsDraftDto {
  @ApiPropertyOptional({ description: 'version this draft starts from', maximum: MAX_INT_COLUMN })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(MAX_INT_COLUMN)
  basedOn?: number;
}

/** Publish / rollback: why (the console always sends one). */
export class SettingsActivationDto {
  @ApiPropertyOptional({ maxLength: 500 })
  @OptionalNotNull()
  @IsString()
  @MaxLength(500)
  note?: string;
}
