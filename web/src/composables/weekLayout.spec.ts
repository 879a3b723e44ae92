import { describe, expect, it } from 'vitest';
import { addDays, hourRange, layoutWeek, localSlot, mondayOf, nextMonday, officeToday, weekdayOf } from './weekLayout';

/** Office zone is Asia/Shanghai (UTC+8) in the tests: 09:00 there is 01:00Z. */
const at = (date: string, time: string): string => new Date(`${date}T${time}:00+08:00`).toISOString();
const meeting = (id: string, date: string, start: string, end: string) => ({ id, startAt: at(date, start), endAt: at(date, end) });

describe('week dates', () => {
  it('finds the Monday of a week and the next Monday', () => {
    expect(weekdayOf('2026-12-07')).toBe(0);
    expect(weekdayOf('2026-12-13')).toBe(6);
    expect(mondayOf('2026-12-10')).toBe('2026-12-07');
    expect(nextMonday('2026-12-04')).toBe('2026-12-07');
    expect(nextMonday('2026-12-07')).toBe('2026-12-14');
    expect(addDays('2026-12-28', 7)).toBe('2027-01-04');
  });

  it('reads today in the office zone, not UTC', () => {
    expect(officeToday(new Date('2026-12-06T17:00:00Z'))).toBe('2026-12-07');
  });

  it('reads a meeting’s office-zone date and minutes', () => {
    expect(localSlot(meeting('a', '2026-12-08', '09:00', '11:30'))).toEqual({ date: '2026-12-08', startMin: 540, endMin: 690 });
  });
});

describe('layoutWeek', () => {
  it('puts each meeting in its day column with top and height from its times', () => {
    const week = layoutWeek('2026-12-07', [meeting('a', '2026-12-08', '09:00', '11:00')]);
    expect(week.days.map((d) => d.date)).toEqual(['2026-12-07', '2026-12-08', '2026-12-09', '2026-12-10', '2026-12-11']);
    expect(week.range).toEqual({ startMin: 480, endMin: 1080 });
    expect(week.hours).toHaveLength(10);
    const [block] = week.days[1]!.blocks;
    expect(block?.item.id).toBe('a');
    expect(block?.top).toBeCloseTo(10);
    expect(block?.height).toBeCloseTo(20);
    expect(block?.lanes).toBe(1);
  });

  it('shows Saturday only when a meeting falls there, and leaves out other weeks', () => {
    const week = layoutWeek('2026-12-07', [meeting('sat', '2026-12-12', '09:00', '10:00'), meeting('later', '2026-12-15', '09:00', '10:00')]);
    expect(week.days.map((d) => d.weekday)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(week.days.flatMap((d) => d.blocks.map((b) => b.item.id))).toEqual(['sat']);
  });

  it('sets overlapping meetings side by side and leaves the next one full width', () => {
    const week = layoutWeek('2026-12-07', [
      meeting('a', '2026-12-07', '09:00', '11:00'),
      meeting('b', '2026-12-07', '10:00', '12:00'),
      meeting('c', '2026-12-07', '11:00', '11:30'),
      meeting('d', '2026-12-07', '14:30', '16:00'),
    ]);
    const lanes = Object.fromEntries(week.days[0]!.blocks.map((b) => [b.item.id, [b.lane, b.lanes]]));
    expect(lanes).toEqual({ a: [0, 2], b: [1, 2], c: [0, 2], d: [0, 1] });
  });

  it('widens the rows to whole hours for a meeting outside office hours', () => {
    expect(hourRange([{ date: '2026-12-07', startMin: 7 * 60 + 30, endMin: 19 * 60 + 10 }])).toEqual({ startMin: 420, endMin: 1200 });
  });
});
