import { DomainError } from '../common/errors.js';

/** The audit page's refusals: bad office days and windows. */
export const AuditTrailErrors = {
  dateInvalid: (field: 'from' | 'to') =>
    new DomainError('AUDIT_DATE_INVALID', 400, { zh: `“${field}”应为日期，格式 YYYY-MM-DD（如 2026-11-29）。`, en: `"${field}" must be a date written YYYY-MM-DD (e.g. 2026-11-29).` }, [
      { field, constraint: 'AUDIT_DATE_INVALID', message: '日期格式应为 YYYY-MM-DD', messageEn: 'a date written YYYY-MM-DD' },
    ]),
  rangeReversed: () =>
    new DomainError('AUDIT_RANGE_INVALID', 400, { zh: '起始日期晚于结束日期。', en: 'The start date is after the end date.' }, [
      { field: 'from', constraint: 'AUDIT_RANGE_INVALID', message: '起始日期晚于结束日期', messageEn: 'after the end date' },
    ]),
};
