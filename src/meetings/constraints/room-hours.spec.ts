import { isAvailableHours } from '../../directory/dto/available-hours.js';
import { describeRoomHours, withinRoomHours } from './room-hours.js';

const at = (hhmm: string, day = '03'): Date => new Date(`2026-12-${day}T${hhmm}:00+08:00`);
const ZONE = 'Asia/Shanghai';

describe('room hours', () => {
  it('accepts a meeting inside one available period, not across two or outside, and anything for null (office hours)', () => {
    const hours: [string, string][] = [
      ['08:30', '12:00'],
      ['14:30', '17:30'],
    ];
    expect(withinRoomHours(hours, at('08:30'), at('12:00'), ZONE)).toBe(true);
    expect(withinRoomHours(hours, at('11:00'), at('15:00'), ZONE)).toBe(false);
    expect(withinRoomHours(hours, at('08:00'), at('09:00'), ZONE)).toBe(false);
    expect(withinRoomHours(hours, at('17:00'), at('09:00', '04'), ZONE)).toBe(false);
    expect(withinRoomHours(null, at('07:00'), at('23:00'), ZONE)).toBe(true);
    expect([describeRoomHours(hours), describeRoomHours(null)]).toEqual(['08:30–12:00、14:30–17:30', '办公时间']);
  });

  it('validates available hours: HH:MM periods in order, each starting before it ends', () => {
    expect(isAvailableHours([['08:30', '12:00']])).toBe(true);
    expect(isAvailableHours([['08:30', '12:00'], ['14:30', '17:30']])).toBe(true);
    for (const bad of [[], [['12:00', '08:30']], [['14:30', '17:30'], ['08:30', '12:00']], [['8:30', '12:00']], [['08:30', '24:00']], [['08:30']], 'office', [[830, 1200]], Array(7).fill(['08:00', '09:00'])]) {
      expect({ bad, ok: isAvailableHours(bad) }).toEqual({ bad, ok: false });
    }
  });
});
