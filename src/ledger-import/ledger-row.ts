import { isValidIdNumber } from '../common/pii/id-number.js';
import { containsPii } from '../common/pii/masking.js';
import { isValidPhone } from '../common/pii/phone.js';
import { normalizeIdNumber, normalizePhone } from '../common/pii/pii-cipher.js';
import type { CaseStatus, Category, Channel, Feedback } from '../domain/case-vocabulary.js';
import { ZH } from '../domain/labels.js';
import type { UnitKind } from '../directory/unit.entity.js';
import { FIELD_LABELS, LEDGER_FIELDS, type LedgerField, type LedgerMapping } from './ledger-fields.js';
import { type Cell, cellText, parseCategory, parseChannel, parseFeedback, parseHeadcount, parseLedgerDate, parseStatus } from './ledger-values.js';

/** One row of the ledger, read and checked: everything a case needs, personal data still in clear (never stored so). */
export interface LedgerRow {
  /** 1-based row number in the file, the header being row 1. */
  rowNumber: number;
  externalCode: string | null;
  receivedAt: Date;
  channel: Channel;
  petitionerName: string;
  idNumber: string | null;
  phone: string | null;
  region: string;
  category: Category;
  subject: string;
  content: string;
  headcount: number;
  status: CaseStatus;
  handledBy: { code: string; kind: UnitKind } | null;
  acceptedAt: Date | null;
  routedAt: Date | null;
  repliedAt: Date | null;
  closedAt: Date | null;
  feedback: Feedback | null;
}

export interface FieldProblem {
  field: LedgerField;
  label: string;
  message: string;
}

export type RowCheck = { ok: true; row: LedgerRow } | { ok: false; rowNumber: number; externalCode?: string | null; problems: FieldProblem[] };

export interface RowContext {
  now: Date;
  zone: string;
  /** Dates already read in this file, by cell (a ledger repeats a few hundred dates over all its rows). */
  dates?: Map<string, Date | null>;
  /** Units by code, name and short name. */
  units: ReadonlyMap<string, { code: string; kind: UnitKind; active: boolean }>;
}

const MAX_LENGTH: Partial<Record<LedgerField, number>> = { externalCode: 40, petitionerName: 100, region: 50, subject: 200, content: 20_000 };
/** Statuses in which some unit handles the case: the ledger must name it. */
const HANDLED_STATUSES: readonly CaseStatus[] = ['routed', 'in_handling', 'replied'];
const ANSWERED_STATUSES: readonly CaseStatus[] = ['replied', 'closed'];
const DATE_ORDER: readonly LedgerField[] = ['receivedAt', 'acceptedAt', 'routedAt', 'repliedAt', 'closedAt'];

/** A value typed in the ledger shown back in a reason only when short and free of personal data. */
const quoted = (text: string): string => (text.length <= 20 && !containsPii(text) ? `“${text}”` : '');

/** Reads one data row through the mapping and checks every field; the reasons are in Chinese, one per field at most. */
export function checkRow(cells: readonly Cell[], rowNumber: number, columns: Partial<Record<LedgerField, number>>, ctx: RowContext): RowCheck {
  const problems: FieldProblem[] = [];
  const problem = (field: LedgerField, message: string): null => {
    if (!problems.some((p) => p.field === field)) problems.push({ field, label: FIELD_LABELS[field], message });
    return null;
  };
  const raw = (field: LedgerField): Cell | undefined => {
    const at = columns[field];
    return at === undefined ? undefined : cells[at];
  };
  const text = (field: LedgerField): string => {
    const value = cellText(raw(field));
    const max = MAX_LENGTH[field];
    if (max !== undefined && value.length > max) {
      problem(field, `${FIELD_LABELS[field]}超过${max}个字`);
      return '';
    }
    return value;
  };
  for (const field of LEDGER_FIELDS) {
    if (field.required && cellText(raw(field.key)) === '') problem(field.key, `${field.zh}不能为空`);
  }
  const date = (field: LedgerField): Date | null => {
    const cell = raw(field);
    if (cellText(cell) === '') return null;
    const value = readDate(cell ?? null, ctx);
    if (value === null) return problem(field, `${FIELD_LABELS[field]}不是有效日期（如 2025-03-01）`);
    if (value.getTime() > ctx.now.getTime()) return problem(field, `${FIELD_LABELS[field]}晚于今天`);
    return value;
  };
  const coded = <T>(field: LedgerField, parse: (s: string) => T | null, allowed: string): T | null => {
    const value = text(field);
    if (value === '') return null;
    return parse(value) ?? problem(field, `${FIELD_LABELS[field]}${quoted(value)}无法识别（可填：${allowed}）`);
  };

  const receivedAt = date('receivedAt');
  const channel = coded('channel', parseChannel, '来信、来访、网上信访、电话');
  const category = coded('category', parseCategory, '立法建议、城建、就业社保、教科文卫、涉法涉诉、其他等');
  const status = coded('status', parseStatus, '已登记、已受理、不予受理、已交办、办理中、已答复、已办结、已撤回');
  const feedback = coded('feedback', parseFeedback, '满意、不满意');
  const dates = { acceptedAt: date('acceptedAt'), routedAt: date('routedAt'), repliedAt: date('repliedAt'), closedAt: date('closedAt') };

  const idText = text('idNumber');
  const idNumber = idText ? normalizeIdNumber(idText) : null;
  if (idNumber !== null && !isValidIdNumber(idNumber, ctx.now)) problem('idNumber', '身份证号无效（位数、出生日期或校验位不对）');
  const phoneText = text('phone');
  const phone = phoneText ? normalizePhone(phoneText) : null;
  if (phone !== null && !isValidPhone(phone)) problem('phone', '电话号码无效');

  const headcountText = text('headcount');
  const headcount = headcountText === '' ? 1 : parseHeadcount(headcountText);
  if (headcount === null) problem('headcount', '人数应为 1 到 10000 的整数');

  const unitText = text('handledBy');
  const unit = unitText ? ctx.units.get(unitText) : undefined;
  if (unitText && (!unit || !unit.active)) problem('handledBy', `承办单位${quoted(unitText)}不在单位名录中`);
  if (!unitText && status && HANDLED_STATUSES.includes(status)) problem('handledBy', `状态为“${statusLabel(status)}”时承办单位不能为空`);
  if (status === 'closed' && dates.closedAt === null && cellText(raw('closedAt')) === '') problem('closedAt', '状态为“已办结”时办结日期不能为空');
  if (feedback !== null && status !== null && !ANSWERED_STATUSES.includes(status)) problem('feedback', '满意度只适用于已答复或已办结的事项');

  // Dates in the order a case lives them: each given date not before the previous given one.
  const ordered: [LedgerField, Date | null][] = [['receivedAt', receivedAt], ...DATE_ORDER.slice(1).map((f): [LedgerField, Date | null] => [f, dates[f as keyof typeof dates]])];
  let previous: [LedgerField, Date] | null = null;
  for (const [field, value] of ordered) {
    if (value === null) continue;
    if (previous && value.getTime() < previous[1].getTime()) problem(field, `${FIELD_LABELS[field]}早于${FIELD_LABELS[previous[0]]}`);
    else previous = [field, value];
  }

  const externalCode = text('externalCode') || null;
  const petitionerName = text('petitionerName');
  const region = text('region');
  const subject = text('subject');
  const content = text('content');
  if (problems.length || !receivedAt || !channel || !category || !status || headcount === null) {
    return { ok: false, rowNumber, externalCode: externalCode && !containsPii(externalCode) ? externalCode : null, problems: problems.length ? problems : [{ field: 'receivedAt', label: FIELD_LABELS.receivedAt, message: '该行无法读取' }] };
  }
  return {
    ok: true,
    row: {
      rowNumber,
      externalCode,
      receivedAt,
      channel,
      petitionerName,
      idNumber,
      phone,
      region,
      category,
      subject,
      content: content || subject,
      headcount,
      status,
      handledBy: unit ? { code: unit.code, kind: unit.kind } : null,
      ...dates,
      feedback,
    },
  };
}

const statusLabel = (s: CaseStatus): string => ZH.status[s];

function readDate(cell: Cell, ctx: RowContext): Date | null {
  const key = cell instanceof Date ? `d${cell.getTime()}` : `${typeof cell}${String(cell).trim()}`;
  if (ctx.dates?.has(key)) return ctx.dates.get(key) ?? null;
  const value = parseLedgerDate(typeof cell === 'string' ? cell.trim() : cell, ctx.zone);
  ctx.dates?.set(key, value);
  return value;
}

/** The column index of each mapped field. */
export function columnsOf(mapping: LedgerMapping, headers: readonly string[]): Partial<Record<LedgerField, number>> {
  const columns: Partial<Record<LedgerField, number>> = {};
  for (const [field, header] of Object.entries(mapping) as [LedgerField, string | null][]) {
    if (header !== null) columns[field] = headers.indexOf(header);
  }
  return columns;
}
