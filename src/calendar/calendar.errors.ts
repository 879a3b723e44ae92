import { DomainError } from '../common/errors.js';

export const CalendarErrors = {
  /** A meeting or settings value an invite cannot be built from (a bug upstream, not user input). */
  invalidInvite: (field: string, reason: string) =>
    new DomainError(
      'INVITE_INVALID',
      400,
      { zh: `无法生成会议邀请：${field} 无效（${reason}）`, en: `Cannot build the invite: ${field} is invalid (${reason})` },
      { field, reason },
    ),
  /** Unknown and revoked feed tokens answer alike. */
  feedNotFound: () => new DomainError('FEED_NOT_FOUND', 404, { zh: '找不到该日历订阅。', en: 'No such calendar feed.' }),
  feedIssueForbidden: () =>
    new DomainError('FORBIDDEN', 403, { zh: '只能为本人或由信访室申请日历订阅地址。', en: 'Only the leader or the secretariat may issue this feed.' }),
  invalidAttendeeId: () => new DomainError('INVALID_ATTENDEE_ID', 400, { zh: '参会人编号格式不正确。', en: 'The attendeeId is malformed.' }),
  attendeeNotFound: () => new DomainError('ATTENDEE_NOT_FOUND', 404, { zh: '该会议没有这位参会人。', en: 'No such attendee on this meeting.' }),
};
