import type { LocationQuery, LocationQueryRaw } from 'vue-router';
import type { paths } from '@/api/schema';
import { CASE_STATUSES, CATEGORIES, GRADES, type CaseStatus, type Category, type Grade } from '@domain/case-vocabulary';
import { officeInstant } from './format';

/**
 * The ledger's state (filters, sort, page) as it lives in the URL, so a link can be shared and a reload
 * keeps it, and its translation into the query of `GET /cases` and `GET /reports/ledger.csv`.
 */
export type LedgerApiQuery = NonNullable<paths['/cases']['get']['parameters']['query']>;
export type LedgerSort = NonNullable<LedgerApiQuery['sort']>;

export interface LedgerFilters {
  status?: CaseStatus;
  grade?: Grade;
  category?: Category;
  region?: string;
  /** A handling unit's code. */
  unit?: string;
  overdue?: boolean;
  /** An office calendar date (YYYY-MM-DD): deadlines up to the end of that day. */
  dueBefore?: string;
  flag?: string;
  q?: string;
}

export interface LedgerState {
  filters: LedgerFilters;
  sort: LedgerSort;
  page: number;
  pageSize: number;
}

export const LEDGER_SORTS: readonly LedgerSort[] = ['dueAt', '-dueAt', 'receivedAt', '-receivedAt', 'code', '-code'];
export const DEFAULT_SORT: LedgerSort = 'dueAt';
export const PAGE_SIZES = [10, 20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 20;
/** The flags the shipped rules and the engine set (config/rules/default.json, src/rules). */
export const KNOWN_FLAGS = ['group-petition', 'repeat-petition', 'early-warning', 'needs-review', 'route-conflict', 'special-meeting-proposed'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const FLAG = /^[a-z][a-z0-9-]{1,40}$/;

function single(value: LocationQuery[string] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const text = typeof first === 'string' ? first.trim() : '';
  return text === '' ? undefined : text;
}

function oneOf<T extends string>(allowed: readonly T[], value: string | undefined): T | undefined {
  return value !== undefined && (allowed as readonly string[]).includes(value) ? (value as T) : undefined;
}

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

/** Reads the URL's query; values that are not valid are dropped rather than sent to the API. */
export function stateFromRoute(query: LocationQuery): LedgerState {
  const get = (key: string) => single(query[key]);
  const overdue = get('overdue');
  const dueBefore = get('dueBefore');
  const flag = get('flag');
  const filters: LedgerFilters = {
    status: oneOf(CASE_STATUSES, get('status')),
    grade: oneOf(GRADES, get('grade')),
    category: oneOf(CATEGORIES, get('category')),
    region: get('region')?.slice(0, 50),
    unit: get('unit')?.slice(0, 32),
    overdue: overdue === 'true' ? true : undefined,
    dueBefore: dueBefore && DATE.test(dueBefore) ? dueBefore : undefined,
    flag: flag && FLAG.test(flag) ? flag : undefined,
    q: get('q')?.slice(0, 100),
  };
  const pageSize = positiveInt(get('pageSize'));
  return {
    filters: compact(filters),
    sort: oneOf(LEDGER_SORTS, get('sort')) ?? DEFAULT_SORT,
    page: positiveInt(get('page')) ?? 1,
    pageSize: pageSize !== undefined && (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
  };
}

/** The URL query for a state: only what differs from the defaults, so a plain ledger has a plain URL. */
export function routeQueryOf(state: LedgerState): LocationQueryRaw {
  const query: Record<string, string> = {};
  for (const [key, value] of Object.entries(compact(state.filters))) query[key] = String(value);
  if (state.sort !== DEFAULT_SORT) query.sort = state.sort;
  if (state.page > 1) query.page = String(state.page);
  if (state.pageSize !== DEFAULT_PAGE_SIZE) query.pageSize = String(state.pageSize);
  return query;
}

/** The query of `GET /cases`: the due-before date becomes the instant the office's day ends. */
export function apiQueryOf(state: LedgerState): LedgerApiQuery {
  return { ...exportQueryOf(state), page: state.page, pageSize: state.pageSize };
}

/** The same filters and sort for the CSV export (every row, no paging). */
export function exportQueryOf(state: LedgerState): LedgerApiQuery {
  const { dueBefore, ...rest } = compact(state.filters);
  const query: LedgerApiQuery = { ...rest, sort: state.sort };
  if (dueBefore) query.dueBefore = officeInstant(nextDay(dueBefore), '00:00');
  return query;
}

/** Filters changed by the user: back to the first page, sort and page size kept. */
export function withFilters(state: LedgerState, filters: LedgerFilters): LedgerState {
  return { ...state, filters: compact(filters), page: 1 };
}

/** el-table's sort-change ({ prop, order }) as the API's sort; no order means the default. */
export function sortFromTable(prop: string | null | undefined, order: 'ascending' | 'descending' | null | undefined): LedgerSort {
  if (!prop || !order) return DEFAULT_SORT;
  return oneOf(LEDGER_SORTS, order === 'descending' ? `-${prop}` : prop) ?? DEFAULT_SORT;
}

/** The API's sort as el-table's default-sort. */
export function tableSortOf(sort: LedgerSort): { prop: string; order: 'ascending' | 'descending' } {
  return sort.startsWith('-') ? { prop: sort.slice(1), order: 'descending' } : { prop: sort, order: 'ascending' };
}

/** Drops empty values (undefined, '', false) so they neither reach the URL nor the API. */
function compact(filters: LedgerFilters): LedgerFilters {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === null || value === '' || value === false) continue;
    out[key] = typeof value === 'string' ? value.trim() : value;
    if (out[key] === '') delete out[key];
  }
  return out as LedgerFilters;
}

function nextDay(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day + 1)).toISOString().slice(0, 10);
}
