import { DomainError } from '../common/errors.js';

export const JobErrors = {
  jobNotFound: () => new DomainError('JOB_NOT_FOUND', 404, { zh: '找不到该任务。', en: 'No such job.' }),
};
