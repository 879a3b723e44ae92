import { Body, Controller, Get, HttpCode, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '../auth/actor.js';
import { contentDisposition } from '../attachments/attachment-file-name.js';
import type { AttachmentRecord } from '../attachments/attachment-record.js';
import { AttachmentFileInterceptor, AttachmentFilePipe, type MulterFile } from '../attachments/http/attachment-upload.js';
import { AttachmentResponse } from '../attachments/http/attachment-response.js';
import type { AttachmentView } from '../attachments/http/attachment-view.js';
import { UploadAttachmentDto, UploadAttachmentForm } from '../attachments/http/dto/upload-attachment.dto.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import { UnitLinkActionDto } from './dto/unit-link-action.dto.js';
import { UnitLinkPageResponse } from './unit-link.response.js';
import { UnitLinkDesk, type UnitLinkPageView } from './unit-link-desk.service.js';

/**
 * A handling unit without an account works on one case through its signed link (no login; the link is
 * the only credential, limited per client address like every public route). Forged 404
 * UNIT_LINK_INVALID; expired, revoked or handed to another unit 410.
 */
@ApiTags('unit-links')
@Public()
@Controller('unit-links/:token')
export class UnitLinkPublicController {
  constructor(private readonly desk: UnitLinkDesk) {}

  @ApiOkResponse({ type: UnitLinkPageResponse })
  @Get()
  page(@Param('token') token: string): Promise<UnitLinkPageView> {
    return this.desk.page(token);
  }

  @ApiOkResponse({ type: UnitLinkPageResponse, description: 'the page after the action (409 CASE_INVALID_TRANSITION when the case refuses it)' })
  @HttpCode(200)
  @Post('actions')
  act(@Param('token') token: string, @Body() body: UnitLinkActionDto): Promise<UnitLinkPageView> {
    return this.desk.act(token, body);
  }

  /** The same interceptor and pipe as the console's upload (case-files): size, type by content, one file in field `file`. */
  @UseInterceptors(AttachmentFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentForm })
  @ApiCreatedResponse({ type: AttachmentResponse, description: 'the stored attachment, kind unit-report or other (413 too large, 415 type, 422 count limit)' })
  @Post('attachments')
  upload(@Param('token') token: string, @UploadedFile(AttachmentFilePipe) file: MulterFile, @Body() body: UploadAttachmentDto): Promise<AttachmentView> {
    return this.desk.upload(token, file, body.kind);
  }

  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: "one attachment of the link's case (audited)" })
  @Get('attachments/:attachmentId')
  async download(@Param('token') token: string, @Param('attachmentId', UuidPipe) attachmentId: string): Promise<StreamableFile> {
    const { record, content } = await this.desk.download(token, attachmentId);
    return fileOf(record, content);
  }
}

const fileOf = (record: AttachmentRecord, content: Buffer): StreamableFile =>
  new StreamableFile(content, { type: record.mediaType, length: content.length, disposition: contentDisposition(record.fileName) });
