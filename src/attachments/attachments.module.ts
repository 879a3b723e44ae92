import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { AppConfig } from '../../config/app-config.js';
import { PiiCipher } from '../common/pii/pii-cipher.js';
import { APP_CONFIG } from '../common/tokens.js';
import { CaseAttachment } from './attachment.entity.js';
import { AttachmentStore } from './attachment-store.js';
import { AttachmentsRepository } from './attachments.repository.js';
import { AttachmentsService } from './attachments.service.js';

/** Case attachments: sealed storage, metadata, audited reading; no HTTP (src/case-files serves them). */
@Module({
  imports: [TypeOrmModule.forFeature([CaseAttachment])],
  providers: [
    AttachmentsRepository,
    AttachmentsService,
    { provide: AttachmentStore, inject: [APP_CONFIG, PiiCipher], useFactory: (config: AppConfig, cipher: PiiCipher) => new AttachmentStore(config.attachments.dir, cipher) },
  ],
  exports: [AttachmentsService],
})
export class AttachmentsModule {}
