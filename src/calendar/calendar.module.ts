import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { MeetingsModule } from '../meetings/meetings.module.js';
import { ReceptionModule } from '../meetings/reception/reception.module.js';
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
import { ImapProcessedMessage } from './itip/imap-processed-message.entity.js';
import { ImapProcessedRepository } from './itip/imap-processed.repository.js';
import { ItipPollScheduler } from './itip/itip-poll-scheduler.js';
import { ItipPoller } from './itip/itip-poller.js';

@Module({
  imports: [TypeOrmModule.forFeature([InviteDelivery, FeedToken, ImapProcessedMessage]), MeetingsModule, CasesModule, DirectoryModule, ReceptionModule],
  controllers: [CalendarController],
  // InviteScheduler registers itself on the meetings' events: deliveries commit with the meeting's change.
  providers: [InviteAssembler, InviteDeliveryRepository, InviteScheduler, InviteSenderService, FeedTokenRepository, FeedService, CalendarService, ImapProcessedRepository, ItipPoller, ItipPollScheduler],
})
export class CalendarModule {}
