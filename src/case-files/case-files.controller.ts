import { Body, Controller, Get, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { contentDisposition } from '../attachments/attachment-file-name.js';
import { CurrentActor, Roles } from '../auth/actor.js';
import { UuidPipe } from '../common/http/uuid.pipe.js';
import type { Actor } from '../domain/actor.js';
import { AttachmentResponse, CaseAttachmentsResponse } from '../attachments/http/attachment-response.js';
import { AttachmentFileInterceptor, AttachmentFilePipe, type MulterFile } from '../attachments/http/attachment-upload.js';
import type { AttachmentView, CaseAttachmentsView } from '../attachments/http/attachment-view.js';
import { CaseFilesService } from './case-files.service.js';
import { UploadAttachmentDto, UploadAttachmentForm } from '../attachments/http/dto/upload-attachment.dto.js';

/** Attachments of a case (附件): upload, list, download (audited). Leaders see their cases', units theirs. */
@ApiTags('attachments')
@ApiBearerAuth()
@Controller()
export class CaseFilesController {
  constructor(private readonly files: CaseFilesService) {}

  @Roles('admin', 'secretariat', 'unit')
  @UseInterceptors(AttachmentFileInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ type: UploadAttachmentForm })
  @ApiCreatedResponse({ type: AttachmentResponse, description: 'the stored attachment (413 too large, 415 type, 422 count limit)' })
  @Post('cases/:id/attachments')
  upload(@Param('id', UuidPipe) id: string, @UploadedFile(AttachmentFilePipe) file: MulterFile, @Body() body: UploadAttachmentDto, @CurrentActor() actor: Actor): Promise<AttachmentView> {
    return this.files.upload(id, file, body.kind, actor);
  }

  @Roles('admin', 'secretariat', 'auditor', 'leader', 'unit')
  @ApiOkResponse({ type: CaseAttachmentsResponse })
  @Get('cases/:id/attachments')
  list(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<CaseAttachmentsView> {
    return this.files.list(id, actor);
  }

  /** The content, decrypted; every download is written to the audit trail (`attachment.download`). */
  @Roles('admin', 'secretariat', 'auditor', 'leader', 'unit')
  @ApiOkResponse({ schema: { type: 'string', format: 'binary' }, description: 'the file, with its media type and name (RFC 5987)' })
  @Get('attachments/:id/content')
  async content(@Param('id', UuidPipe) id: string, @CurrentActor() actor: Actor): Promise<StreamableFile> {
    const { record, content } = await this.files.download(id, actor);
    return new StreamableFile(content, { type: record.mediaType, length: content.length, disposition: contentDisposition(record.fileName) });
  }
}
