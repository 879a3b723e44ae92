import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { type DataSource, type EntityManager, In } from 'typeorm';
import { asRow, asRows } from '../../database/rows.js';
import { MeetingMinutes, type MinutesMailStatus, MinutesAttendance, type MinutesRecord } from './minutes.entity.js';

@Injectable()
export class MinutesRepository {
  private readonly mysql: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.mysql = dataSource.options.type !== 'better-sqlite3';
  }

  async find(meetingId: string, em: EntityManager = this.dataSource.manager): Promise<MinutesRecord | null> {
    const minutes = await em.findOneBy(MeetingMinutes, { meetingId });
    if (!minutes) return null;
    return { ...minutes, attendance: await em.find(MinutesAttendance, { where: { meetingId } }) };
  }

  /** The minutes of many meetings (for lists), by meeting id. */
  async findMany(meetingIds: string[]): Promise<Map<string, MinutesRecord>> {
    if (!meetingIds.length) return new Map();
    const em = this.dataSource.manager;
    const [minutes, attendance] = await Promise.all([
      em.find(MeetingMinutes, { where: { meetingId: In(meetingIds) } }),
      em.find(MinutesAttendance, { where: { meetingId: In(meetingIds) } }),
    ]);
    return new Map(minutes.map((m) => [m.meetingId, { ...m, attendance: attendance.filter((a) => a.meetingId === m.meetingId) }]));
  }

  async insert(em: EntityManager, { attendance, ...minutes }: MinutesRecord): Promise<void> {
    await em.insert(MeetingMinutes, asRow(minutes));
    if (attendance.length) await em.insert(MinutesAttendance, asRows(attendance));
  }

  /** Optimistic update of the minutes row; false when someone else changed it first. */
  async update(em: EntityManager, meetingId: string, version: number, changes: Partial<MeetingMinutes>): Promise<boolean> {
    const result = await em
      .createQueryBuilder()
      .update(MeetingMinutes)
      .set({ ...changes, version: () => 'version + 1' })
      .where('meetingId = :meetingId AND version = :version', { meetingId, version })
      .execute();
    return (result.affected ?? 0) > 0;
  }

  /** The attendance of a draft, replaced as a whole. */
  async replaceAttendance(em: EntityManager, meetingId: string, rows: MinutesAttendance[]): Promise<void> {
    await em.delete(MinutesAttendance, { meetingId });
    if (rows.length) await em.insert(MinutesAttendance, asRows(rows));
  }

  /**
   * The next minutes number of the year, in the issuing transaction: the counter row stays locked until
   * commit, so two issues never get the same number and numbers have no gaps.
   */
  async reserveSerial(em: EntityManager, year: number): Promise<number> {
    if (this.mysql) {
      const result: { insertId?: number } = await em.query(
        'INSERT INTO minutes_counters (`year`, lastSerial) VALUES (?, LAST_INSERT_ID(1)) ON DUPLICATE KEY UPDATE lastSerial = LAST_INSERT_ID(lastSerial + 1)',
        [year],
      );
      const last = Number(result.insertId);
      if (!Number.isSafeInteger(last) || last < 1) throw new Error(`minutes counter for ${year} returned ${String(result.insertId)}`);
      return last;
    }
    const rows: { lastSerial: number }[] = await em.query(
      'INSERT INTO minutes_counters ("year", lastSerial) VALUES (?, 1) ON CONFLICT("year") DO UPDATE SET lastSerial = lastSerial + 1 RETURNING lastSerial',
      [year],
    );
    return Number(rows[0].lastSerial);
  }

  /** Marks the attendees whose minutes are to be mailed; returns those it marked (not already queued or sent). */
  async queueMail(em: EntityManager, meetingId: string, attendeeIds: string[]): Promise<string[]> {
    if (!attendeeIds.length) return [];
    const rows = await em.find(MinutesAttendance, { where: { meetingId, attendeeId: In(attendeeIds) } });
    const due = rows.filter((r) => r.mailStatus !== 'queued' && r.mailStatus !== 'sent').map((r) => r.attendeeId);
    if (due.length) await em.update(MinutesAttendance, { meetingId, attendeeId: In(due) }, { mailStatus: 'queued', mailError: null });
    return due;
  }

  async markMail(em: EntityManager, meetingId: string, attendeeIds: string[], changes: { mailStatus: MinutesMailStatus; mailedAt?: Date | null; mailError?: string | null }): Promise<void> {
    if (attendeeIds.length) await em.update(MinutesAttendance, { meetingId, attendeeId: In(attendeeIds) }, changes);
  }
}
