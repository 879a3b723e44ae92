import { ApiProperty } from '@nestjs/swagger';
import { ATTACHMENT_KINDS, ATTACHMENT_VIAS, type AttachmentKind, type AttachmentVia } from '../attachment-kinds.js';
import type { AttachmentView, CaseAttachmentsView } from './attachment-view.js';

export class AttachmentResponse implements AttachmentView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: ATTACHMENT_KINDS, enumName: 'AttachmentKind' }) kind!: AttachmentKind;
  @ApiProperty({ description: 'display name (no path; ID and phone numbers masked)' }) fileName!: string;
  @ApiProperty({ example: 'application/pdf', description: 'decided by the content' }) mediaType!: string;
  @ApiProperty({ description: 'bytes' }) size!: number;
  @ApiProperty({ description: 'SHA-256 (hex) of the content' }) sha256!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the unit that uploaded it' }) unitCode!: string | null;
  @ApiProperty() uploadedByName!: string;
  @ApiProperty({ enum: ATTACHMENT_VIAS, enumName: 'AttachmentVia' }) via!: AttachmentVia;
  @ApiProperty({ type: String, nullable: true, example: '〔2026〕12号' }) letterNumber!: string | null;
  @ApiProperty({ description: 'only the office (admin, secretariat) lists and reads it: it carries the petitioner’s personal data' }) officeOnly!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ example: '/attachments/…/content' }) contentUrl!: string;
}

export class CaseAttachmentsResponse implements CaseAttachmentsView {
  @ApiProperty({ type: () => AttachmentResponse, isArray: true }) items!: AttachmentResponse[];
  @ApiProperty({ enum: ATTACHMENT_KINDS, enumName: 'AttachmentKind', isArray: true, description: 'kinds this user may upload here (empty: none)' }) uploadKinds!: AttachmentKind[];
  @ApiProperty({ description: 'largest file in bytes' }) maxBytes!: number;
  @ApiProperty({ description: 'most attachments per case' }) perCase!: number;
}
