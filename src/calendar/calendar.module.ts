import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { CalendarController } from './calendar.controller.js';
import { CalendarService } from './calendar.service.js';
import { FeedToken } from './feed-token.entity.js';
import { FeedTokenRepository } from './feed-token.repository.js';
import { FeedService } from './feed.service.js';
import { InviteAssembler } from './invite-assembler.js';
import { InviteDelivery } from './invite-delivery.entity.js';
import { InviteDeliveryRepository } from './invite-delivery.repository.js';
import { InviteScheduler } from './invite-scheduler.js';
import { InviteSenderService } from './invite-sender.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([InviteDelivery, FeedToken]), MeetingsModule, CasesModule, DirectoryModule],
  controllers: [CalendarController],
  // InviteScheduler registers itself on the meetings' events: deliveries commit with the meeting's change.
  providers: [InviteAssembler, InviteDeliveryRepository, InviteScheduler, InviteSenderService, FeedTokenRepository, FeedService, CalendarService],
})
export class CalendarModule {}
