import { describe, expect, it } from 'vitest';
import { formOf, insertPlaceholder, type LetterTemplate } from './letterTemplates';

describe('insertPlaceholder', () => {
  it('puts the placeholder at the cursor and moves the cursor after it', () => {
    expect(insertPlaceholder('编号：。', 3, 'caseCode')).toEqual({ text: '编号：{{caseCode}}。', cursor: 15 });
  });

  it('appends when there is no cursor or it lies outside the text', () => {
    expect(insertPlaceholder('期限', null, 'dueDate').text).toBe('期限{{dueDate}}');
    expect(insertPlaceholder('期限', 99, 'dueDate').text).toBe('期限{{dueDate}}');
  });
});

describe('formOf', () => {
  it('takes the editable wording and the version read', () => {
    const t = { kind: 'transfer-letter', label: '转送函', labelEn: 'transfer letter', title: '函', numberPrefix: '人大信转', addressee: '{{unitName}}：', body: '正文', version: 2, updatedBy: '管理员', updatedAt: null, placeholders: [] } as LetterTemplate;
    expect(formOf(t)).toEqual({ title: '函', numberPrefix: '人大信转', addressee: '{{unitName}}：', body: '正文', version: 2 });
  });
});
