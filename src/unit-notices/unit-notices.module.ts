import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AttachmentsModule } from '../attachments/attachments.module.js';
import { CASE_HAND_OVERS } from '../cases/case-hand-overs.port.js';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { LettersModule } from '../letters/letters.module.js';
import { UnitLinksModule } from '../unit-links/unit-links.module.js';
import { UnitHandOvers } from './unit-hand-overs.js';
import { UnitNotice } from './unit-notice.entity.js';
import { UnitNoticeSender } from './unit-notice-sender.js';
import { UnitNoticesController } from './unit-notices.controller.js';
import { UnitNoticesRepository } from './unit-notices.repository.js';
import { UnitNoticesService } from './unit-notices.service.js';

/** Notices to handling units at each hand-over (部门联动): provides the cases module's CaseHandOvers port. */
@Module({
  imports: [TypeOrmModule.forFeature([UnitNotice]), CasesModule, DirectoryModule, LettersModule, AttachmentsModule, UnitLinksModule],
  controllers: [UnitNoticesController],
  providers: [UnitNoticesRepository, UnitHandOvers, UnitNoticeSender, UnitNoticesService, { provide: CASE_HAND_OVERS, useExisting: UnitHandOvers }],
  exports: [CASE_HAND_OVERS],
})
export class UnitNoticesModule {}
