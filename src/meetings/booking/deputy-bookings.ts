import { Injectable } from '@nestjs/common';
import { Deputy } from '../../directory/deputy.entity.js';
import { DeputyBooking } from '../deputy-booking.entity.js';
import { ResourceBookings } from './resource-bookings.js';

/** Deputies' time taken by confirmed meetings: exact intervals, one deputy row lock per booker (see `ResourceBookings`). */
@Injectable()
export class DeputyBookings extends ResourceBookings {
  constructor() {
    super({ booking: DeputyBooking, resource: 'deputyId', lockRow: Deputy });
  }
}
