import { DateTime } from 'luxon';
import { CATEGORIES, type CaseStatus, type Category, type Channel, type Feedback } from '../domain/case-vocabulary.js';
import { ZH } from '../domain/labels.js';

/** A cell as the readers give it: text, a number, a boolean, a date (xlsx date cells), or empty. */
export type Cell = string | number | boolean | Date | null;

/** Cell text, trimmed; '' for an empty cell. Numbers keep their digits (no exponent for long ones). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  if (typeof cell === 'number') return Number.isInteger(cell) ? BigInt(Math.round(cell)).toString() : String(cell);
  return String(cell).replace(/^\uFEFF/, '').trim();
}

const squash = (s: string): string => s.replace(/[\s\u3000]/g, '').toLowerCase();

const CHANNEL_WORDS: Record<string, Channel> = {
  来信: 'letter', 信件: 'letter', 信: 'letter', letter: 'letter',
  来访: 'visit', 走访: 'visit', 访: 'visit', visit: 'visit',
  网上信访: 'online', 网上: 'online', 网信: 'online', 网络: 'online', 网上来信: 'online', online: 'online',
  电话: 'phone', 来电: 'phone', 热线: 'phone', phone: 'phone',
};

export function parseChannel(text: string): Channel | null {
  return CHANNEL_WORDS[squash(text)] ?? null;
}

const CATEGORY_WORDS: Record<string, Category> = Object.fromEntries(
  CATEGORIES.flatMap((c) => [
    [squash(ZH.category[c]), c],
    [squash(ZH.categoryFull[c]), c],
    [c, c],
  ]),
);

export function parseCategory(text: string): Category | null {
  return CATEGORY_WORDS[squash(text)] ?? null;
}

/** The statuses' labels and the words ledgers use for them. */
const STATUS_WORDS: Record<string, CaseStatus> = {
  ...Object.fromEntries(Object.entries(ZH.status).map(([status, label]) => [label, status as CaseStatus])),
  登记: 'registered', 待受理: 'registered', registered: 'registered',
  受理: 'accepted', 已受理待交办: 'accepted', accepted: 'accepted',
  不受理: 'rejected', 不予受理: 'rejected', rejected: 'rejected',
  交办: 'routed', 已转送: 'routed', 转送: 'routed', 已转办: 'routed', routed: 'routed',
  在办: 'in_handling', 正在办理: 'in_handling', 办理中: 'in_handling', in_handling: 'in_handling',
  答复: 'replied', 已回复: 'replied', replied: 'replied',
  办结: 'closed', 已结案: 'closed', 结案: 'closed', 完结: 'closed', closed: 'closed',
  撤回: 'withdrawn', 已撤销: 'withdrawn', withdrawn: 'withdrawn',
};

export function parseStatus(text: string): CaseStatus | null {
  return STATUS_WORDS[squash(text)] ?? null;
}

const FEEDBACK_WORDS: Record<string, Feedback> = { 满意: 'satisfied', 基本满意: 'satisfied', satisfied: 'satisfied', 不满意: 'dissatisfied', dissatisfied: 'dissatisfied' };

export function parseFeedback(text: string): Feedback | null {
  return FEEDBACK_WORDS[squash(text)] ?? null;
}

/** Excel's day 0 (1899-12-30, with its 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DATE_TEXT = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+(\d{1,2})[:：时](\d{1,2})(?:[:：分](\d{1,2})秒?)?)?$/;

/**
 * A date of the ledger as an instant: the calendar day (and time, when written) in the office's time zone.
 * xlsx date cells come as UTC midnights of the day shown; numbers as Excel serial days; text as
 * 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日 (optionally with 09:30). Null when not a real date.
 */
export function parseLedgerDate(cell: Cell | undefined, zone: string): Date | null {
  if (cell === null || cell === undefined || cell === '') return null;
  let parts: { year: number; month: number; day: number; hour: number; minute: number; second: number } | null = null;
  if (cell instanceof Date || typeof cell === 'number') {
    const ms = cell instanceof Date ? cell.getTime() : EXCEL_EPOCH_MS + Math.round(cell * 86_400_000);
    if (!Number.isFinite(ms) || (typeof cell === 'number' && (cell < 1 || cell > 2_958_465))) return null;
    const d = new Date(ms);
    parts = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: d.getUTCHours(), minute: d.getUTCMinutes(), second: d.getUTCSeconds() };
  } else if (typeof cell === 'string') {
    const m = DATE_TEXT.exec(cell.trim());
    if (!m) return null;
    parts = { year: +m[1], month: +m[2], day: +m[3], hour: m[4] ? +m[4] : 0, minute: m[5] ? +m[5] : 0, second: m[6] ? +m[6] : 0 };
  }
  if (!parts || parts.year < 1990 || parts.year > 2100) return null;
  const local = DateTime.fromObject(parts, { zone });
  return local.isValid ? local.toJSDate() : null;
}

/** A positive whole headcount, or null. */
export function parseHeadcount(text: string): number | null {
  if (!/^\d{1,5}$/.test(text)) return null;
  const n = Number(text);
  return n >= 1 && n <= 10_000 ? n : null;
}
