import { DomainError } from '../common/errors.js';

export const ReportsErrors = {
  windowInvalid: () =>
    new DomainError('REPORT_WINDOW_INVALID', 400, { zh: '统计区间无效：结束时间须晚于开始时间。', en: 'The report window must end after it starts.' }),
  windowTooLong: () => new DomainError('REPORT_WINDOW_TOO_LONG', 400, { zh: '统计区间不能超过 10 年。', en: 'The report window cannot exceed 10 years.' }),
  invalidDays: () => new DomainError('INVALID_DAYS', 400, { zh: '天数须为 1 至 366 之间的整数。', en: 'days must be a whole number from 1 to 366.' }),
};
