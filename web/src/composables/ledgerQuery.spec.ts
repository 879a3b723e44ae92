import { describe, expect, it } from 'vitest';
import { apiQueryOf, exportQueryOf, routeQueryOf, sortFromTable, stateFromRoute, tableSortOf, withFilters } from './ledgerQuery';

describe('the ledger in the URL', () => {
  it('reads every filter, the sort and the page from the query', () => {
    const state = stateFromRoute({
      status: 'accepted',
      grade: 'escalated',
      category: 'urban-construction',
      region: '茅箭区',
      unit: 'GOV',
      overdue: 'true',
      dueBefore: '2026-12-10',
      flag: 'group-petition',
      q: ' 漏水 ',
      sort: '-receivedAt',
      page: '3',
      pageSize: '50',
    });
    expect(state).toEqual({
      filters: { status: 'accepted', grade: 'escalated', category: 'urban-construction', region: '茅箭区', unit: 'GOV', overdue: true, dueBefore: '2026-12-10', flag: 'group-petition', q: '漏水' },
      sort: '-receivedAt',
      page: 3,
      pageSize: 50,
    });
  });

  it('drops values the API would refuse and falls back to the defaults', () => {
    const state = stateFromRoute({ status: 'lost', grade: ['escalated', 'normal'], dueBefore: '10/12/2026', flag: 'Bad Flag', sort: 'subject', page: '0', pageSize: '7', overdue: 'yes', q: '  ' });
    expect(state).toEqual({ filters: { grade: 'escalated' }, sort: 'dueAt', page: 1, pageSize: 20 });
  });

  it('writes only what differs from the defaults, and reads back the same state', () => {
    expect(routeQueryOf({ filters: {}, sort: 'dueAt', page: 1, pageSize: 20 })).toEqual({});
    const state = stateFromRoute({ category: 'economy', overdue: 'true', sort: 'code', page: '2', pageSize: '10' });
    const query = routeQueryOf(state);
    expect(query).toEqual({ category: 'economy', overdue: 'true', sort: 'code', page: '2', pageSize: '10' });
    expect(stateFromRoute(query as Record<string, string>)).toEqual(state);
  });

  it('leaves out an overdue switch that is off and empty text', () => {
    expect(routeQueryOf({ filters: { overdue: false, region: '', q: ' ' }, sort: 'dueAt', page: 1, pageSize: 20 })).toEqual({});
  });
});

describe('the API query', () => {
  it('ends the due-before day at the office midnight (Asia/Shanghai) and pages', () => {
    const state = stateFromRoute({ dueBefore: '2026-12-31', grade: 'normal', page: '2' });
    expect(apiQueryOf(state)).toEqual({ grade: 'normal', dueBefore: '2026-12-31T16:00:00.000Z', sort: 'dueAt', page: 2, pageSize: 20 });
  });

  it('exports with the same filters and sort, without paging', () => {
    const state = stateFromRoute({ q: 'XF-2026-000001', overdue: 'true', sort: '-code', page: '4' });
    expect(exportQueryOf(state)).toEqual({ q: 'XF-2026-000001', overdue: true, sort: '-code' });
  });

  it('goes back to the first page when the filters change', () => {
    const state = stateFromRoute({ page: '5', sort: 'code', pageSize: '50' });
    expect(withFilters(state, { region: '房县', q: '' })).toEqual({ filters: { region: '房县' }, sort: 'code', page: 1, pageSize: 50 });
  });
});

describe('table sorting', () => {
  it("maps el-table's sort-change to the API's sort and back", () => {
    expect(sortFromTable('receivedAt', 'descending')).toBe('-receivedAt');
    expect(sortFromTable('code', 'ascending')).toBe('code');
    expect(sortFromTable('code', null)).toBe('dueAt');
    expect(sortFromTable('subject', 'ascending')).toBe('dueAt');
    expect(tableSortOf('-dueAt')).toEqual({ prop: 'dueAt', order: 'descending' });
    expect(tableSortOf('code')).toEqual({ prop: 'code', order: 'ascending' });
  });
});
