import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { FeedToken } from './feed-token.entity.js';
import { FeedService } from './feed.service.js';
import { InviteAssembler } from './invite-assembler.js';
import { InviteDelivery } from './invite-delivery.entity.js';
import { InviteDeliveryRepository } from './invite-delivery.repository.js';
import { InviteSenderService } from './invite-sender.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([InviteDelivery, FeedToken]), MeetingsModule, CasesModule, DirectoryModule],
  controllers: [CalendarController],
  providers: [InviteAssembler, InviteDeliveryRepository, InviteSenderService, FeedService, CalendarService],
})
export class CalendarModule {}
