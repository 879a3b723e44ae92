import ICAL from 'ical.js';
import { DomainError } from '../common/errors.js';
import { PII_PATTERNS } from '../common/pii/masking.js';
import { buildFeed, buildInvite } from './ics-builder.js';
import { buildBriefAgendaItem, buildInviteAttendee, buildInviteMeeting, buildInviteSettings, DEPUTY_DIRECTOR, DIRECTOR } from '../../test/support/invite-fixtures.js';
import type { InviteAttendee, InviteMeeting } from './invite.types.js';

type Component = InstanceType<typeof ICAL.Component>;

const settings = buildInviteSettings();

function parse(ics: string): { calendar: Component; events: Component[] } {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtimezone of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(vtimezone);
  return { calendar, events: calendar.getAllSubcomponents('vevent') };
}

function parseOne(ics: string): { calendar: Component; event: Component } {
  const { calendar, events } = parse(ics);
  expect(events).toHaveLength(1);
  return { calendar, event: events[0] };
}

const text = (c: Component, name: string): unknown => c.getFirstPropertyValue(name);
const unfold = (ics: string): string => ics.replace(/\r\n[ \t]/g, '');
const recipient = (meeting: InviteMeeting, id: string): InviteAttendee => {
  const found = meeting.attendees.find((a) => a.id === id);
  if (!found) throw new Error(`no attendee ${id}`);
  return found;
};

describe('buildInvite', () => {
  const meeting = buildInviteMeeting({ sequence: 3 });
  const ics = buildInvite(meeting, recipient(meeting, DEPUTY_DIRECTOR.id), settings);
  const { calendar, event } = parseOne(ics);

  it('is a METHOD:REQUEST calendar with the configured PRODID', () => {
    expect(text(calendar, 'method')).toBe('REQUEST');
    expect(text(calendar, 'version')).toBe('2.0');
    expect(text(calendar, 'prodid')).toBe(`-${settings.productId}`);
  });

  it('carries the meeting’s UID and SEQUENCE, and CONFIRMED', () => {
    expect(text(event, 'uid')).toBe(meeting.uid);
    expect(text(event, 'sequence')).toBe(3);
    expect(text(event, 'status')).toBe('CONFIRMED');
    expect(text(event, 'summary')).toBe(meeting.title);
    expect(text(event, 'location')).toBe('常委会第三会议室');
    expect(text(event, 'url')).toBe(meeting.url);
  });

  it('writes DTSTART/DTEND as Asia/Shanghai wall time with a VTIMEZONE: 09:00 local = 01:00Z', () => {
    const start = event.getFirstProperty('dtstart');
    expect(start?.getParameter('tzid')).toBe('Asia/Shanghai');
    expect(unfold(ics)).toContain('\r\nDTSTART;TZID=Asia/Shanghai:20261208T090000\r\n');
    expect(unfold(ics)).toContain('\r\nDTEND;TZID=Asia/Shanghai:20261208T110000\r\n');
    const ev = new ICAL.Event(event);
    expect(ev.startDate.toJSDate().toISOString()).toBe('2026-12-08T01:00:00.000Z');
    expect(ev.endDate.toJSDate().toISOString()).toBe('2026-12-08T03:00:00.000Z');
    const vtimezones = calendar.getAllSubcomponents('vtimezone');
    expect(vtimezones.map((tz) => text(tz, 'tzid'))).toEqual(['Asia/Shanghai']);
    expect(ics).not.toContain('X-WR-TIMEZONE');
  });

  it('stamps DTSTAMP and LAST-MODIFIED in UTC from the meeting’s updatedAt', () => {
    expect(unfold(ics)).toContain('\r\nDTSTAMP:20261130T021500Z\r\n');
    expect(unfold(ics)).toContain('\r\nLAST-MODIFIED:20261130T021500Z\r\n');
  });

  it('names the organizer with a mailto', () => {
    const organizer = event.getFirstProperty('organizer');
    expect(organizer?.getParameter('cn')).toBe('信访室');
    expect(String(organizer?.getFirstValue())).toBe('mailto:xinfang@rd.example.cn');
  });

  it('lists every attendee with an e-mail: role, RSVP=TRUE, NEEDS-ACTION and CN', () => {
    const attendees = event.getAllProperties('attendee').map((p) => ({
      cn: p.getParameter('cn'),
      role: p.getParameter('role'),
      rsvp: p.getParameter('rsvp'),
      partstat: p.getParameter('partstat'),
      to: String(p.getFirstValue()).toLowerCase(),
    }));
    expect(attendees.map((a) => [a.cn, a.role, a.to])).toEqual([
      ['李主任', 'CHAIR', 'mailto:director@rd.example.cn'],
      ['王副主任', 'REQ-PARTICIPANT', 'mailto:wang@rd.example.cn'],
      ['法工委', 'REQ-PARTICIPANT', 'mailto:fagongwei@rd.example.cn'],
      ['城建环保委', 'REQ-PARTICIPANT', 'mailto:chengjian@rd.example.cn'],
      ['市住建局', 'REQ-PARTICIPANT', 'mailto:zhujianju@gov.example.cn'],
      ['信访室', 'REQ-PARTICIPANT', 'mailto:xinfang@rd.example.cn'],
    ]);
    expect(attendees.every((a) => a.rsvp === 'TRUE' && a.partstat === 'NEEDS-ACTION')).toBe(true);
  });

  it('writes each attendee’s stored reply as PARTSTAT, asking only those who have not answered (RSVP=TRUE)', () => {
    const replied: Record<string, InviteAttendee['partstat']> = { 'wang@rd.example.cn': 'ACCEPTED', 'fagongwei@rd.example.cn': 'DELEGATED', 'chengjian@rd.example.cn': 'DECLINED' };
    const m = buildInviteMeeting();
    const next = { ...m, attendees: m.attendees.map((a) => ({ ...a, partstat: (a.email && replied[a.email]) || 'NEEDS-ACTION' })) };
    const parsed = new ICAL.Component(ICAL.parse(buildInvite(next, null, buildInviteSettings())));
    const ev = parsed.getFirstSubcomponent('vevent') as ICAL.Component;
    const states = ev.getAllProperties('attendee').map((p) => [String(p.getFirstValue()).toLowerCase(), p.getParameter('partstat'), p.getParameter('rsvp') ?? null]);
    expect(states).toEqual([
      ['mailto:director@rd.example.cn', 'NEEDS-ACTION', 'TRUE'],
      ['mailto:wang@rd.example.cn', 'ACCEPTED', null],
      ['mailto:fagongwei@rd.example.cn', 'DELEGATED', null],
      ['mailto:chengjian@rd.example.cn', 'DECLINED', null],
      ['mailto:zhujianju@gov.example.cn', 'NEEDS-ACTION', 'TRUE'],
      ['mailto:xinfang@rd.example.cn', 'NEEDS-ACTION', 'TRUE'],
    ]);
    // A cancellation asks nothing and states nothing.
    const cancel = new ICAL.Component(ICAL.parse(buildInvite({ ...next, method: 'CANCEL' }, null, buildInviteSettings()))).getFirstSubcomponent('vevent') as ICAL.Component;
    expect(cancel.getAllProperties('attendee').map((p) => [p.getParameter('partstat') ?? null, p.getParameter('rsvp') ?? null])).toEqual(Array(6).fill([null, null]));
  });

  it('marks optional attendees OPT-PARTICIPANT and lists one without e-mail in the description only', () => {
    const m = buildInviteMeeting({
      attendees: [
        ...buildInviteMeeting().attendees,
        buildInviteAttendee({ kind: 'deputy', id: 'deputy-chen', name: '陈代表', email: 'chen@deputy.example.cn', role: 'optional' }),
      ],
    });
    const { event: e } = parseOne(buildInvite(m, null, settings));
    const chen = e.getAllProperties('attendee').find((p) => p.getParameter('cn') === '陈代表');
    expect(chen?.getParameter('role')).toBe('OPT-PARTICIPANT');
    expect(e.getAllProperties('attendee').some((p) => p.getParameter('cn') === '刘代表')).toBe(false);
    expect(String(text(e, 'description'))).toContain('特邀代表：刘代表、陈代表');
  });

  it('writes one ATTENDEE per address, keeping the strongest role', () => {
    const m = buildInviteMeeting({
      attendees: [
        buildInviteAttendee({ id: 'a', name: '法工委', email: 'Shared@rd.example.cn', role: 'optional' }),
        buildInviteAttendee({ id: 'b', name: '法工委办公室', email: 'shared@rd.example.cn', role: 'required' }),
      ],
    });
    const lines = parseOne(buildInvite(m, null, settings)).event.getAllProperties('attendee');
    expect(lines.map((p) => [p.getParameter('cn'), p.getParameter('role')])).toEqual([['法工委办公室', 'REQ-PARTICIPANT']]);
  });

  it('sets a DISPLAY alarm per configured lead time: -P1D and -PT30M', () => {
    const alarms = event.getAllSubcomponents('valarm');
    expect(alarms.map((a) => text(a, 'action'))).toEqual(['DISPLAY', 'DISPLAY']);
    expect(alarms.map((a) => String(text(a, 'trigger')))).toEqual(['-P1D', '-PT30M']);
    expect(String(text(alarms[0], 'description'))).toBe(`会议提醒：${meeting.title}`);
  });

  it('puts the agenda and the leader’s own brief in the leader’s DESCRIPTION', () => {
    const description = String(text(event, 'description'));
    expect(description.split('\n')[0]).toBe('督办会 · 2026年12月8日（周二）09:00–11:00 · 常委会第三会议室');
    expect(description).toContain('1. XF-2026-000123 ');
    expect(description).toContain('2. XF-2026-000131 企业上下游配套纠纷（张湾区）  包案：李主任  30 分钟');
    expect(description).toContain('您包案的事项\n■ XF-2026-000123  提级办理');
    expect(description).not.toContain('■ XF-2026-000131');
  });

  it('gives the chair the chair’s cases and a unit no brief', () => {
    const chair = String(text(parseOne(buildInvite(meeting, recipient(meeting, DIRECTOR.id), settings)).event, 'description'));
    expect(chair).toContain('■ XF-2026-000131');
    const unit = String(text(parseOne(buildInvite(meeting, recipient(meeting, 'unit-lac'), settings)).event, 'description'));
    expect(unit).toContain('议程');
    expect(unit).not.toContain('您包案的事项');
  });

  it('is deterministic: the same meeting gives the same bytes', () => {
    expect(buildInvite(meeting, recipient(meeting, DEPUTY_DIRECTOR.id), settings)).toBe(ics);
  });

  it('refuses a time zone without VTIMEZONE data with INVITE_INVALID', () => {
    expect(() => buildInvite(meeting, null, buildInviteSettings({ timeZone: 'Mars/Olympus' }))).toThrow(DomainError);
  });
});

describe('buildInvite: cancellation', () => {
  const meeting = buildInviteMeeting({ method: 'CANCEL', sequence: 4, cancelReason: '主持领导临时公务冲突' });
  const ics = buildInvite(meeting, recipient(meeting, DEPUTY_DIRECTOR.id), settings);
  const { calendar, event } = parseOne(ics);

  it('is METHOD:CANCEL with the same UID, the raised SEQUENCE and STATUS:CANCELLED', () => {
    expect(text(calendar, 'method')).toBe('CANCEL');
    expect(text(event, 'uid')).toBe(buildInviteMeeting().uid);
    expect(text(event, 'sequence')).toBe(4);
    expect(text(event, 'status')).toBe('CANCELLED');
  });

  it('keeps the attendees, asks for no reply and sets no alarm', () => {
    const attendees = event.getAllProperties('attendee');
    expect(attendees).toHaveLength(6);
    expect(attendees.every((p) => p.getParameter('rsvp') === undefined)).toBe(true);
    expect(event.getAllSubcomponents('valarm')).toHaveLength(0);
  });

  it('starts the description with 【会议已取消】 and the reason', () => {
    expect(String(text(event, 'description')).split('\n')[0]).toBe('【会议已取消】原因：主持领导临时公务冲突');
  });
});

describe('buildFeed', () => {
  const meetings = [
    buildInviteMeeting({ uid: 'm-2@x', startAt: new Date('2026-12-15T06:30:00Z'), endAt: new Date('2026-12-15T08:00:00Z'), sequence: 1 }),
    buildInviteMeeting({ uid: 'm-1@x', sequence: 2 }),
    buildInviteMeeting({ uid: 'm-3@x', method: 'CANCEL', sequence: 5, cancelReason: '改期', startAt: new Date('2026-12-20T01:00:00Z'), endAt: new Date('2026-12-20T02:00:00Z') }),
  ];
  const ics = buildFeed('王副主任的会议, 信访室; 2026', meetings, DEPUTY_DIRECTOR.id, settings);
  const { calendar, events } = parse(ics);

  it('has one VEVENT per meeting, in start order, with each meeting’s UID and SEQUENCE', () => {
    expect(events.map((e) => [text(e, 'uid'), text(e, 'sequence')])).toEqual([
      ['m-1@x', 2],
      ['m-2@x', 1],
      ['m-3@x', 5],
    ]);
  });

  it('carries no METHOD (a snapshot, not an iTIP message), a calendar name and a refresh interval', () => {
    expect(calendar.getFirstProperty('method')).toBeNull();
    // TEXT-escaped (RFC 5545 §3.3.11); ical.js knows neither property and returns them raw.
    expect(unfold(ics)).toContain('\r\nNAME:王副主任的会议\\, 信访室\\; 2026\r\n');
    expect(unfold(ics)).toContain('\r\nX-WR-CALNAME:王副主任的会议\\, 信访室\\; 2026\r\n');
    expect(unfold(ics)).toContain('\r\nREFRESH-INTERVAL;VALUE=DURATION:PT1H\r\n');
  });

  it('keeps cancelled meetings as STATUS:CANCELLED, the others CONFIRMED', () => {
    expect(events.map((e) => text(e, 'status'))).toEqual(['CONFIRMED', 'CONFIRMED', 'CANCELLED']);
  });

  it('writes times in Asia/Shanghai, one VTIMEZONE, no ATTENDEE and no VALARM', () => {
    expect(calendar.getAllSubcomponents('vtimezone')).toHaveLength(1);
    expect(new ICAL.Event(events[1]).startDate.toJSDate().toISOString()).toBe('2026-12-15T06:30:00.000Z');
    expect(ics).not.toMatch(/^(ATTENDEE|ORGANIZER|BEGIN:VALARM)/m);
  });

  it('gives every entry the leader’s own brief', () => {
    expect(events.every((e) => String(text(e, 'description')).includes('您包案的事项\n■ XF-2026-000123'))).toBe(true);
  });

  it('is an empty but valid calendar for no meetings', () => {
    const empty = parse(buildFeed('空', [], DEPUTY_DIRECTOR.id, settings));
    expect(empty.events).toHaveLength(0);
    expect(text(empty.calendar, 'version')).toBe('2.0');
  });
});

describe('line format and privacy of every output', () => {
  const pii = buildInviteMeeting({
    title: '督办会（联系人 13912345678）',
    agenda: [
      buildBriefAgendaItem({
        subject: `身份证 420302198001011234，手机 138-1234-5678，${'老旧小区𠮷改造长期未开工、雨天漏水，'.repeat(8)}`,
        lastRequirements: '请回访 13812345678 并书面报告',
      }),
    ],
  });
  const outputs: [string, string][] = [
    ['leader invite', buildInvite(pii, recipient(pii, DEPUTY_DIRECTOR.id), settings)],
    ['unit invite', buildInvite(pii, recipient(pii, 'unit-lac'), settings)],
    ['cancellation', buildInvite({ ...pii, method: 'CANCEL', cancelReason: '改期，联系 13812345678' }, null, settings)],
    ['feed', buildFeed('王副主任 13812345678', [pii, buildInviteMeeting({ uid: 'other@x' })], DEPUTY_DIRECTOR.id, settings)],
  ];

  it.each(outputs)('%s: every line ends with CRLF and is at most 75 octets of whole UTF-8 characters', (_name, ics) => {
    const bytes = Buffer.from(ics, 'utf8');
    expect(bytes.subarray(-2).toString()).toBe('\r\n');
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    let folded = 0;
    for (let i = 0; i < bytes.length - 1; i++) {
      if (bytes[i] !== 0x0d || bytes[i + 1] !== 0x0a) continue;
      const line = bytes.subarray(start, i);
      expect(line.length).toBeLessThanOrEqual(75);
      expect(() => decoder.decode(line)).not.toThrow();
      if (line[0] === 0x20) folded++;
      start = i + 2;
    }
    expect(start).toBe(bytes.length);
    // A surrogate pair split by a fold would be a lone surrogate, encoded as U+FFFD.
    expect(ics).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(bytes.toString('utf8')).not.toContain('\uFFFD');
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(folded).toBeGreaterThan(5);
  });

  it.each(outputs)('%s: no ID number or mobile number, folded or unfolded', (_name, ics) => {
    for (const view of [ics, unfold(ics)]) {
      expect(PII_PATTERNS.idNumber.test(view)).toBe(false);
      expect(PII_PATTERNS.mobile.test(view)).toBe(false);
    }
  });

  it('shows the masked forms and the 4-byte character intact after unfolding', () => {
    const description = String(text(parseOne(outputs[0][1]).event, 'description'));
    expect(description).toContain('身份证 420***********1234，手机 138****5678');
    expect(description).toContain('老旧小区𠮷改造');
  });
});
