import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { AttachmentFileInterceptor, AttachmentFilePipe } from '../attachments/http/attachment-upload.js';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { UnitLinkDesk } from './unit-link-desk.service.js';
import { UnitLink } from './unit-link.entity.js';
import { UnitLinkPublicController } from './unit-link-public.controller.js';
import { UnitLinksController } from './unit-links.controller.js';
import { UnitLinksRepository } from './unit-links.repository.js';
import { UnitLinks } from './unit-links.service.js';

/** Signed per-case links for handling units that do not log in (issue 15 §1; docs/unit-links.md). */
@Module({
  imports: [TypeOrmModule.forFeature([UnitLink]), CasesModule, DirectoryModule, AttachmentsModule],
  controllers: [UnitLinksController, UnitLinkPublicController],
  providers: [UnitLinksRepository, UnitLinks, UnitLinkDesk, AttachmentFileInterceptor, AttachmentFilePipe],
  // The hand-over notices (unit-notices) issue a link with each notice through UnitLinks.issueIn.
  exports: [UnitLinks],
})
export class UnitLinksModule {}
