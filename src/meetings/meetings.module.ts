import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../cases/cases.module.js';
import { LEADER_MEETING_CASES } from '../cases/leader-meeting-cases.port.js';
import { DirectoryModule } from '../directory/directory.module.js';
import { ReceptionModule } from './reception/reception.module.js';
import { AgendaItem } from './agenda-item.entity.js';
import { AttendeeFactory } from './attendee-factory.js';
import { LeaderBookings } from './booking/leader-bookings.js';
import { MeetingBookings } from './booking/meeting-bookings.js';
import { RoomBookings } from './booking/room-bookings.js';
import { RoomBooking } from './room-booking.entity.js';
import { MeetingCasesOfLeaders } from './leader-meeting-cases.js';
import { LeaderBooking } from './leader-booking.entity.js';
import { MeetingAttendee } from './meeting-attendee.entity.js';
import { MeetingContextService } from './meeting-context.service.js';
import { MeetingEvents } from './meeting-events.js';
import { MeetingOutcome } from './meeting-outcome.entity.js';
import { MeetingPlanningService } from './meeting-planning.service.js';
import { MeetingReader } from './meeting-reader.js';
import { Meeting } from './meeting.entity.js';
import { MeetingsController } from './meetings.controller.js';
import { MeetingsRepository } from './meetings.repository.js';
import { MeetingsService } from './meetings.service.js';
import { MinutesController } from './minutes/minutes.controller.js';
import { MinutesRepository } from './minutes/minutes.repository.js';
import { MinutesSender } from './minutes/minutes-sender.js';
import { MinutesService } from './minutes/minutes.service.js';
import { LookbackReview } from './lookback/lookback-review.entity.js';
import { LookbackController } from './lookback/lookback.controller.js';
import { LookbackRepository } from './lookback/lookback.repository.js';
import { LookbackService } from './lookback/lookback.service.js';
import { DeputyBookings } from './booking/deputy-bookings.js';
import { DeputyBooking } from './deputy-booking.entity.js';
import { DeputyInvitations } from './deputies/deputy-invitations.service.js';
import { DeputyInvitationsRepository } from './deputies/deputy-invitations.repository.js';
import { MeetingRepliesService } from './replies/meeting-replies.service.js';
import { RepliesController } from './replies/replies.controller.js';
import { RepliesRepository } from './replies/replies.repository.js';
import { ReplyLinks } from './replies/reply-links.js';

@Module({
  imports: [TypeOrmModule.forFeature([Meeting, MeetingAttendee, AgendaItem, MeetingOutcome, LeaderBooking, RoomBooking, LookbackReview, DeputyBooking]), CasesModule, DirectoryModule, ReceptionModule],
  controllers: [MeetingsController, LookbackController, RepliesController, MinutesController],
  providers: [
    MeetingsRepository,
    MeetingContextService,
    AttendeeFactory,
    LeaderBookings,
    RoomBookings,
    MeetingBookings,
    MeetingEvents,
    MeetingReader,
    MeetingsService,
    MeetingPlanningService,
    MinutesRepository,
    MinutesService,
    MinutesSender,
    LookbackRepository,
    LookbackService,
    DeputyInvitationsRepository,
    DeputyInvitations,
    DeputyBookings,
    RepliesRepository,
    ReplyLinks,
    MeetingRepliesService,
    // The cases module's port (a leader reads the cases of the meetings he or she attends).
    MeetingCasesOfLeaders,
    { provide: LEADER_MEETING_CASES, useExisting: MeetingCasesOfLeaders },
  ],
  // The calendar registers its handler on MeetingEvents and reads through MeetingReader; the repository stays private.
  exports: [MeetingsService, MeetingRepliesService, ReplyLinks, MeetingPlanningService, MeetingReader, MeetingEvents, LEADER_MEETING_CASES, DeputyInvitations],
})
export class MeetingsModule {}
