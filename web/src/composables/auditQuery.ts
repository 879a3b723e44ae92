import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/**
 * The audit page's filters and page as they live in the URL (a link can be shared, a reload keeps them),
 * and the query of `GET /audit` made from them. Dates are office days, both included: the API reads them so.
 */
export interface AuditFilters {
  actor?: string;
  action?: string;
  entityType?: string;
  /** Office calendar dates (YYYY-MM-DD). */
  from?: string;
  to?: string;
}

export interface AuditState {
  filters: AuditFilters;
  page: number;
  pageSize: number;
}

export const AUDIT_PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_AUDIT_PAGE_SIZE = 50;
/** The kinds of record the trail names (the server's entity types), in the filter's order. */
export const AUDIT_ENTITY_TYPES = ['rule-set', 'settings', 'unit', 'leader', 'deputy', 'room', 'user', 'ledger', 'report', 'backup'] as const;

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const ACTION = /^[a-z][a-z0-9.-]{1,47}$/;
const ENTITY = /^[a-z][a-z0-9_-]{1,31}$/;

function single(value: LocationQuery[string] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  const text = typeof first === 'string' ? first.trim() : '';
  return text === '' ? undefined : text;
}

function positiveInt(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d{1,6}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 ? n : undefined;
}

function compact(filters: AuditFilters): AuditFilters {
  return Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined && v !== '')) as AuditFilters;
}

/** Reads the URL; malformed values are dropped rather than sent. */
export function auditStateFromRoute(query: LocationQuery): AuditState {
  const get = (key: string) => single(query[key]);
  const action = get('action');
  const entityType = get('entityType');
  const from = get('from');
  const to = get('to');
  const pageSize = positiveInt(get('pageSize'));
  return {
    filters: compact({
      actor: get('actor')?.slice(0, 64),
      action: action && ACTION.test(action) ? action : undefined,
      entityType: entityType && ENTITY.test(entityType) ? entityType : undefined,
      from: from && DATE.test(from) ? from : undefined,
      to: to && DATE.test(to) ? to : undefined,
    }),
    page: positiveInt(get('page')) ?? 1,
    pageSize: pageSize && (AUDIT_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_AUDIT_PAGE_SIZE,
  };
}

/** The URL's query for a state: defaults left out, so the plain page has a plain URL. */
export function auditRouteQuery(state: AuditState): LocationQueryRaw {
  const query: LocationQueryRaw = { ...compact(state.filters) };
  if (state.page !== 1) query.page = String(state.page);
  if (state.pageSize !== DEFAULT_AUDIT_PAGE_SIZE) query.pageSize = String(state.pageSize);
  return query;
}

/** `GET /audit`'s query. */
export function auditApiQuery(state: AuditState): AuditFilters & { page: number; pageSize: number } {
  return { ...compact(state.filters), page: state.page, pageSize: state.pageSize };
}

/** New filters start again at page 1. */
export function withFilters(state: AuditState, filters: AuditFilters): AuditState {
  return { ...state, filters: compact(filters), page: 1 };
}

/** An entry's summary in the console's language (the server wrote both). */
export function summaryText(summary: { zh: string; en: string } | null | undefined, language: string): string {
  if (!summary) return '';
  return language === 'en' ? summary.en || summary.zh : summary.zh || summary.en;
}

/** An action's label from `GET /audit/actions`, else the action's own name. */
export function actionLabel(actions: readonly { action: string; zh: string; en: string }[], action: string, language: string): string {
  const found = actions.find((a) => a.action === action);
  return found ? summaryText(found, language) : action;
}

/** An entry's data for the drawer: indented JSON, keys as the server wrote them. */
export function dataText(data: unknown): string {
  return JSON.stringify(data ?? {}, null, 2);
}

/** One entry of `GET /audit`, as the page uses it. */
export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  actorName: string;
  action: string;
  entityType: string;
  entityId: string;
  summary: { zh: string; en: string };
  data: unknown;
}
