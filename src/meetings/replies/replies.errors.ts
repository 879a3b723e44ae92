import { DomainError } from '../../common/errors.js';

/** What a reply (回执) can be refused for: stable codes, a sentence a secretary (or an invitee) understands. */
export const ReplyErrors = {
  linkInvalid: () =>
    new DomainError('REPLY_LINK_INVALID', 404, { zh: '回执链接无效，请使用会议邀请邮件中的完整链接。', en: 'The reply link is not valid; use the whole link from the invite.' }),
  linkExpired: () =>
    new DomainError('REPLY_LINK_EXPIRED', 410, { zh: '回执链接已过期（会议已结束），如需说明请联系信访室。', en: 'The reply link has expired (the meeting is over).' }),
  meetingCancelled: () => new DomainError('REPLY_MEETING_CANCELLED', 410, { zh: '该会议已取消，无需回复。', en: 'The meeting was cancelled; no reply is needed.' }),
  notInvited: () =>
    new DomainError('REPLY_NOT_INVITED', 404, { zh: '您已不在本次会议的邀请名单中，无需回复。', en: 'You are no longer invited to this meeting.' }),
  attendeeNotFound: () => new DomainError('ATTENDEE_NOT_FOUND', 404, { zh: '找不到该参会人员。', en: 'No such attendee of this meeting.' }),
  notOpen: (status: string) =>
    new DomainError('REPLY_NOT_OPEN', 409, {
      zh: status === 'draft' ? '会议尚未确认，暂不能登记回执。' : '会议已召开，不能再登记回执。',
      en: status === 'draft' ? 'The meeting is not confirmed yet.' : 'The meeting has been held; replies are closed.',
    }),
  substituteMissing: () =>
    new DomainError('REPLY_SUBSTITUTE_MISSING', 400, { zh: '派员参加时请填写参会人员姓名。', en: 'Name the person who comes instead.' }),
  noLinkedLeader: () =>
    new DomainError('FORBIDDEN', 403, { zh: '您的账号未关联领导，不能回复会议邀请。', en: 'Your account is not linked to a leader.' }),
  caseNotLed: () =>
    new DomainError('REPLY_CASE_NOT_DECLINED', 400, {
      zh: '该信访事项的包案领导（或主持人）未谢绝出席，无需替代方案。',
      en: 'Neither the leader in charge of the case nor the chair declined.',
    }),
};
