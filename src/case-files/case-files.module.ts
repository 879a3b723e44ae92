import { Module } from '@nestjs/common';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { AttachmentFileInterceptor, AttachmentFilePipe } from '../attachments/http/attachment-upload.js';
import { CaseFilesController } from './case-files.controller.js';
import { CaseFilesService } from './case-files.service.js';

/** HTTP for the attachments of cases (src/attachments keeps them). */
@Module({
  imports: [AttachmentsModule, CasesModule],
  controllers: [CaseFilesController],
  providers: [CaseFilesService, AttachmentFileInterceptor, AttachmentFilePipe],
})
export class CaseFilesModule {}
