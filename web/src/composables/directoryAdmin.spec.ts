import { describe, expect, it } from 'vitest';
import { ApiError } from '@/api/errors';
import { createBody, formProblems, joinWords, moved, patchBody, splitWords, withLine, withoutLine } from './directoryAdmin';

const FIELDS = ['code', 'name', 'email', 'categories', 'responsibilities', 'active'] as const;

describe('a directory form’s bodies', () => {
  const form = { code: 'HOUSING', name: ' 市住建局 ', email: '', categories: ['urban-construction'], responsibilities: ['受理来信', ' ', '督办'], active: true };

  it('creates with trimmed values, leaving empty text out and blank list lines off', () => {
    expect(createBody(form, FIELDS)).toEqual({ code: 'HOUSING', name: '市住建局', categories: ['urban-construction'], responsibilities: ['受理来信', '督办'], active: true });
  });

  it('patches only what changed; a cleared text field is sent as null', () => {
    const original = { code: 'HOUSING', name: '市住建局', email: 'a@example.org', categories: ['urban-construction'], responsibilities: ['受理来信'], active: true };
    expect(patchBody(original, form, FIELDS)).toEqual({ email: null, responsibilities: ['受理来信', '督办'] });
  });

  it('patches nothing when nothing changed (null and empty agree)', () => {
    const original = { code: 'HOUSING', name: '市住建局', email: null, categories: ['urban-construction'], responsibilities: ['受理来信', '督办'], active: true };
    expect(patchBody(original, form, FIELDS)).toEqual({});
  });

  it('sends a switched flag', () => {
    expect(patchBody({ active: true }, { active: false }, ['active'])).toEqual({ active: false });
  });
});

describe('editing a list', () => {
  it('adds, removes and moves lines, each time a new array', () => {
    const list = ['一', '二', '三'];
    expect(withLine(list)).toEqual(['一', '二', '三', '']);
    expect(withoutLine(list, 1)).toEqual(['一', '三']);
    expect(moved(list, 2, -1)).toEqual(['一', '三', '二']);
    expect(moved(list, 0, -1)).toEqual(['一', '二', '三']);
    expect(list).toEqual(['一', '二', '三']);
  });

  it('reads comma-separated words and writes them in the language’s way', () => {
    expect(splitWords('投影仪， 视频会议、 白板,,')).toEqual(['投影仪', '视频会议', '白板']);
    expect(joinWords(['茅箭区', '张湾区'], 'zh-CN')).toBe('茅箭区、张湾区');
    expect(joinWords(['a', 'b'], 'en')).toBe('a, b');
    expect(joinWords(null, 'en')).toBe('');
  });
});

describe('the API’s answer at the fields', () => {
  const describe_ = (error: unknown) => (error instanceof Error ? error.message : '?');

  it('puts each field problem at its field, a list item’s at the list', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', '请求有误', [
      { field: 'responsibilities.2', constraint: 'maxLength', message: '每项不超过 200 字', messageEn: 'At most 200 characters each' },
      { field: 'name', constraint: 'length', message: '名称长度 1–100' },
    ]);
    expect(formProblems(error, describe_, 'zh-CN')).toEqual({ fields: { responsibilities: '每项不超过 200 字', name: '名称长度 1–100' }, general: '' });
    expect(formProblems(error, describe_, 'en').fields.responsibilities).toBe('At most 200 characters each');
  });

  it('gives the sentence when no field is named', () => {
    expect(formProblems(new ApiError(409, 'USERNAME_TAKEN', '用户名已被使用。'), describe_, 'zh-CN')).toEqual({ fields: {}, general: '用户名已被使用。' });
  });
});
