import { describe, expect, it } from '@jest/globals';
import { LETTER_KINDS } from '../domain/letter-kinds.js';
import { loadLetterTemplates, parseLetterTemplates } from '../../config/letter-templates.js';
import { assertValidTemplate, fillTemplate, letterNumber, type LetterValues, placeholdersIn } from './letter-template.js';

const values = (over: Partial<LetterValues> = {}): LetterValues => ({
  caseCode: 'XF-2026-000007',
  subject: '拖欠工程款',
  receivedDate: '2026年11月20日',
  acceptedDate: '2026年11月23日',
  routedDate: null,
  dueDate: '2026年12月23日',
  petitionerName: '张*',
  unitName: '市人民政府',
  reason: null,
  officeName: '人大常委会信访室',
  date: '2026年11月26日',
  number: '人大信转〔2026〕1号',
  ...over,
});

const template = { title: '关于转送信访事项的函', numberPrefix: '人大信转', addressee: '{{unitName}}：', body: '{{petitionerName}}反映的“{{subject}}”（编号：{{caseCode}}）转你单位。\n意见：{{reason}}\n请于{{dueDate}}前答复。' };

describe('letter templates (公文模板)', () => {
  it('lists the placeholders of a text once each, in order, spaces inside the braces allowed', () => {
    expect(placeholdersIn('{{caseCode}} {{ unitName }} {{caseCode}}')).toEqual(['caseCode', 'unitName']);
  });

  it('fills every placeholder and leaves out a line whose placeholder has no value', () => {
    expect(fillTemplate(template, values())).toEqual({
      title: '关于转送信访事项的函',
      addressee: '市人民政府：',
      paragraphs: ['张*反映的“拖欠工程款”（编号：XF-2026-000007）转你单位。', '请于2026年12月23日前答复。'],
    });
    expect(fillTemplate(template, values({ reason: '请重新核实' })).paragraphs[1]).toBe('意见：请重新核实');
  });

  it('refuses unknown placeholders, naming each (422)', () => {
    expect(() => assertValidTemplate({ ...template, body: '{{caseCode}}{{idNumber}}{{phone}}', title: '{{idNumber}}' })).toThrow(
      expect.objectContaining({ code: 'LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN', status: 422, details: { placeholders: ['idNumber', 'phone'] } }),
    );
  });

  it('refuses unbalanced braces and a prefix with symbols or placeholders', () => {
    expect(() => assertValidTemplate({ ...template, body: '编号：{{caseCode' })).toThrow(expect.objectContaining({ code: 'LETTER_TEMPLATE_PLACEHOLDER_MALFORMED', details: { field: 'body' } }));
    expect(() => assertValidTemplate({ ...template, numberPrefix: '{{caseCode}}' })).toThrow(expect.objectContaining({ code: 'LETTER_TEMPLATE_PREFIX_INVALID' }));
    expect(() => assertValidTemplate({ ...template, numberPrefix: '人大〔信〕' })).toThrow(expect.objectContaining({ code: 'LETTER_TEMPLATE_PREFIX_INVALID' }));
  });

  it('refuses more than 40 paragraphs', () => {
    expect(() => assertValidTemplate({ ...template, body: Array.from({ length: 41 }, () => '段落').join('\n') })).toThrow(expect.objectContaining({ code: 'LETTER_TEMPLATE_TOO_LONG' }));
  });

  it('numbers as prefix〔year〕serial号', () => {
    expect(letterNumber('人大信转', 2026, 12)).toBe('人大信转〔2026〕12号');
  });

  it('ships a valid template for every kind (config/letter-templates.json)', () => {
    const shipped = loadLetterTemplates();
    for (const kind of LETTER_KINDS) expect(() => assertValidTemplate(shipped[kind])).not.toThrow();
  });

  it('stops the boot on a shipped template that is missing or empty', () => {
    expect(() => parseLetterTemplates({})).toThrow('"acceptance-notice" is missing');
    const shipped = loadLetterTemplates();
    expect(() => parseLetterTemplates({ ...shipped, 'urging-notice': { ...shipped['urging-notice'], body: ' ' } })).toThrow('"urging-notice.body" must be a non-empty text');
    expect(() => parseLetterTemplates({ ...shipped, memo: shipped['urging-notice'] })).toThrow('unknown letter kind(s) memo');
  });
});
