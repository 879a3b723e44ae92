import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { TransactionRunner } from '../src/database/transaction-runner.js';
import { LeaderBookings } from '../src/meetings/booking/leader-bookings.js';
import { type BookingSpan, ResourceBusyError } from '../src/meetings/booking/resource-bookings.js';
import { useTestApp } from './support/test-app.js';

/**
 * The database guarantee under the meetings service, without its friendly pre-check: leaders are
 * booked for exact intervals, and overlapping bookings of one leader never both commit.
 */
describe('exact leader bookings (the database guarantee)', () => {
  const t = useTestApp();
  let bookings: LeaderBookings;
  let tx: TransactionRunner;
  const span = (from: string, to: string): BookingSpan => ({ startAt: new Date(`2026-12-15T${from}:00+08:00`), endAt: new Date(`2026-12-15T${to}:00+08:00`) });
  const book = (meetingId: string, leaderIds: string[], s: BookingSpan): Promise<void> => tx.run((em) => bookings.book(em, meetingId, leaderIds, s));
  const rowsOf = async (meetingIds: string[]): Promise<[string, string, string, string][]> => {
    const rows: { leaderId: string; meetingId: string; startAt: Date | string; endAt: Date | string }[] = await t.dataSource.query(
      `SELECT leaderId, meetingId, startAt, endAt FROM leader_bookings WHERE meetingId IN (${meetingIds.map(() => '?').join(', ')}) ORDER BY startAt, leaderId`,
      meetingIds,
    );
    return rows.map((r) => [r.leaderId, r.meetingId, iso(r.startAt), iso(r.endAt)]);
  };
  let director = '';
  let deputy = '';

  beforeAll(() => {
    bookings = t.app.get(LeaderBookings);
    tx = t.app.get(TransactionRunner);
    director = t.leaders.get('director') as string;
    deputy = t.leaders.get('deputy-1') as string;
  });

  it('stores one row per leader and meeting with the exact times; touching is free, one minute of overlap is not', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await book(a, [director, deputy, director], span('09:00', '09:40'));
    const refused = await book(b, [director], span('09:39', '10:10')).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ResourceBusyError);
    expect((refused as ResourceBusyError).clashes.map((x) => [x.resourceId, x.meetingId])).toEqual([[director, a]]);
    await book(c, [director], span('09:40', '10:10'));
    expect(await rowsOf([a, b, c])).toEqual([
      ...[director, deputy].sort().map((id): [string, string, string, string] => [id, a, '2026-12-15T01:00:00.000Z', '2026-12-15T01:40:00.000Z']),
      [director, c, '2026-12-15T01:40:00.000Z', '2026-12-15T02:10:00.000Z'],
    ]);
  });

  it('re-books a moved meeting in place (it never clashes with itself) and frees leaders no longer invited', async () => {
    const m = randomUUID();
    await book(m, [director, deputy], span('14:30', '15:30'));
    await book(m, [director], span('15:00', '16:00'));
    expect(await rowsOf([m])).toEqual([[director, m, '2026-12-15T07:00:00.000Z', '2026-12-15T08:00:00.000Z']]);
    await tx.run((em) => bookings.release(em, m));
    expect(await rowsOf([m])).toEqual([]);
  });

  it('refuses a resource it cannot lock (no such leader) and books nothing', async () => {
    const m = randomUUID();
    await expect(book(m, [director, randomUUID()], span('16:00', '16:30'))).rejects.toThrow(/unknown resource/);
    expect(await rowsOf([m])).toEqual([]);
  });

  it('lets exactly one of 12 concurrent, pairwise overlapping bookings of one leader commit', async () => {
    const ids = Array.from({ length: 12 }, () => randomUUID());
    // 10:00+i … 11:00+i minutes: every two of them overlap; each also books a second leader of its own.
    const others = ['deputy-2', 'deputy-3', 'deputy-4'].map((k) => t.leaders.get(k) as string);
    const results = await Promise.allSettled(
      ids.map((id, i) =>
        book(id, [others[i % 3], director], { startAt: new Date(Date.parse('2026-12-16T02:00:00Z') + i * 60_000), endAt: new Date(Date.parse('2026-12-16T03:00:00Z') + i * 60_000) }),
      ),
    );
    const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected').map((r) => (r.reason as Error).name);
    expect([results.length - failures.length, failures]).toEqual([1, Array(11).fill('ResourceBusyError')]);
    const rows = await rowsOf(ids);
    expect(rows.filter((r) => r[0] === director)).toHaveLength(1);
    expect(rows).toHaveLength(2);
  });
});

const iso = (v: Date | string): string => (v instanceof Date ? v : new Date(`${v.replace(' ', 'T')}Z`)).toISOString();
