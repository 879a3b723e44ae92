import { describe, expect, it } from 'vitest';
import { calendarWeeks, heldBody, monthOf, shiftMonth } from './receptionRota';

describe('the rota’s month', () => {
  it('takes the month of a date and moves by months across years', () => {
    expect(monthOf('2026-12-04')).toBe('2026-12');
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2027-01', -1)).toBe('2026-12');
    expect(shiftMonth('2026-03', -3)).toBe('2025-12');
  });
});

describe('the calendar of a month', () => {
  const day = (localDate: string, startAt: string) => ({ localDate, startAt });

  it('covers whole weeks Monday to Sunday around the month, marking the days outside it', () => {
    const weeks = calendarWeeks('2026-12', []);
    expect(weeks).toHaveLength(5);
    expect(weeks[0]?.[0]).toEqual({ date: '2026-11-30', inMonth: false, days: [] });
    expect(weeks[0]?.[1]?.date).toBe('2026-12-01');
    expect(weeks[4]?.[6]).toEqual({ date: '2027-01-03', inMonth: false, days: [] });
  });

  it('puts each reception day on its office-zone date, morning before afternoon', () => {
    const pm = day('2026-12-08', '2026-12-08T06:30:00.000Z');
    const am = day('2026-12-08', '2026-12-08T00:30:00.000Z');
    const weeks = calendarWeeks('2026-12', [pm, am, day('2026-12-31', '2026-12-31T00:30:00.000Z')]);
    expect(weeks[1]?.[1]?.days).toEqual([am, pm]);
    expect(weeks[4]?.[3]?.days).toHaveLength(1);
  });
});

describe('recording a reception held', () => {
  it('sends the ticked cases with their notes, trimmed, and no empty note', () => {
    expect(heldBody(['c1', 'c2'], { c1: ' 当面听取诉求 ', c2: '  ', c3: '未接待' })).toEqual({ received: [{ caseId: 'c1', note: '当面听取诉求' }, { caseId: 'c2' }] });
    expect(heldBody([], {})).toEqual({ received: [] });
  });
});
