import { ApiProperty } from '@nestjs/swagger';
import type { ConversionView } from '../conversions.service.js';
import { CONVERSION_KINDS, type ConversionKind } from '../case-conversion.entity.js';

/** A recorded conversion (四个转化). */
export class ConversionViewResponse implements ConversionView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [String] }) relatedCaseIds!: string[];
  @ApiProperty({ enum: CONVERSION_KINDS, enumName: 'ConversionKind' }) kind!: ConversionKind;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}
