import { describe, expect, it } from 'vitest';
import { translate } from './useI18n';
import { attendeeFixture } from './planningFixtures';
import { emptyReplyForm, formOf, ownAttendee, replyBody, replyStateText, replyTagType } from './meetingReplies';

const zh = (key: string, params?: Record<string, string | number>) => translate('zh-CN', key, params);
const en = (key: string, params?: Record<string, string | number>) => translate('en', key, params);

describe('the reply body', () => {
  it('is null until an answer is chosen', () => {
    expect(replyBody(emptyReplyForm())).toBeNull();
  });

  it('sends the substitute only with 派员参加, trimmed, and leaves empty fields out', () => {
    expect(replyBody({ answer: 'accept', substituteName: '王建国', substitutePost: '局长', comment: '  ' })).toEqual({ answer: 'accept' });
    expect(replyBody({ answer: 'substitute', substituteName: ' 王建国 ', substitutePost: '', comment: ' 另有安排 ' })).toEqual({ answer: 'substitute', substituteName: '王建国', comment: '另有安排' });
    expect(replyBody({ answer: 'substitute', substituteName: '王建国', substitutePost: '市住建局副局长', comment: '' })).toEqual({ answer: 'substitute', substituteName: '王建国', substitutePost: '市住建局副局长' });
    expect(replyBody({ answer: 'decline', substituteName: '', substitutePost: '', comment: '外出' })).toEqual({ answer: 'decline', comment: '外出' });
  });

  it('starts from the answer already given', () => {
    expect(formOf({ partstat: 'DELEGATED', substitute: { name: '王建国', post: null } })).toEqual({ answer: 'substitute', substituteName: '王建国', substitutePost: '', comment: '' });
    expect(formOf({ partstat: 'NEEDS-ACTION', substitute: null }).answer).toBe('');
    expect(formOf({ partstat: 'DECLINED', substitute: null }).answer).toBe('decline');
  });
});

describe('the reply state in words', () => {
  it('names each answer in Chinese, the substitute with name and post', () => {
    expect(replyStateText({ partstat: 'ACCEPTED', substitute: null }, zh)).toBe('已接受');
    expect(replyStateText({ partstat: 'DECLINED', substitute: null }, zh)).toBe('已拒绝');
    expect(replyStateText({ partstat: 'NEEDS-ACTION', substitute: null }, zh)).toBe('未回复');
    expect(replyStateText({ partstat: 'DELEGATED', substitute: { name: '王建国', post: '市住建局副局长' } }, zh)).toBe('派员参加：王建国 市住建局副局长');
    expect(replyStateText({ partstat: 'DELEGATED', substitute: null }, zh)).toBe('派员参加');
  });

  it('has English words too', () => {
    expect(replyStateText({ partstat: 'ACCEPTED', substitute: null }, en)).toBe('Accepted');
    expect(replyStateText({ partstat: 'DELEGATED', substitute: { name: 'Wang', post: null } }, en)).toBe('Sends a substitute: Wang');
  });

  it('colours accepted green, declined red, delegated amber, no reply grey', () => {
    expect(['ACCEPTED', 'DECLINED', 'DELEGATED', 'NEEDS-ACTION'].map((p) => replyTagType(p as 'ACCEPTED'))).toEqual(['success', 'danger', 'warning', 'info']);
  });
});

describe('the leader’s own attendee row', () => {
  const attendees = [
    attendeeFixture({ kind: 'unit', id: 'L1', name: '市住建局', role: 'required', attendeeId: 'a0' }),
    attendeeFixture({ id: 'L1', name: '李主任', attendeeId: 'a1', partstat: 'ACCEPTED' }),
  ];
  it('is the leader row with the user’s leader id, never a unit with the same code', () => {
    expect(ownAttendee(attendees, 'L1')?.attendeeId).toBe('a1');
    expect(ownAttendee(attendees, 'L2')).toBeNull();
    expect(ownAttendee(attendees, null)).toBeNull();
  });
});
