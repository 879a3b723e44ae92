import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { describeError } from './useErrorText';

const t = (key: string) => `[${key}]`;

describe('describeError', () => {
  it("shows the API's own sentence", () => {
    const error = ApiError.from(409, { code: 'CASE_STATE', message: '该事项已受理，不能再次受理。' });
    expect(describeError(error, t)).toBe('该事项已受理，不能再次受理。');
  });

  it('names a conflict, a refusal and a lost connection when the API said nothing', () => {
    expect(describeError(ApiError.from(409, undefined), t)).toBe('[common.error.conflict]');
    expect(describeError(ApiError.from(404, undefined), t)).toBe('[common.error.notFound]');
    expect(describeError(new TypeError('Failed to fetch'), t)).toBe('[common.error.network]');
  });

  it('reads field problems by field', () => {
    const error = ApiError.from(400, { code: 'VALIDATION_FAILED', message: 'x', details: [{ field: 'petitioner.phone', constraint: 'matches', message: '电话号码格式不正确' }, { bogus: true }] });
    expect(error.fieldProblems()).toEqual({ 'petitioner.phone': '电话号码格式不正确' });
  });
});

describe('ApiError.fieldProblems', () => {
  it('reads the English sentence when asked, and a refusal that names one field', () => {
    const list = ApiError.from(400, { code: 'VALIDATION_FAILED', message: 'x', details: [{ field: 'subject', constraint: 'isNotEmpty', message: '“subject”不能为空', messageEn: 'subject should not be empty' }] });
    expect(list.fieldProblems('en')).toEqual({ subject: 'subject should not be empty' });
    const one = ApiError.from(400, { code: 'INVALID_PHONE', message: '联系电话格式不正确。', details: { field: 'phone' } });
    expect(one.fieldProblems()).toEqual({ phone: '联系电话格式不正确。' });
  });
});
