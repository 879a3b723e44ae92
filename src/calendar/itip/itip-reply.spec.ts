import { describe, expect, it } from '@jest/globals';
import { parseContentLine, parseItipReply } from './itip-reply.js';

const reply = (attendee: string, extra = ''): string =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Client//EN',
    'METHOD:REPLY',
    'BEGIN:VEVENT',
    'UID:meeting-1@xinfang.renda',
    'SEQUENCE:2',
    'DTSTAMP:20261126T030405Z',
    attendee,
    extra,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ]
    .filter((l) => l !== '')
    .join('\r\n');

describe('parseItipReply', () => {
  it('reads UID, SEQUENCE, DTSTAMP and the attendee with PARTSTAT (e-mail lower-cased)', () => {
    expect(parseItipReply(reply('ATTENDEE;PARTSTAT=ACCEPTED;CN="王, 主任":mailto:Wang.JianGuo@Renda.example.cn'))).toEqual({
      uid: 'meeting-1@xinfang.renda',
      sequence: 2,
      stampedAt: new Date('2026-11-26T03:04:05Z'),
      attendees: [{ email: 'wang.jianguo@renda.example.cn', partstat: 'ACCEPTED', delegateName: null }],
    });
  });

  it('unfolds long lines (a CRLF followed by a space continues the line)', () => {
    const parsed = parseItipReply(reply('ATTENDEE;CN=王建国;PARTSTAT=DECLI\r\n NED:mailto:wang@renda.example.cn'));
    expect(parsed?.attendees).toEqual([{ email: 'wang@renda.example.cn', partstat: 'DECLINED', delegateName: null }]);
  });

  it('takes a delegation with the delegate’s name and skips the delegate’s own line', () => {
    const parsed = parseItipReply(
      reply('ATTENDEE;PARTSTAT=DELEGATED;DELEGATED-TO="mailto:li@gov.example.cn":mailto:wang@renda.example.cn', 'ATTENDEE;DELEGATED-FROM="mailto:wang@renda.example.cn";CN=李四;PARTSTAT=ACCEPTED:mailto:li@gov.example.cn'),
    );
    expect(parsed?.attendees).toEqual([{ email: 'wang@renda.example.cn', partstat: 'DELEGATED', delegateName: '李四' }]);
  });

  it('is null for a REQUEST, a reply without attendee, UID or valid DTSTAMP, and for garbage', () => {
    expect(parseItipReply(reply('ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.cn').replace('METHOD:REPLY', 'METHOD:REQUEST'))).toBeNull();
    expect(parseItipReply(reply('X-NOTHING:1'))).toBeNull();
    expect(parseItipReply(reply('ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.cn').replace('UID:meeting-1@xinfang.renda\r\n', ''))).toBeNull();
    expect(parseItipReply(reply('ATTENDEE;PARTSTAT=ACCEPTED:mailto:a@b.cn').replace('20261126T030405Z', '2026-11-26'))).toBeNull();
    expect(parseItipReply(reply('ATTENDEE;PARTSTAT=ACCEPTED:not-an-address'))).toBeNull();
    expect(parseItipReply('\u0000\u0001;;;:::\r\n"""')).toBeNull();
    expect(parseItipReply('')).toBeNull();
  });

  it('parses quoted parameter values holding : and ;', () => {
    expect(parseContentLine('ATTENDEE;CN="a:b;c";PARTSTAT=TENTATIVE:mailto:x@y.cn')).toEqual({ name: 'ATTENDEE', params: { CN: 'a:b;c', PARTSTAT: 'TENTATIVE' }, value: 'mailto:x@y.cn' });
    expect(parseContentLine('ATTENDEE;CN="unterminated:mailto:x@y.cn')).toBeNull();
  });
});
