import { DomainError } from '../common/errors.js';

/** 单位考评: the scorecard's and the evaluation records' error codes (Chinese first, English available). */
export const UnitEvaluationErrors = {
  /** Unknown unit, or a unit account asking for another unit: the same answer (no confirmation it exists). */
  unitNotFound: () => new DomainError('UNIT_NOT_FOUND', 404, { zh: '找不到该单位。', en: 'No such unit.' }),
  periodInvalid: () =>
    new DomainError('EVALUATION_PERIOD_INVALID', 400, {
      zh: '考评期间无效：应为年度（如 2026）、半年（2026-H1、2026-H2）、季度（2026-Q1 至 2026-Q4）或月份（2026-01 至 2026-12），年份在 2000 至 2099 之间。',
      en: 'The evaluation period must be a year (2026), a half (2026-H1, 2026-H2), a quarter (2026-Q1 … 2026-Q4) or a month (2026-01 … 2026-12), years 2000–2099.',
    }),
  evaluatedByRequired: () =>
    new DomainError('VALIDATION_FAILED', 400, { zh: '请求内容有误：“evaluatedBy”不能为空。', en: 'Invalid request: evaluatedBy should not be empty.' }, [{ field: 'evaluatedBy', constraint: 'isNotEmpty' }]),
  concurrentWrite: () =>
    new DomainError('EVALUATION_CONCURRENT_WRITE', 409, { zh: '该考评结果正被同时修改，请刷新后重试。', en: 'The evaluation is being recorded by someone else at the same time; reload and try again.' }),
  periodWithWindow: () =>
    new DomainError('REPORT_WINDOW_INVALID', 400, { zh: '统计区间无效：请指定考评期间（period）或起止日期（from、to），不要同时指定。', en: 'Give either an evaluation period or from/to, not both.' }),
  notFound: () => new DomainError('EVALUATION_NOT_FOUND', 404, { zh: '该单位在此期间没有考评结果。', en: 'The unit has no evaluation recorded for this period.' }),
  scoreGradeMismatch: (grade: string, score: number, range: string) =>
    new DomainError(
      'EVALUATION_SCORE_GRADE_MISMATCH',
      422,
      { zh: `得分 ${score} 与考评等次不符：该等次的得分应在 ${range} 之间。`, en: `The score ${score} does not match the grade ${grade}: it should be within ${range}.` },
      { grade, score, range },
    ),
};
