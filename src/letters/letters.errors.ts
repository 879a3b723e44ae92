import { DomainError } from '../common/errors.js';
import { LETTER_KIND_LABELS, LETTER_KINDS, type LetterKind } from '../domain/letter-kinds.js';

export const LetterErrors = {
  unknownKind: () =>
    new DomainError('LETTER_KIND_UNKNOWN', 404, {
      zh: `没有这种公文。可用的公文：${LETTER_KINDS.map((k) => LETTER_KIND_LABELS[k].zh).join('、')}。`,
      en: `No such letter kind; known kinds: ${LETTER_KINDS.join(', ')}.`,
    }),
  notApplicable: (kind: LetterKind, why: { zh: string; en: string }) =>
    new DomainError(
      'LETTER_NOT_APPLICABLE',
      409,
      { zh: `现在不能生成${LETTER_KIND_LABELS[kind].zh}：${why.zh}`, en: `A ${LETTER_KIND_LABELS[kind].en} cannot be generated now: ${why.en}` },
      { kind },
    ),
  unknownPlaceholders: (names: string[]) =>
    new DomainError(
      'LETTER_TEMPLATE_PLACEHOLDER_UNKNOWN',
      422,
      { zh: `模板中有不认识的占位符：${names.map((n) => `{{${n}}}`).join('、')}。`, en: `Unknown placeholder(s) in the template: ${names.map((n) => `{{${n}}}`).join(', ')}.` },
      { placeholders: names },
    ),
  malformedPlaceholder: (field: string) =>
    new DomainError(
      'LETTER_TEMPLATE_PLACEHOLDER_MALFORMED',
      422,
      { zh: `模板的${FIELD_ZH[field] ?? field}中有未闭合的“{{”或“}}”。占位符写作 {{caseCode}}。`, en: `Unbalanced "{{" or "}}" in the template's ${field}; placeholders are written {{caseCode}}.` },
      { field },
    ),
  prefixInvalid: () =>
    new DomainError('LETTER_TEMPLATE_PREFIX_INVALID', 422, {
      zh: '文号前缀只能由汉字、字母和数字组成（如“人大信转”），不能含占位符或符号。',
      en: 'The number prefix may hold Chinese characters, letters and digits only (e.g. 人大信转).',
    }),
  tooManyLines: (max: number) =>
    new DomainError('LETTER_TEMPLATE_TOO_LONG', 422, { zh: `正文最多${max}段。`, en: `The body may have at most ${max} paragraphs.` }, { max }),
  changedConcurrently: () =>
    new DomainError('LETTER_TEMPLATE_CHANGED_CONCURRENTLY', 409, { zh: '该模板刚被他人修改，请刷新后重试。', en: 'The template was changed just now; reload and retry.' }),
};

const FIELD_ZH: Record<string, string> = { title: '标题', numberPrefix: '文号前缀', addressee: '主送', body: '正文' };
