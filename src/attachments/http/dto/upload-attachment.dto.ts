import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ATTACHMENT_KINDS, type AttachmentKind } from '../../attachment-kinds.js';

/** The form fields of an upload besides the file (multipart/form-data). */
export class UploadAttachmentDto {
  @ApiProperty({ enum: ATTACHMENT_KINDS, enumName: 'AttachmentKind', description: 'a unit: unit-report or other; letters are generated, never uploaded' })
  @IsIn(ATTACHMENT_KINDS)
  kind!: AttachmentKind;
}

/** The OpenAPI shape of the multipart body. */
export class UploadAttachmentForm extends UploadAttachmentDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'PDF, PNG, JPEG, TIFF, Word or Excel; at most ATTACHMENT_MAX_BYTES (20 MiB)' })
  file!: unknown;
}
