import { DomainError } from '../common/errors.js';

export const CaseErrors = {
  notFound: () => new DomainError('CASE_NOT_FOUND', 404, { zh: '找不到该信访事项。', en: 'No such case.' }),
  changedConcurrently: () =>
    new DomainError('CASE_CHANGED_CONCURRENTLY', 409, {
      zh: '该事项刚被他人修改，请刷新后重试。',
      en: 'The case was changed by someone else just now; reload and try again.',
    }),
  idempotencyKeyReused: () =>
    new DomainError('IDEMPOTENCY_KEY_REUSED', 409, {
      zh: '该幂等键已用于另一份不同的登记内容，请使用新的幂等键。',
      en: 'This Idempotency-Key was already used for a different registration; use a new key.',
    }),
  invalidIdempotencyKey: () =>
    new DomainError('INVALID_IDEMPOTENCY_KEY', 400, {
      zh: 'Idempotency-Key 须为 1 至 100 个字母、数字或 -_.: 字符。',
      en: 'Idempotency-Key must be 1 to 100 letters, digits or -_.: characters.',
    }),
  invalidIdNumber: () =>
    new DomainError(
      'INVALID_ID_NUMBER',
      400,
      { zh: '身份证号码无效（位数、出生日期或校验位不正确），请核对后重新输入。', en: 'The ID number is not valid (length, birth date or check digit); please check it.' },
      { field: 'petitioner.idNumber' },
    ),
  invalidPhone: () =>
    new DomainError(
      'INVALID_PHONE',
      400,
      { zh: '联系电话格式不正确，请填写手机号或带区号的固定电话。', en: 'The phone number is not valid; give a mobile number or a landline with area code.' },
      { field: 'petitioner.phone' },
    ),
  receivedInFuture: (toleranceMinutes: number) =>
    new DomainError(
      'RECEIVED_AT_IN_FUTURE',
      400,
      {
        zh: `收信/来访时间不能晚于当前时间（允许误差 ${toleranceMinutes} 分钟）。`,
        en: `receivedAt cannot lie in the future (tolerance ${toleranceMinutes} minutes).`,
      },
      { field: 'receivedAt' },
    ),
  receivedTooLongAgo: () =>
    new DomainError(
      'RECEIVED_AT_TOO_OLD',
      400,
      { zh: '收信/来访时间早于 5 年前，请核对。', en: 'receivedAt lies more than 5 years back; please check it.' },
      { field: 'receivedAt' },
    ),
  unknownRelatedCases: (ids: string[]) =>
    new DomainError(
      'UNKNOWN_RELATED_CASE',
      400,
      { zh: `关联的信访事项不存在：${ids.join('、')}。`, en: `Related case(s) not found: ${ids.join(', ')}.` },
      { ids },
    ),
  leaderInactive: () => new DomainError('LEADER_INACTIVE', 409, { zh: '该领导已停用，不能包案。', en: 'This leader is inactive.' }),
  leaderAtCapacity: (max: number) =>
    new DomainError('LEADER_AT_CAPACITY', 409, {
      zh: `该领导包案数已达上限（${max} 件），请选择其他领导或先办结在办事项。`,
      en: `This leader already has the maximum of ${max} active cases.`,
    }),
};
