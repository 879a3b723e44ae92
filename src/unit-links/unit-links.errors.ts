import { DomainError } from '../common/errors.js';

/** What a unit link (单位办理链接) can be refused for: stable codes, a sentence the unit's clerk understands. */
export const UnitLinkErrors = {
  invalid: () =>
    new DomainError('UNIT_LINK_INVALID', 404, {
      zh: '办理链接无效，请使用通知邮件中的完整链接。',
      en: 'The link is not valid; use the whole link from the notice.',
    }),
  expired: () =>
    new DomainError('UNIT_LINK_EXPIRED', 410, {
      zh: '办理链接已过期，请联系信访室重新发送。',
      en: 'The link has expired; ask the petition office for a new one.',
    }),
  revoked: () =>
    new DomainError('UNIT_LINK_REVOKED', 410, {
      zh: '办理链接已被信访室收回，请联系信访室。',
      en: 'The petition office has revoked this link.',
    }),
  handedOver: () =>
    new DomainError('UNIT_LINK_HANDED_OVER', 410, {
      zh: '该信访事项已不由本单位承办，链接已失效。',
      en: 'The case is no longer handled by this unit; the link no longer works.',
    }),
  notFound: () => new DomainError('UNIT_LINK_NOT_FOUND', 404, { zh: '找不到该办理链接。', en: 'No such unit link.' }),
  noHandlingUnit: () =>
    new DomainError('UNIT_LINK_NO_UNIT', 409, {
      zh: '该信访事项尚未交办或转送给承办单位，不能发送办理链接。',
      en: 'The case has no handling unit yet; there is nobody to send a link to.',
    }),
  caseClosed: () =>
    new DomainError('UNIT_LINK_CASE_CLOSED', 409, {
      zh: '该信访事项已办结，不能再发送办理链接。',
      en: 'The case is closed; no new link can be issued.',
    }),
};
