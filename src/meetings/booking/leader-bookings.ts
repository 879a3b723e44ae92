import { Injectable } from '@nestjs/common';
import { Leader } from '../../directory/leader.entity.js';
import { LeaderBooking } from '../leader-booking.entity.js';
import { ResourceBookings } from './resource-bookings.js';

/** Leaders' time taken by confirmed meetings: exact intervals, one leader row lock per booker (see `ResourceBookings`). */
@Injectable()
export class LeaderBookings extends ResourceBookings {
  constructor() {
    super({ booking: LeaderBooking, resource: 'leaderId', lockRow: Leader });
  }
}
