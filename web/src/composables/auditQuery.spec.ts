import { describe, expect, it } from 'vitest';
import { actionLabel, auditApiQuery, auditRouteQuery, auditStateFromRoute, dataText, summaryText, withFilters } from './auditQuery';

describe('the audit page’s URL', () => {
  it('reads filters, page and page size, dropping what is malformed', () => {
    const state = auditStateFromRoute({ actor: ' admin ', action: 'settings.publish', entityType: 'settings', from: '2026-11-29', to: 'yesterday', page: '2', pageSize: '20' });
    expect(state).toEqual({ filters: { actor: 'admin', action: 'settings.publish', entityType: 'settings', from: '2026-11-29' }, page: 2, pageSize: 20 });
    expect(auditStateFromRoute({ action: 'DROP TABLE', pageSize: '7', page: '0' })).toEqual({ filters: {}, page: 1, pageSize: 50 });
  });

  it('writes defaults out of the URL and round-trips', () => {
    const state = { filters: { action: 'user.create', from: '2026-11-26', to: '2026-11-26' }, page: 3, pageSize: 50 };
    expect(auditRouteQuery(state)).toEqual({ action: 'user.create', from: '2026-11-26', to: '2026-11-26', page: '3' });
    expect(auditStateFromRoute(auditRouteQuery(state) as Record<string, string>)).toEqual(state);
  });

  it('asks the API with the page and size, and new filters go back to page 1', () => {
    const state = withFilters({ filters: {}, page: 4, pageSize: 20 }, { actor: 'admin', entityType: '' });
    expect(auditApiQuery(state)).toEqual({ actor: 'admin', page: 1, pageSize: 20 });
  });
});

describe('an entry’s words', () => {
  const actions = [{ action: 'settings.publish', zh: '发布办公设置', en: 'Publish office settings' }];

  it('shows the summary and the action in the console’s language', () => {
    expect(summaryText({ zh: '发布办公设置 v2', en: 'Published office settings v2' }, 'en')).toBe('Published office settings v2');
    expect(summaryText({ zh: '发布办公设置 v2', en: '' }, 'en')).toBe('发布办公设置 v2');
    expect(actionLabel(actions, 'settings.publish', 'zh-CN')).toBe('发布办公设置');
    expect(actionLabel(actions, 'ledger.export', 'zh-CN')).toBe('ledger.export');
  });

  it('shows the data as indented JSON', () => {
    expect(dataText({ changes: [{ field: 'role', from: 'auditor', to: 'admin' }] })).toContain('\n  "changes": [');
    expect(dataText(null)).toBe('{}');
  });
});
