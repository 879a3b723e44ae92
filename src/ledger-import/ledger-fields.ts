/**
 * The documented column layout of a ledger (台账) to import (docs/ledger-import.md): our field keys, the
 * Chinese column title we publish, and the synonyms offices use for it. An office maps its own headers to
 * these fields; `suggestMapping` proposes a mapping from the header names, the user confirms or edits it.
 */
export const LEDGER_FIELDS = [
  { key: 'externalCode', zh: '编号', en: 'Office case number', required: false, synonyms: ['编号', '案件编号', '信访编号', '登记编号', '序号', '件号', '原编号', 'code', 'number', 'no'] },
  { key: 'receivedAt', zh: '登记日期', en: 'Registered on', required: true, synonyms: ['登记日期', '登记时间', '来信来访日期', '收到日期', '来信日期', '来访日期', '日期', 'received', 'date'] },
  { key: 'channel', zh: '来信来访', en: 'Channel', required: true, synonyms: ['来信来访', '信访形式', '信访方式', '来源', '渠道', 'channel'] },
  { key: 'petitionerName', zh: '信访人', en: 'Petitioner', required: true, synonyms: ['信访人', '姓名', '信访人姓名', '来信人', '来访人', '反映人', 'name', 'petitioner'] },
  { key: 'idNumber', zh: '身份证号', en: 'ID number', required: false, synonyms: ['身份证号', '身份证号码', '证件号码', '公民身份号码', 'id', 'idnumber'] },
  { key: 'phone', zh: '电话', en: 'Phone', required: false, synonyms: ['电话', '联系电话', '手机', '手机号', '电话号码', 'phone', 'tel'] },
  { key: 'region', zh: '地区', en: 'Region', required: true, synonyms: ['地区', '所属地区', '区县', '属地', '问题发生地', 'region', 'district'] },
  { key: 'category', zh: '类别', en: 'Category', required: true, synonyms: ['类别', '问题类别', '内容分类', '分类', '事项类别', 'category'] },
  { key: 'subject', zh: '事项摘要', en: 'Subject', required: true, synonyms: ['事项摘要', '摘要', '主要内容', '反映问题', '事由', '标题', 'subject', 'summary'] },
  { key: 'content', zh: '事项内容', en: 'Content', required: false, synonyms: ['事项内容', '内容', '详细内容', '信访内容', 'content'] },
  { key: 'headcount', zh: '人数', en: 'Headcount', required: false, synonyms: ['人数', '来访人数', 'headcount'] },
  { key: 'status', zh: '状态', en: 'Status', required: true, synonyms: ['状态', '办理状态', '办理情况', '处理状态', 'status'] },
  { key: 'handledBy', zh: '承办单位', en: 'Handling unit', required: false, synonyms: ['承办单位', '办理单位', '交办单位', '转送单位', '责任单位', 'unit', 'handledby'] },
  { key: 'acceptedAt', zh: '受理日期', en: 'Accepted on', required: false, synonyms: ['受理日期', '受理时间', 'accepted'] },
  { key: 'routedAt', zh: '交办日期', en: 'Routed on', required: false, synonyms: ['交办日期', '转送日期', '交办时间', 'routed'] },
  { key: 'repliedAt', zh: '答复日期', en: 'Replied on', required: false, synonyms: ['答复日期', '回复日期', '答复时间', 'replied'] },
  { key: 'closedAt', zh: '办结日期', en: 'Closed on', required: false, synonyms: ['办结日期', '办结时间', '结案日期', 'closed'] },
  { key: 'feedback', zh: '满意度', en: 'Satisfaction', required: false, synonyms: ['满意度', '评价', '信访人评价', '是否满意', 'feedback'] },
] as const;

export type LedgerField = (typeof LEDGER_FIELDS)[number]['key'];
export const LEDGER_FIELD_KEYS: readonly LedgerField[] = LEDGER_FIELDS.map((f) => f.key);
export const FIELD_LABELS: Readonly<Record<LedgerField, string>> = Object.fromEntries(LEDGER_FIELDS.map((f) => [f.key, f.zh])) as Record<LedgerField, string>;

/** Which header of the file feeds each field (null: not in the file). */
export type LedgerMapping = Record<LedgerField, string | null>;

/** A mapping as sent (fields left out are not in the file). */
export function completeMapping(sent: Partial<Record<LedgerField, string | null>>): LedgerMapping {
  return Object.fromEntries(LEDGER_FIELD_KEYS.map((key) => [key, sent[key] ?? null])) as LedgerMapping;
}

const squash = (header: string): string => header.replace(/[\s\u3000_\-（）()：:*]/g, '').toLowerCase();

/**
 * A proposal: each field gets the first header equal to one of its synonyms (spaces, brackets and case
 * ignored), else the first header containing its Chinese title; a header feeds at most one field.
 */
export function suggestMapping(headers: readonly string[]): LedgerMapping {
  const used = new Set<string>();
  const mapping = {} as LedgerMapping;
  const pick = (test: (h: string) => boolean): string | null => headers.find((h) => !used.has(h) && h.trim() !== '' && test(squash(h))) ?? null;
  for (const field of LEDGER_FIELDS) {
    const synonyms = field.synonyms.map(squash);
    const found = pick((h) => synonyms.includes(h));
    mapping[field.key] = found;
    if (found) used.add(found);
  }
  for (const field of LEDGER_FIELDS) {
    if (mapping[field.key]) continue;
    const found = pick((h) => h.includes(squash(field.zh)));
    mapping[field.key] = found;
    if (found) used.add(found);
  }
  return mapping;
}

/** What is wrong with a mapping the user sent (unknown header, a header used twice, a required field unmapped), in Chinese; empty when fine. */
export function mappingProblems(mapping: Partial<Record<string, unknown>>, headers: readonly string[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const key of Object.keys(mapping)) {
    if (!(LEDGER_FIELD_KEYS as readonly string[]).includes(key)) problems.push(`未知字段 ${key.slice(0, 40)}`);
  }
  for (const field of LEDGER_FIELDS) {
    const header = mapping[field.key];
    if (header === undefined || header === null || header === '') {
      if (field.required) problems.push(`必填字段“${field.zh}”未对应表头`);
      continue;
    }
    if (typeof header !== 'string' || !headers.includes(header)) {
      problems.push(`字段“${field.zh}”对应的表头不在文件中`);
      continue;
    }
    const other = seen.get(header);
    if (other) problems.push(`表头“${header.slice(0, 40)}”同时对应了“${other}”和“${field.zh}”`);
    seen.set(header, field.zh);
  }
  return problems;
}
