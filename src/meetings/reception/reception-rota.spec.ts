import { DateTime } from 'luxon';
import { WorkingCalendar } from '../../common/time/working-calendar.js';
import { byUrgency, halfDayLabel, monthWindow, planReceptionRota, type RotaCase, type RotaInput, type RotaLeader } from './reception-rota.js';

const ZONE = 'Asia/Shanghai';
const local = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const fmt = (d: Date): string => DateTime.fromJSDate(d, { zone: ZONE }).toFormat('yyyy-MM-dd HH:mm');

const leader = (id: string, portfolio: string[] = [], regions: string[] = []): RotaLeader => ({ id, name: `领导${id}`, portfolio, regions });
const LEADERS = [leader('a'), leader('b'), leader('c'), leader('d')];

function input(overrides: Partial<RotaInput> = {}): RotaInput {
  return {
    month: '2026-12',
    timeZone: ZONE,
    officeHours: [
      ['08:30', '12:00'],
      ['14:30', '17:30'],
    ],
    calendar: new WorkingCalendar(),
    now: local('2026-11-26T10:00'),
    leaders: LEADERS,
    busy: [],
    kept: [],
    cases: [],
    maxCasesPerDay: 8,
    ...overrides,
  };
}

let seq = 0;
const aCase = (over: Partial<RotaCase> = {}): RotaCase => {
  seq += 1;
  return { id: `case-${seq}`, code: `XF${String(seq).padStart(4, '0')}`, grade: 'normal', category: 'land', region: '茅箭区', repeatCount: 0, leadLeaderId: null, dueAt: null, ...over };
};

describe('monthWindow', () => {
  it('is the month in the office time zone, and null for anything but YYYY-MM', () => {
    expect(monthWindow('2026-12', ZONE)).toEqual({ from: new Date('2026-11-30T16:00:00Z'), to: new Date('2026-12-31T16:00:00Z') });
    for (const bad of ['2026-13', '2026-1', '26-12', '2026-12-01', '', '2026-00']) expect(monthWindow(bad, ZONE)).toBeNull();
  });
});

describe('planReceptionRota', () => {
  it('uses only the half-days the chosen reception room is open and free', () => {
    // A room open afternoons only, booked on the afternoons of 14–18 December.
    const busy = ['14', '15', '16', '17', '18'].map((d) => ({ start: local(`2026-12-${d}T14:00`), end: local(`2026-12-${d}T18:00`) }));
    const { days, unplaced } = planReceptionRota(input({ room: { hours: [['14:30', '17:30']], busy } }));
    expect(unplaced).toEqual([]);
    expect(days).toHaveLength(4);
    for (const d of days) {
      expect(`${fmt(d.start).slice(11)}–${fmt(d.end).slice(11)}`).toBe('14:30–17:30');
      expect(['2026-12-14', '2026-12-15', '2026-12-16', '2026-12-17', '2026-12-18']).not.toContain(d.localDate);
    }
    // A room never open in office hours leaves every leader out, with the reason.
    const closed = planReceptionRota(input({ room: { hours: [['18:00', '20:00']], busy: [] } }));
    expect(closed.days).toEqual([]);
    expect(closed.unplaced.map((u) => u.reason)).toEqual(Array(4).fill(closed.unplaced[0].reason));
    expect(closed.unplaced[0].reason).toContain('接待室');
  });

  it('gives each leader one whole office-hours half-day on a distinct working day, spread over the month', () => {
    const { days, unplaced } = planReceptionRota(input());
    expect(unplaced).toEqual([]);
    expect(days.map((d) => d.leaderId).sort()).toEqual(['a', 'b', 'c', 'd']);
    const calendar = new WorkingCalendar();
    for (const d of days) {
      expect(calendar.isWorkingDay(d.localDate)).toBe(true);
      const span = `${fmt(d.start).slice(11)}–${fmt(d.end).slice(11)}`;
      expect(['08:30–12:00', '14:30–17:30']).toContain(span);
      expect(d.halfDay).toBe(span.startsWith('08') ? 'am' : 'pm');
      expect(fmt(d.start).slice(0, 10)).toBe(d.localDate);
    }
    expect(new Set(days.map((d) => d.localDate)).size).toBe(4);
    // Spread: one in each quarter of the month's office days (22 in December 2026).
    const dates = days.map((d) => d.localDate);
    expect(dates[0] < '2026-12-08').toBe(true);
    expect(dates[3] > '2026-12-22').toBe(true);
    expect(dates).toEqual([...dates].sort());
    // Mornings and afternoons in turn.
    expect(new Set(days.map((d) => d.halfDay))).toEqual(new Set(['am', 'pm']));
  });

  it('turns the order by one place each month, so the first leader of the list is not always first', () => {
    const firstOf = (month: string): string => planReceptionRota(input({ month, now: local('2026-01-01T00:00') })).days[0].leaderId;
    const firsts = ['2027-01', '2027-02', '2027-03', '2027-04'].map(firstOf);
    expect(new Set(firsts).size).toBe(4);
  });

  it('avoids the leader’s busy blocks and confirmed bookings, and never uses a half-day twice', () => {
    const free = planReceptionRota(input()).days.find((d) => d.leaderId === 'b');
    if (!free) throw new Error('b was placed');
    const busy = [{ leaderId: 'b', start: local(`${free.localDate}T00:00`), end: local(`${free.localDate}T23:59`) }];
    const { days } = planReceptionRota(input({ busy }));
    const b = days.find((d) => d.leaderId === 'b');
    expect(b?.localDate).toBeDefined();
    expect(b?.localDate).not.toBe(free.localDate);
    const starts = days.map((d) => d.start.getTime());
    expect(new Set(starts).size).toBe(starts.length);
  });

  it('skips holidays and uses make-up working days (调休) of the office calendar', () => {
    const calendar = new WorkingCalendar({ holidays: ['2026-12-01'], workdays: ['2026-12-12'] });
    const busy = [{ leaderId: 'a', start: local('2026-12-01T00:00'), end: local('2026-12-12T00:00') }, { leaderId: 'a', start: local('2026-12-13T00:00'), end: local('2027-01-01T00:00') }];
    const { days } = planReceptionRota(input({ calendar, busy, leaders: [leader('a'), leader('b')] }));
    expect(days.find((d) => d.leaderId === 'a')?.localDate).toBe('2026-12-12');
    expect(days.some((d) => d.localDate === '2026-12-01')).toBe(false);
    const october = planReceptionRota(input({ month: '2026-10', now: local('2026-09-01T00:00') })).days;
    expect(october.every((d) => d.localDate < '2026-10-01' || d.localDate > '2026-10-07')).toBe(true);
  });

  it('uses only half-days that start after now', () => {
    const now = local('2026-12-30T09:00');
    const { days, unplaced } = planReceptionRota(input({ now }));
    expect(days.map((d) => fmt(d.start))).toEqual(['2026-12-30 14:30', '2026-12-31 08:30', '2026-12-31 14:30']);
    expect(unplaced).toHaveLength(1);
    expect(unplaced[0].reason).toBe('该领导有空的办公半天都已安排了其他领导接访（每个半天只安排一场接访）。');
  });

  it('explains a leader left out: a confirmed day kept, busy all month, or no office half-day left', () => {
    const kept = [{ leaderId: 'a', start: local('2026-12-08T08:30'), end: local('2026-12-08T12:00') }];
    const busy = [{ leaderId: 'b', start: local('2026-12-01T00:00'), end: local('2027-01-01T00:00') }];
    const { days, unplaced } = planReceptionRota(input({ kept, busy }));
    expect(unplaced).toEqual([
      { leaderId: 'a', reason: '本月已有确认的接访日（12月8日上午），不再重复安排。' },
      { leaderId: 'b', reason: '本月每个办公半天该领导都有会议或其他安排，无法安排接访。' },
    ]);
    expect(days.map((d) => d.leaderId).sort()).toEqual(['c', 'd']);
    expect(days.some((d) => fmt(d.start) === '2026-12-08 08:30')).toBe(false);
    const late = planReceptionRota(input({ now: local('2026-12-31T18:00') }));
    expect(late.days).toEqual([]);
    expect(late.unplaced.map((u) => u.reason)).toEqual(Array(4).fill('本月已没有可安排的办公半天（剩余日期均为节假日、休息日或已过去）。'));
  });

  it('lets the most constrained leader choose first', () => {
    // c is free only on 12-02 morning; the others are free all month.
    const busy = [
      { leaderId: 'c', start: local('2026-12-01T00:00'), end: local('2026-12-02T08:30') },
      { leaderId: 'c', start: local('2026-12-02T12:00'), end: local('2027-01-01T00:00') },
    ];
    const { days, unplaced } = planReceptionRota(input({ busy }));
    expect(unplaced).toEqual([]);
    expect(fmt(days.find((d) => d.leaderId === 'c')?.start ?? new Date(0))).toBe('2026-12-02 08:30');
  });

  it('proposes the cases in the leader’s charge and repeat petitioners of the leader’s field, most urgent first, at most N, each once', () => {
    const a = leader('a', ['land'], []);
    const b = leader('b', [], ['郧阳区']);
    const due = (d: string): Date => local(`${d}T17:30`);
    const aCharge = aCase({ leadLeaderId: 'a', dueAt: due('2026-12-20') });
    const aUrgent = aCase({ leadLeaderId: 'a', grade: 'escalated', dueAt: due('2026-12-25') });
    const repeatLand = aCase({ repeatCount: 2, category: 'land', dueAt: due('2026-12-10') });
    const repeatRegionB = aCase({ repeatCount: 1, category: 'labour', region: '郧阳区' });
    const notRepeat = aCase({ repeatCount: 0, category: 'land' });
    const othersCharge = aCase({ repeatCount: 3, category: 'land', leadLeaderId: 'z' });
    const both = aCase({ repeatCount: 1, category: 'land', region: '郧阳区', dueAt: due('2026-12-05') });
    const cases = [aCharge, aUrgent, repeatLand, repeatRegionB, notRepeat, othersCharge, both];
    const { days } = planReceptionRota(input({ leaders: [a, b], cases }));
    const of = (id: string): string[] => days.find((d) => d.leaderId === id)?.caseIds ?? [];
    expect(of('a')).toEqual([aUrgent, both, repeatLand, aCharge].filter((c) => c !== both || of('a').includes(both.id)).map((c) => c.id));
    expect([...of('a'), ...of('b')].filter((id) => id === both.id)).toHaveLength(1);
    expect(of('b')).toContain(repeatRegionB.id);
    expect([...of('a'), ...of('b')]).not.toContain(notRepeat.id);
    expect([...of('a'), ...of('b')]).not.toContain(othersCharge.id);
    const capped = planReceptionRota(input({ leaders: [a], cases: Array.from({ length: 12 }, () => aCase({ leadLeaderId: 'a' })), maxCasesPerDay: 8 }));
    expect(capped.days[0].caseIds).toHaveLength(8);
  });

  it('ranks by grade, then deadline (none last), then repeat count', () => {
    const x = aCase({ grade: 'normal', dueAt: local('2026-12-01T00:00') });
    const y = aCase({ grade: 'joint-consultation', dueAt: null });
    const z = aCase({ grade: 'normal', dueAt: null, repeatCount: 5 });
    const w = aCase({ grade: 'normal', dueAt: null, repeatCount: 1 });
    expect([w, z, x, y].sort(byUrgency).map((c) => c.id)).toEqual([y.id, x.id, z.id, w.id]);
  });

  it('labels a half-day in Chinese', () => {
    expect(halfDayLabel(local('2026-12-08T14:30'), ZONE)).toBe('12月8日下午');
  });
});
