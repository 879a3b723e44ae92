import { describe, expect, it } from '@jest/globals';
import { PII_PATTERNS } from '../common/pii/masking.js';
import { buildBriefAgendaItem, buildInviteAttendee, buildInviteMeeting, buildInviteSettings } from '../../test/support/invite-fixtures.js';
import { buildInvite } from './ics-builder.js';
import { mailText } from './invite-sender.service.js';

/**
 * Issue 14: a deputy (人大代表) invited to a meeting gets the brief units get: the agenda by case code,
 * subject and region, no petitioner (not even masked), no ID number or phone, no leader's case detail,
 * and no link to the console (deputies have no account).
 */
describe('a deputy’s invite', () => {
  const settings = buildInviteSettings();
  const deputy = buildInviteAttendee({ kind: 'deputy', id: 'deputy-huang', name: '黄律代表', email: 'huang.lv@deputy.example.cn', role: 'optional' });
  const meeting = buildInviteMeeting({
    url: 'https://xinfang.example.cn/console/meetings/m1',
    attendees: [...buildInviteMeeting().attendees, deputy],
    agenda: [buildBriefAgendaItem({ petitionerMasked: '张*' })],
  });

  it('names the deputy among the invited and lists the agenda without the petitioner', () => {
    const text = mailText(meeting, deputy, settings);
    expect(text).toContain('特邀代表：');
    expect(text).toContain('黄律代表');
    expect(text).toContain('XF-2026-000123 老旧小区改造进度缓慢');
    expect(text).not.toContain('信访人');
    expect(text).not.toContain('张*');
    expect(text).not.toContain('您包案的事项');
    expect(text).not.toContain('/console/');
  });

  it('carries no ID number or phone in the .ics either', () => {
    const ics = buildInvite(meeting, deputy, settings);
    expect(ics).toContain('BEGIN:VEVENT');
    expect(PII_PATTERNS.idNumber.test(ics)).toBe(false);
    expect(PII_PATTERNS.mobile.test(ics)).toBe(false);
    expect(ics).not.toContain('信访人');
  });
});
