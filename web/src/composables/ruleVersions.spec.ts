import { describe, expect, it } from 'vitest';
import { canRollback, comparison, draftFrom, newestFirst, regradePercent, regradeRunning, versionState, type Activation, type RuleSetSummary } from './ruleVersions';

const set = (version: number, over: Partial<RuleSetSummary> = {}): RuleSetSummary => ({
  id: `set-${version}`,
  version,
  status: 'published',
  active: false,
  note: '',
  basedOn: null,
  createdBy: 'admin',
  createdAt: '2026-11-26T02:00:00.000Z',
  updatedAt: '2026-11-26T02:00:00.000Z',
  publishedBy: 'admin',
  publishedAt: '2026-11-26T02:00:00.000Z',
  ...over,
});

describe('version states', () => {
  it('reads draft, in force and archived from the API’s status and active flag', () => {
    expect(versionState({ status: 'draft', active: false })).toBe('draft');
    expect(versionState({ status: 'published', active: true })).toBe('active');
    expect(versionState({ status: 'archived', active: false })).toBe('archived');
    expect(versionState({ status: 'published', active: false })).toBe('archived');
  });

  it('lists the newest version first', () => {
    expect(newestFirst([set(1), set(3), set(2)]).map((s) => s.version)).toEqual([3, 2, 1]);
  });
});

describe('rollback', () => {
  const v1 = set(1, { status: 'archived' });
  const v2 = set(2, { active: true });
  const draft = set(3, { status: 'draft', publishedAt: null, publishedBy: null });
  const neverPublished = set(4, { status: 'archived', publishedAt: null, publishedBy: null });

  it('is offered on the set in force when an earlier version was published, and on an earlier published set', () => {
    expect(canRollback(v2, [v1, v2, draft])).toBe(true);
    expect(canRollback(v1, [v1, v2, draft])).toBe(true);
  });

  it('is not offered on drafts, never-published sets, or the only published version', () => {
    expect(canRollback(draft, [v1, v2, draft])).toBe(false);
    expect(canRollback(neverPublished, [v1, v2, neverPublished])).toBe(false);
    expect(canRollback(set(1, { active: true }), [set(1, { active: true }), draft])).toBe(false);
  });
});

describe('new draft and comparison', () => {
  it('copies the set in force (a deep copy) and names the version it is based on', () => {
    const active = { version: 2, note: 'v2', precedence: ['escalated', 'normal'], rules: [{ name: 'a', conditions: { all: [] } }] };
    const body = draftFrom(active, '以第 2 版为基础的草稿');
    expect(body).toEqual({ note: '以第 2 版为基础的草稿', precedence: ['escalated', 'normal'], rules: active.rules, basedOn: 2 });
    expect(body.rules[0]).not.toBe(active.rules[0]);
  });

  it('compares the newer of two picked versions against the older one, and needs exactly two', () => {
    expect(comparison([set(5), set(2)])).toEqual({ id: 'set-5', against: 'set-2' });
    expect(comparison([set(2), set(5)])).toEqual({ id: 'set-5', against: 'set-2' });
    expect(comparison([set(2)])).toBeNull();
    expect(comparison([set(1), set(2), set(3)])).toBeNull();
  });
});

describe('re-grade progress', () => {
  const activation = (regrade: Activation['regrade']): Activation => ({ id: 'a', ruleSetId: 's', version: 2, action: 'publish', fromVersion: 1, note: 'n', by: 'admin', at: '', regrade });

  it('is a percentage of the scanned cases, 100 when done, 0 before counting', () => {
    expect(regradePercent({ status: 'running', scanned: 3, total: 12, changed: 1 })).toBe(25);
    expect(regradePercent({ status: 'done', scanned: 0, total: 0, changed: 0 })).toBe(100);
    expect(regradePercent({ status: 'queued', scanned: 0, total: 0, changed: 0 })).toBe(0);
  });

  it('is running while any activation’s job is queued or running', () => {
    expect(regradeRunning([activation({ status: 'done', scanned: 1, total: 1, changed: 0 }), activation({ status: 'queued', scanned: 0, total: 0, changed: 0 })])).toBe(true);
    expect(regradeRunning([activation({ status: 'failed', scanned: 1, total: 2, changed: 0 })])).toBe(false);
  });
});
