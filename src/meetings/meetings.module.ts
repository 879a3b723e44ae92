import { Module } from '@nestjs/common';
import { InviteDelivery } from '../calendar/invite-delivery.entity.js';
import { TypeOrmModule } from '@nestjs/typeorm';
import { loadMeetingsConfig } from '../../config/meetings-config.js';
import { CasesModule } from '../cases/cases.module.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AttendeeFactory } from './attendee-factory.js';
import { LeaderBookings } from './booking/leader-bookings.js';
import { InviteScheduler } from './invite-scheduler.js';
import { LeaderBooking } from './leader-booking.entity.js';
import { MeetingAttendee } from './meeting-attendee.entity.js';
import { MeetingContextService } from './meeting-context.service.js';
import { MeetingOutcome } from './meeting-outcome.entity.js';
import { MeetingPlanningService } from './meeting-planning.service.js';
import { Meeting } from './meeting.entity.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import { MEETINGS_CONFIG } from './tokens.js';
import { LookbackReview } from './lookback/lookback-review.entity.js';
import { LookbackController } from './lookback/lookback.controller.js';
import { LookbackRepository } from './lookback/lookback.repository.js';
import { LookbackService } from './lookback/lookback.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Meeting, MeetingAttendee, AgendaItem, MeetingOutcome, LeaderBooking, LookbackReview, InviteDelivery]), CasesModule, DirectoryModule],
  controllers: [MeetingsController, LookbackController],
  providers: [
    { provide: MEETINGS_CONFIG, useFactory: () => loadMeetingsConfig() },
    MeetingsRepository,
    MeetingContextService,
    AttendeeFactory,
    InviteScheduler,
    LeaderBookings,
    MeetingsService,
    MeetingPlanningService,
    LookbackRepository,
    LookbackService,
  ],
  exports: [MeetingsService, MeetingPlanningService, MeetingsRepository, MEETINGS_CONFIG],
})
export class MeetingsModule {}
