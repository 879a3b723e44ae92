import { unitOverlaps, type UnitMeeting } from './unit-overlap.js';

const at = (hhmm: string): Date => new Date(`2026-12-03T${hhmm}:00+08:00`);
const meeting = (title: string, from: string, to: string, unitCodes: string[]): UnitMeeting => ({ title, startAt: at(from), endAt: at(to), unitCodes });
const names: Record<string, string> = { GOV: '市人民政府', COURT: '市中级人民法院' };

describe('unitOverlaps (soft: an outside unit invited to two meetings at once)', () => {
  it('names the unit, both meetings and their times for each overlapping pair sharing a unit', () => {
    const joint = meeting('联席会议（12月3日上午）', '08:30', '10:30', ['GOV', 'COURT']);
    const supervision = meeting('督办会（12月3日上午）', '09:00', '11:00', ['GOV']);
    const found = unitOverlaps([joint, supervision], [], (c) => names[c] ?? c, 'Asia/Shanghai');
    expect(found).toEqual([
      {
        constraint: 'unit-overlap',
        message: '市人民政府同时受邀参加“联席会议（12月3日上午）”（12月3日 08:30–10:30）和“督办会（12月3日上午）”（12月3日 09:00–11:00），两会时间重叠，请确认该单位能分别派员或调整时间。',
      },
    ]);
  });

  it('ignores touching meetings and meetings without a shared unit; checks planned meetings against others (confirmed)', () => {
    const a = meeting('A', '08:30', '10:30', ['GOV']);
    const touching = meeting('B', '10:30', '12:00', ['GOV']);
    const otherUnit = meeting('C', '09:00', '10:00', ['COURT']);
    expect(unitOverlaps([a, touching, otherUnit], [], (c) => c, 'Asia/Shanghai')).toEqual([]);
    const confirmed = meeting('D', '10:00', '11:00', ['GOV', 'COURT']);
    // C (09:00–10:00) only touches D (10:00–11:00): no warning for COURT.
    expect(unitOverlaps([a, otherUnit], [confirmed], (c) => c, 'Asia/Shanghai').map((u) => u.message.split('，')[0])).toEqual(['GOV同时受邀参加“A”（12月3日 08:30–10:30）和“D”（12月3日 10:00–11:00）']);
  });
});
