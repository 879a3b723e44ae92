import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CasesModule } from '../../cases/cases.module.js';
import { DirectoryModule } from '../../directory/directory.module.js';
import { LeaderBookings } from '../booking/leader-bookings.js';
import { RoomBookings } from '../booking/room-bookings.js';
import { LeaderBooking } from '../leader-booking.entity.js';
import { ReceptionCommitments } from './reception-commitments.js';
import { ReceptionDay } from './reception-day.entity.js';
import { ReceptionDaysController } from './reception-days.controller.js';
import { ReceptionDaysRepository } from './reception-days.repository.js';
import { ReceptionDaysService } from './reception-days.service.js';
import { ReceptionPlanningService } from './reception-planning.service.js';
import { ReceptionViews } from './reception-views.js';

/**
 * 领导接访日: the monthly rota and the days' lifecycle. Books leaders (and rooms) through the same
 * booking classes as meetings (stateless; the guarantee is the database's row locks), so a reception
 * day and a meeting of one leader never overlap.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ReceptionDay, LeaderBooking]), CasesModule, DirectoryModule],
  controllers: [ReceptionDaysController],
  providers: [ReceptionDaysRepository, ReceptionViews, ReceptionPlanningService, ReceptionDaysService, ReceptionCommitments, LeaderBookings, RoomBookings],
  // The meetings module's planner and checks read confirmed reception days through this port.
  exports: [ReceptionCommitments],
})
export class ReceptionModule {}
