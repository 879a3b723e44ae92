import { foldLines as libraryFold } from 'ical-generator';
import { createFeedCalendar, createInviteCalendar } from './ics-builder.js';
import { foldLines, serializeCalendar } from './ics-serialize.js';
import { buildBriefAgendaItem, buildInviteMeeting, buildInviteSettings, DEPUTY_DIRECTOR } from '../../test/support/invite-fixtures.js';

const settings = buildInviteSettings();

describe('serializeCalendar', () => {
  const meeting = buildInviteMeeting({
    agenda: [buildBriefAgendaItem({ subject: `混合 ASCII and 中文 𠮷😀 ${'长'.repeat(90)}; a, b \\ c` })],
  });
  const calendars = [
    ['an invite to a leader', createInviteCalendar(meeting, meeting.attendees[1], settings)],
    ['an invite without recipient, English', createInviteCalendar(meeting, null, settings, { locale: 'en' })],
    ['a cancellation', createInviteCalendar({ ...meeting, method: 'CANCEL', cancelReason: '改期' }, null, settings)],
    ['a feed with a 90-minute TTL', createFeedCalendar('会议, 订阅', [meeting, buildInviteMeeting({ uid: 'x@y', method: 'CANCEL' })], DEPUTY_DIRECTOR.id, settings, { ttlMinutes: 90 })],
    ['an empty feed of one day TTL', createFeedCalendar('空', [], DEPUTY_DIRECTOR.id, settings, { ttlMinutes: 1440 })],
  ] as const;

  it.each(calendars)('writes %s exactly as ical-generator’s toString(), plus the final CRLF', (_what, calendar) => {
    expect(serializeCalendar(calendar)).toBe(`${calendar.toString()}\r\n`);
  });

  it('refuses calendar fields it does not write', () => {
    const calendar = createInviteCalendar(meeting, null, settings);
    calendar.url('https://example.cn/cal');
    expect(() => serializeCalendar(calendar)).toThrow(/writes PRODID, METHOD, NAME, TTL/);
  });
});

describe('foldLines', () => {
  it('folds like ical-generator for ASCII, CJK, 4-byte characters and lines of exactly 74/75/76 octets', () => {
    const samples = [
      'A'.repeat(74),
      'A'.repeat(75),
      'A'.repeat(76),
      `DESCRIPTION:${'中'.repeat(60)}`,
      `X:${'😀'.repeat(40)}a${'𠮷'.repeat(30)}`,
      `SUMMARY:${'ab中😀'.repeat(50)}`,
      ['short', 'B'.repeat(200), ''].join('\r\n'),
    ];
    for (const s of samples) expect(foldLines(s)).toBe(libraryFold(s));
  });

  it('keeps every physical line within 75 octets without splitting a character', () => {
    const folded = foldLines(`D:${'码😀x'.repeat(200)}`);
    for (const line of folded.split('\r\n')) {
      const bytes = Buffer.from(line, 'utf8');
      expect(bytes.length).toBeLessThanOrEqual(75);
      // A split surrogate pair would be a lone surrogate here (and U+FFFD once encoded).
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});
