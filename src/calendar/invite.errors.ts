import { badRequest, type DomainError } from '../common/errors.js';

/** A meeting or settings value an invite cannot be built from (a bug upstream, not user input). */
export const invalidInvite = (field: string, reason: string): DomainError =>
  badRequest(
    'INVITE_INVALID',
    { zh: `无法生成会议邀请：${field} 无效（${reason}）`, en: `Cannot build the invite: ${field} is invalid (${reason})` },
    { field, reason },
  );
