import { Injectable } from '@nestjs/common';
import { Room } from '../../directory/room.entity.js';
import { RoomBooking } from '../room-booking.entity.js';
import { ResourceBookings } from './resource-bookings.js';

/** Rooms' time taken by confirmed meetings: exact intervals, one room row lock per booker (see `ResourceBookings`). */
@Injectable()
export class RoomBookings extends ResourceBookings {
  constructor() {
    super({ booking: RoomBooking, resource: 'roomId', lockRow: Room });
  }
}
