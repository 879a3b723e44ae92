import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { loadLetterTemplates } from '../../config/letter-templates.js';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { CaseLettersController, LetterTemplatesController } from './letters.controller.js';
import { CaseLetter, LetterCounter, LetterTemplate } from './letter.entity.js';
import { LETTER_TEMPLATE_DEFAULTS, LetterTemplatesService } from './letter-templates.service.js';
import { LettersRepository } from './letters.repository.js';
import { LettersService } from './letters.service.js';

/** Official letters (公文): templates, numbering, .docx after GB/T 9704, kept as case attachments. */
@Module({
  imports: [TypeOrmModule.forFeature([LetterTemplate, CaseLetter, LetterCounter]), CasesModule, DirectoryModule, AttachmentsModule],
  controllers: [CaseLettersController, LetterTemplatesController],
  providers: [{ provide: LETTER_TEMPLATE_DEFAULTS, useFactory: () => loadLetterTemplates() }, LettersRepository, LetterTemplatesService, LettersService],
  exports: [LettersService],
})
export class LettersModule {}
