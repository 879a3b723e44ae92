import { describe, expect, it } from '@jest/globals';
import { DomainError } from '../../common/errors.js';
import type { MeetingAttendee } from '../meeting-attendee.entity.js';
import type { MeetingAggregate } from '../meeting-aggregate.js';
import type { Meeting } from '../meeting.entity.js';
import { planReply } from './attendee-reply.js';
import type { Reply } from './reply-state.js';
import { replyWarnings } from './reply-warnings.js';

const AT = new Date('2026-11-26T02:00:00Z');
const attendee = (id: string, kind: MeetingAttendee['kind'], refId: string, name: string, overrides: Partial<MeetingAttendee> = {}): MeetingAttendee => ({
  id,
  meetingId: 'm1',
  kind,
  refId,
  name,
  email: null,
  role: 'required',
  active: true,
  partstat: 'NEEDS-ACTION',
  repliedAt: null,
  replyVia: null,
  substituteName: null,
  substitutePost: null,
  replyComment: null,
  ...overrides,
});

function aggregate(status: Meeting['status'] = 'confirmed', attendees?: MeetingAttendee[]): MeetingAggregate {
  return {
    meeting: { id: 'm1', chairId: 'L-director', status, sequence: 2 } as Meeting,
    attendees: attendees ?? [
      attendee('a-chair', 'leader', 'L-director', '李明华主任', { role: 'chair' }),
      attendee('a-wang', 'leader', 'L-wang', '王建国副主任'),
      attendee('a-unit', 'unit', 'UCEC', '城建环保委'),
      attendee('a-gone', 'leader', 'L-chen', '陈静副主任', { active: false }),
    ],
    agenda: [
      { id: 'i1', meetingId: 'm1', position: 0, caseId: 'c1', caseCode: 'XF-2026-000001', leadLeaderId: 'L-wang', presenterUnit: 'UCEC', minutes: 20 },
      { id: 'i2', meetingId: 'm1', position: 1, caseId: 'c2', caseCode: 'XF-2026-000002', leadLeaderId: 'L-director', presenterUnit: 'UCEC', minutes: 20 },
    ],
    outcomes: [],
  };
}

const reply = (partstat: Reply['partstat'], substitute: Reply['substitute'] = null): Reply => ({ partstat, via: 'link', at: AT, substitute, comment: null });
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'no error';
  } catch (error) {
    return error instanceof DomainError ? `${error.status} ${error.code}` : String(error);
  }
};

describe('planReply', () => {
  it('computes the new state, the audit entry and a replied event (no SEQUENCE change)', () => {
    const op = planReply(aggregate(), 'a-unit', reply('DELEGATED', { name: '陈建伟', post: '副主任' }));
    expect(op.next).toMatchObject({ partstat: 'DELEGATED', substituteName: '陈建伟', replyVia: 'link' });
    expect(op.audit).toMatchObject({ action: 'meeting.reply', data: { attendeeId: 'a-unit', from: 'NEEDS-ACTION', partstat: 'DELEGATED', answer: '派员参加', substituteName: '陈建伟' } });
    expect(op.event).toEqual({ kind: 'replied', meetingId: 'm1', sequence: 2, invited: [], removed: [], at: AT });
    expect(op.warnings).toEqual([]); // a unit sending a substitute is normal
  });

  it('applied twice changes nothing the second time: no audit, no event', () => {
    const first = planReply(aggregate(), 'a-wang', reply('ACCEPTED'));
    const after = aggregate();
    after.attendees = after.attendees.map((a) => (a.id === 'a-wang' ? first.attendee : a));
    expect(planReply(after, 'a-wang', reply('ACCEPTED'))).toMatchObject({ next: null, ignored: 'same', audit: null, event: null, warnings: [] });
  });

  it('raises the warnings of a leader in charge and of the chair declining, once', () => {
    const wang = planReply(aggregate(), 'a-wang', reply('DECLINED'));
    expect(wang.warnings.map((w) => [w.code, w.caseCode])).toEqual([['LEAD_DECLINED', 'XF-2026-000001']]);
    expect(wang.warnings[0].message).toBe('XF-2026-000001 的包案领导王建国副主任已谢绝出席，请安排替补包案领导或另择时间（见“替代方案”）。');
    const chair = planReply(aggregate(), 'a-chair', reply('DELEGATED', { name: '孙立', post: '秘书长' }));
    expect(chair.warnings.map((w) => [w.code, w.caseCode])).toEqual([
      ['CHAIR_DECLINED', null],
      ['LEAD_DECLINED', 'XF-2026-000002'],
    ]);
    expect(chair.warnings[0].message).toContain('派员参加（孙立，秘书长）');
  });

  it('refuses a cancelled meeting (410), a removed or unknown attendee (404), a draft or held meeting (409), a substitute without a name (400)', () => {
    expect(codeOf(() => planReply(aggregate('cancelled'), 'a-wang', reply('ACCEPTED')))).toBe('410 REPLY_MEETING_CANCELLED');
    expect(codeOf(() => planReply(aggregate(), 'a-gone', reply('ACCEPTED')))).toBe('404 REPLY_NOT_INVITED');
    expect(codeOf(() => planReply(aggregate(), 'nobody', reply('ACCEPTED')))).toBe('404 ATTENDEE_NOT_FOUND');
    expect(codeOf(() => planReply(aggregate('draft'), 'a-wang', reply('ACCEPTED')))).toBe('409 REPLY_NOT_OPEN');
    expect(codeOf(() => planReply(aggregate('held'), 'a-wang', reply('ACCEPTED')))).toBe('409 REPLY_NOT_OPEN');
    expect(codeOf(() => planReply(aggregate(), 'a-unit', reply('DELEGATED', { name: '  ', post: null })))).toBe('400 REPLY_SUBSTITUTE_MISSING');
  });
});

describe('replyWarnings', () => {
  it('lists nothing while nobody in charge declined, and ignores removed attendees', () => {
    const a = aggregate();
    expect(replyWarnings(a)).toEqual([]);
    a.attendees = a.attendees.map((x) => (x.id === 'a-gone' ? { ...x, partstat: 'DECLINED' } : x.id === 'a-wang' ? { ...x, partstat: 'ACCEPTED' } : x));
    expect(replyWarnings(a)).toEqual([]);
  });
});
