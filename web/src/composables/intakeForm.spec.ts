import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { emptyIntakeForm, fieldInputId, fieldValues, withoutChanged, firstProblemField, intakeFieldOf, missingFields, problemsOf, registerBodyOf, type IntakeForm } from './intakeForm';

function filled(): IntakeForm {
  const form = emptyIntakeForm(new Date('2026-12-04T01:30:00.000Z'));
  return {
    ...form,
    channel: 'visit',
    petitioner: { name: ' 张建华 ', idNumber: '', phone: '13812345678', address: '  ', organisation: '' },
    headcount: 6,
    subject: '老旧小区改造进度缓慢 ',
    content: '雨天楼道漏水。',
    category: 'urban-construction',
    region: '茅箭区',
    unitsInvolved: ['GOV', 'HOUSING'],
    important: true,
  };
}

describe('the intake form', () => {
  it('opens received "now" on the office clock', () => {
    const form = emptyIntakeForm(new Date('2026-12-03T16:30:00.000Z'));
    expect([form.receivedDate, form.receivedTime]).toEqual(['2026-12-04', '00:30']);
    expect(form.headcount).toBe(1);
  });

  it('names the required fields left empty, in the order of the form', () => {
    const form = emptyIntakeForm(new Date());
    form.receivedTime = '';
    expect(missingFields(form)).toEqual(['channel', 'receivedAt', 'petitioner.name', 'subject', 'content', 'category', 'region']);
    expect(missingFields(filled())).toEqual([]);
  });

  it('builds the body of POST /cases: office time with its instant, trimmed text, empty optional fields left out', () => {
    expect(registerBodyOf(filled())).toEqual({
      channel: 'visit',
      receivedAt: '2026-12-04T01:30:00.000Z',
      petitioner: { name: '张建华', idNumber: undefined, phone: '13812345678', address: undefined, organisation: undefined },
      headcount: 6,
      subject: '老旧小区改造进度缓慢',
      content: '雨天楼道漏水。',
      category: 'urban-construction',
      region: '茅箭区',
      unitsInvolved: ['GOV', 'HOUSING'],
      deputyReported: false,
      important: true,
      provincialReferral: false,
      leaderInstructed: false,
    });
  });

  it('sends the reporting deputy when one is chosen, and then deputyReported too', () => {
    const form = { ...filled(), reportedByDeputyId: '7d1c2a58-1b1d-4c41-9a55-0d6f4f2b9a10' };
    expect(registerBodyOf(form)).toMatchObject({ reportedByDeputyId: '7d1c2a58-1b1d-4c41-9a55-0d6f4f2b9a10', deputyReported: true });
    expect('reportedByDeputyId' in registerBodyOf(filled())).toBe(false);
    expect(fieldInputId('reportedByDeputyId')).toBe('intake-reported-by-deputy-id');
    expect(intakeFieldOf('reportedByDeputyId')).toBe('reportedByDeputyId');
  });

  it('gives each field an input id for its label', () => {
    expect(fieldInputId('petitioner.idNumber')).toBe('intake-petitioner-id-number');
    expect(fieldInputId('unitsInvolved')).toBe('intake-units-involved');
    expect(intakeFieldOf('unitsInvolved.1')).toBe('unitsInvolved');
    expect(intakeFieldOf('petitioner')).toBeUndefined();
  });
});

describe('editing a field', () => {
  it("takes away that field's problem and keeps the others", () => {
    const form = filled();
    const before = fieldValues(form);
    form.petitioner.phone = '13812345679';
    form.receivedTime = '10:00';
    const problems = { 'petitioner.phone': '电话无效', receivedAt: '时间无效', subject: '标题过长' };
    expect(withoutChanged(problems, before, fieldValues(form))).toEqual({ subject: '标题过长' });
  });
});

describe("the API's problems at the fields", () => {
  const validation = ApiError.from(400, {
    code: 'VALIDATION_FAILED',
    message: '请求内容有误',
    details: [
      { field: 'subject', constraint: 'isLength', message: '标题过长', messageEn: 'subject is too long' },
      { field: 'petitioner.name', constraint: 'isLength', message: '姓名过长', messageEn: 'name is too long' },
      { field: 'unitsInvolved.0', constraint: 'maxLength', message: '单位代码过长' },
    ],
  });

  it('reads a validation failure by field, in the chosen language, and focuses the first in form order', () => {
    const problems = problemsOf(validation, 'zh-CN');
    expect(problems).toEqual({ subject: '标题过长', 'petitioner.name': '姓名过长', unitsInvolved: '单位代码过长' });
    expect(problemsOf(validation, 'en').subject).toBe('subject is too long');
    expect(firstProblemField(problems)).toBe('petitioner.name');
  });

  it("puts a domain refusal's sentence at the field it names", () => {
    const error = ApiError.from(400, { code: 'INVALID_ID_NUMBER', message: '身份证号码无效', details: { field: 'petitioner.idNumber' } });
    expect(problemsOf(error, 'zh-CN')).toEqual({ 'petitioner.idNumber': '身份证号码无效' });
    const lookup = ApiError.from(400, { code: 'INVALID_PHONE', message: '电话无效', details: { field: 'phone' } });
    expect(problemsOf(lookup, 'zh-CN', { phone: 'petitioner.phone' })).toEqual({ 'petitioner.phone': '电话无效' });
    expect(problemsOf(ApiError.from(409, { code: 'X', message: 'y' }), 'zh-CN')).toEqual({});
  });
});
