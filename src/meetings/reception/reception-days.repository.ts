import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { rawDate } from '../../database/raw-values.js';
import { asRows } from '../../database/rows.js';
import { RoomBooking } from '../room-booking.entity.js';
import { LeaderBooking } from '../leader-booking.entity.js';
import { ReceptionDay, type ReceptionStatus } from './reception-day.entity.js';

export interface ReceptionFilter {
  from: Date;
  to: Date;
  leaderId?: string;
  statuses?: readonly ReceptionStatus[];
}

/** A leader's time taken by a confirmed meeting or reception day (`leader_bookings`). */
export interface LeaderBookingSpan {
  leaderId: string;
  bookedBy: string;
  startAt: Date;
  endAt: Date;
}

const LIST_LIMIT = 2000;

@Injectable()
export class ReceptionDaysRepository {
  constructor(@InjectRepository(ReceptionDay) private readonly days: Repository<ReceptionDay>) {}

  findById(id: string, em?: EntityManager): Promise<ReceptionDay | null> {
    return (em ?? this.days.manager).findOneBy(ReceptionDay, { id });
  }

  /** Reception days overlapping [from, to), by start. */
  list(filter: ReceptionFilter, em?: EntityManager): Promise<ReceptionDay[]> {
    const qb = (em ?? this.days.manager)
      .createQueryBuilder(ReceptionDay, 'r')
      .where('r.startAt < :to AND r.endAt > :from', { from: filter.from, to: filter.to })
      .orderBy('r.startAt', 'ASC')
      .addOrderBy('r.id', 'ASC');
    if (filter.leaderId) qb.andWhere('r.leaderId = :leaderId', { leaderId: filter.leaderId });
    if (filter.statuses) {
      if (!filter.statuses.length) return Promise.resolve([]);
      qb.andWhere('r.status IN (:...statuses)', { statuses: [...filter.statuses] });
    }
    return qb.limit(LIST_LIMIT).getMany();
  }

  /**
   * Deletes the planned days starting in [from, to) and returns their ids (a new plan of the month replaces
   * them). A locking read of the month's range (next-key locks on `idx_reception_days_start` outside
   * SQLite, whose writes run one at a time anyway): two plans of one month run one after the other, and
   * the second replaces the first's days instead of adding to them.
   */
  async deletePlanned(em: EntityManager, from: Date, to: Date): Promise<string[]> {
    const qb = em
      .createQueryBuilder(ReceptionDay, 'r')
      .select(['r.id AS id', 'r.status AS status'])
      .where('r.startAt >= :from AND r.startAt < :to', { from, to });
    if (em.connection.options.type !== 'better-sqlite3') qb.setLock('pessimistic_write');
    const rows = (await qb.getRawMany<{ id: string; status: string }>()).filter((r) => r.status === 'planned');
    const ids = rows.map((r) => r.id).sort();
    if (ids.length) await em.createQueryBuilder().delete().from(ReceptionDay).where('id IN (:...ids)', { ids }).execute();
    return ids;
  }

  async insertMany(em: EntityManager, days: ReceptionDay[]): Promise<void> {
    if (days.length) await em.insert(ReceptionDay, asRows(days));
  }

  /** Optimistic update: false when the version moved on meanwhile. */
  async update(em: EntityManager, id: string, version: number, changes: Partial<ReceptionDay>): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(ReceptionDay)
      .set({ ...changes, version: () => 'version + 1' })
      .where('id = :id AND version = :version', { id, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** Leaders' bookings (confirmed meetings and reception days) overlapping [from, to). */
  async leaderBookings(from: Date, to: Date, leaderIds?: string[]): Promise<LeaderBookingSpan[]> {
    if (leaderIds && !leaderIds.length) return [];
    const qb = this.days.manager
      .createQueryBuilder(LeaderBooking, 'b')
      .select(['b.leaderId AS leaderId', 'b.meetingId AS bookedBy', 'b.startAt AS startAt', 'b.endAt AS endAt'])
      .where('b.startAt < :to AND b.endAt > :from', { from, to });
    if (leaderIds) qb.andWhere('b.leaderId IN (:...leaderIds)', { leaderIds });
    const rows = await qb.getRawMany<{ leaderId: string; bookedBy: string; startAt: Date | string; endAt: Date | string }>();
    return rows.map((r) => ({ leaderId: r.leaderId, bookedBy: r.bookedBy, startAt: rawDate(r.startAt), endAt: rawDate(r.endAt) }));
  }

  /** Bookings of one room overlapping [from, to) (meetings and confirmed reception days). */
  async roomBookings(roomId: string, from: Date, to: Date): Promise<{ startAt: Date; endAt: Date }[]> {
    const rows = await this.days.manager
      .createQueryBuilder(RoomBooking, 'b')
      .select(['b.startAt AS startAt', 'b.endAt AS endAt'])
      .where('b.roomId = :roomId AND b.startAt < :to AND b.endAt > :from', { roomId, from, to })
      .getRawMany<{ startAt: Date | string; endAt: Date | string }>();
    return rows.map((r) => ({ startAt: rawDate(r.startAt), endAt: rawDate(r.endAt) }));
  }
}
