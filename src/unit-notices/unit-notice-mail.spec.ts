import { describe, expect, it } from '@jest/globals';
import { letterKindOf, noticeMail } from './unit-notice-mail.js';

const base = {
  unitName: '市人民政府',
  caseCode: 'XF-2026-000012',
  subject: '拖欠工程款 电话13872651234',
  dueDate: '2026年12月23日',
  reason: null,
  letter: { label: '转送函', number: '人大信转〔2026〕1号' },
  link: { url: 'http://localhost:3000/console/unit-link/abc', expiresDate: '2027年1月22日' },
  office: '人大常委会信访室',
};

describe('the notice mail to a unit', () => {
  it('sends the fitting letter per hand-over: 交办单, 转送函 or 督办函, 催办通报, 督办函, none for extension decisions', () => {
    expect(letterKindOf('route', 'internal')).toBe('assignment-sheet');
    expect(letterKindOf('transfer', 'transfer')).toBe('transfer-letter');
    expect(letterKindOf('transfer', 'supervised')).toBe('supervision-letter');
    expect(letterKindOf('urge', 'transfer')).toBe('urging-notice');
    expect(letterKindOf('resupervise', 'supervised')).toBe('supervision-letter');
    expect(letterKindOf('extension-approved', 'transfer')).toBeNull();
    expect(letterKindOf('extension-refused', 'transfer')).toBeNull();
  });

  it('carries the case code, deadline, letter number and link, and masks a phone typed into the subject', () => {
    const mail = noticeMail({ ...base, kind: 'transfer' });
    expect(mail.subject).toBe('【转送函】XF-2026-000012 拖欠工程款 电话138****1234');
    expect(mail.text).toContain('办理期限：2026年12月23日');
    expect(mail.text).toContain('公文：转送函 人大信转〔2026〕1号（见附件）');
    expect(mail.text).toContain('http://localhost:3000/console/unit-link/abc');
    expect(mail.text).not.toMatch(/1[3-9]\d{9}/);
  });

  it('tells an extension refusal with its reason and no letter', () => {
    const mail = noticeMail({ ...base, kind: 'extension-refused', reason: '理由不充分', letter: null });
    expect(mail.subject).toBe('【延期申请未获批准】XF-2026-000012 拖欠工程款 电话138****1234');
    expect(mail.text).toContain('理由：理由不充分');
    expect(mail.text).not.toContain('公文：');
  });
});
