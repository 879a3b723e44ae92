import { describe, expect, it } from '@jest/globals';
import { applicableKinds, assertApplicable, chineseDate, type LetterCaseFacts, letterValues } from './letter-facts.js';
import { LETTER_KINDS } from '../domain/letter-kinds.js';

const at = (iso: string): Date => new Date(iso);
const facts = (over: Partial<LetterCaseFacts> = {}): LetterCaseFacts => ({
  code: 'XF-2026-000009',
  subject: '工资拖欠 身份证420302198803151234 电话13872651234',
  status: 'registered',
  petitionerName: '张三丰',
  receivedAt: at('2026-11-20T02:00:00Z'),
  acceptedAt: null,
  routedAt: null,
  routeMode: 'transfer',
  dueAt: at('2026-12-05T09:59:59Z'),
  replyDueAt: null,
  resupervisionCount: 0,
  events: [{ action: 'register', reason: null }],
  ...over,
});

const accepted = facts({ status: 'accepted', acceptedAt: at('2026-11-23T02:00:00Z'), replyDueAt: at('2026-12-23T09:59:59Z'), events: [{ action: 'register', reason: null }, { action: 'accept', reason: null }] });
const transferred = { ...accepted, status: 'routed' as const, routedAt: at('2026-11-24T02:00:00Z'), events: [...accepted.events, { action: 'transfer', reason: null }] };

describe('which letter fits the case', () => {
  it('offers nothing for a case only registered, and says why (409 LETTER_NOT_APPLICABLE)', () => {
    expect(applicableKinds(LETTER_KINDS, facts())).toEqual([]);
    expect(() => assertApplicable('acceptance-notice', facts())).toThrow(expect.objectContaining({ code: 'LETTER_NOT_APPLICABLE', status: 409, message: expect.stringContaining('not been accepted') }));
  });

  it('follows the steps: accepted → 受理告知书; transferred → 转送函; supervised → 督办函; urged → 催办通报; rejected → 不予受理告知书; routed inside → 交办单', () => {
    expect(applicableKinds(LETTER_KINDS, accepted)).toEqual(['acceptance-notice']);
    expect(applicableKinds(LETTER_KINDS, transferred)).toEqual(['acceptance-notice', 'transfer-letter']);
    expect(applicableKinds(LETTER_KINDS, { ...transferred, routeMode: 'supervised' })).toEqual(['acceptance-notice', 'transfer-letter', 'supervision-letter']);
    expect(applicableKinds(LETTER_KINDS, { ...transferred, events: [...transferred.events, { action: 'urge', reason: '请加快' }] })).toContain('urging-notice');
    expect(applicableKinds(LETTER_KINDS, facts({ status: 'rejected', events: [{ action: 'reject', reason: '不属于受理范围' }] }))).toEqual(['rejection-notice']);
    const routed = { ...accepted, status: 'routed' as const, routeMode: 'internal' as const, routedAt: at('2026-11-24T02:00:00Z'), events: [...accepted.events, { action: 'route', reason: null }] };
    expect(applicableKinds(LETTER_KINDS, routed)).toEqual(['acceptance-notice', 'assignment-sheet']);
  });
});

describe('the values of a letter', () => {
  const base = { unitName: '市人民政府', officeName: '人大常委会信访室', number: '人大信告〔2026〕1号', now: at('2026-11-26T02:00:00Z'), timeZone: 'Asia/Shanghai' };

  it('names the petitioner in full to the petitioner, masked to a unit; never an ID number or phone', () => {
    const toPetitioner = letterValues({ ...base, kind: 'acceptance-notice', facts: accepted });
    expect(toPetitioner.petitionerName).toBe('张三丰');
    expect(toPetitioner.subject).not.toMatch(/\d{17}[\dXx]|1[3-9]\d{9}/);
    expect(toPetitioner.acceptedDate).toBe('2026年11月23日');
    expect(toPetitioner.dueDate).toBe('2026年12月23日');
    expect(letterValues({ ...base, kind: 'transfer-letter', facts: transferred }).petitionerName).toBe('张**');
  });

  it('takes the reason of the last reject, urge or re-supervision; a first supervision has none', () => {
    const urged = { ...transferred, events: [...transferred.events, { action: 'urge', reason: '第一次' }, { action: 'urge', reason: '第二次 13872651234' }] };
    expect(letterValues({ ...base, kind: 'urging-notice', facts: urged }).reason).toBe('第二次 138****1234');
    expect(letterValues({ ...base, kind: 'supervision-letter', facts: { ...transferred, routeMode: 'supervised' } }).reason).toBeNull();
    expect(letterValues({ ...base, kind: 'supervision-letter', facts: { ...transferred, resupervisionCount: 1, events: [...transferred.events, { action: 'resupervise', reason: '群众不满意' }] } }).reason).toBe('群众不满意');
  });

  it('writes dates in the office time zone as 2026年11月26日', () => {
    expect(chineseDate(at('2026-11-25T16:30:00Z'), 'Asia/Shanghai')).toBe('2026年11月26日');
  });
});
