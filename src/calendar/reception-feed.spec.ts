import ical from 'ical-generator';
import ICAL from 'ical.js';
import { serializeCalendar, vtimezone } from './ics-serialize.js';
import { addReceptionDays, type FeedReceptionDay } from './reception-feed.js';

const day = (over: Partial<FeedReceptionDay> = {}): FeedReceptionDay => ({
  id: '11111111-1111-4111-8111-111111111111',
  status: 'confirmed',
  startAt: new Date('2026-12-08T00:30:00Z'),
  endAt: new Date('2026-12-08T04:00:00Z'),
  updatedAt: new Date('2026-11-26T02:00:00Z'),
  version: 3,
  roomName: '信访接待室',
  caseCount: 2,
  ...over,
});

function events(days: FeedReceptionDay[]): InstanceType<typeof ICAL.Component>[] {
  const calendar = ical({ name: 'feed', timezone: { name: null, generator: vtimezone } });
  addReceptionDays(calendar, days, 'Asia/Shanghai');
  const parsed = new ICAL.Component(ICAL.parse(serializeCalendar(calendar)));
  for (const tz of parsed.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return parsed.getAllSubcomponents('vevent');
}

describe('reception days in a leader’s feed', () => {
  it('gives each day a stable UID, its version as SEQUENCE, the office-time span, the room, and no petitioner', () => {
    const [ev] = events([day()]);
    expect(ev.getFirstPropertyValue('uid')).toBe('reception-11111111-1111-4111-8111-111111111111@xinfang.renda');
    expect(ev.getFirstPropertyValue('sequence')).toBe(3);
    expect(ev.getFirstPropertyValue('summary')).toBe('领导接访日');
    expect(ev.getFirstPropertyValue('location')).toBe('信访接待室');
    expect(ev.getFirstPropertyValue('description')).toBe('拟安排接待信访事项 2 件，详见信访工作平台。');
    expect(ev.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const start = new ICAL.Event(ev).startDate;
    expect([start.toString(), start.toJSDate().toISOString()]).toEqual(['2026-12-08T08:30:00', '2026-12-08T00:30:00.000Z']);
  });

  it('marks a cancelled day CANCELLED and orders days by start', () => {
    const evs = events([day({ id: 'b', startAt: new Date('2026-12-20T06:30:00Z'), endAt: new Date('2026-12-20T09:30:00Z'), status: 'cancelled', roomName: null, caseCount: 0 }), day({ id: 'a' })]);
    expect(evs.map((e) => [e.getFirstPropertyValue('uid'), e.getFirstPropertyValue('status')])).toEqual([
      ['reception-a@xinfang.renda', 'CONFIRMED'],
      ['reception-b@xinfang.renda', 'CANCELLED'],
    ]);
    expect(evs[1].getFirstPropertyValue('location')).toBeNull();
  });
});
