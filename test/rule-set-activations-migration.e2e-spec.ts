import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MigrationTestDatabase, dbDateTime as dt, isoOf as iso } from './support/migration-database.js';

/** Migration 1764000000013 on a database that already holds published rule sets: one `publish` activation each, from what the sets record. */
const ACTIVATIONS = 1764000000013;

describe('migration 1764000000013: the activation history of sets published before it', () => {
  let db: MigrationTestDatabase;

  beforeAll(async () => {
    db = await MigrationTestDatabase.create(ACTIVATIONS);
  });
  afterAll(() => db.drop());

  it('adds one publish row per published set, in publication order, and none for drafts', async () => {
    const insert = (id: string, version: number, status: string, activeMarker: number | null, publishedBy: string | null, publishedAt: string | null): Promise<unknown> =>
      db.ds.query(
        'INSERT INTO rule_sets (id, version, status, activeMarker, note, precedence, rules, basedOn, createdBy, createdAt, updatedAt, publishedBy, publishedAt) VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?)',
        [id, version, status, activeMarker, `v${version}`, '["normal"]', '[]', 'admin', dt('2026-11-01T00:00:00Z'), dt('2026-11-01T00:00:00Z'), publishedBy, publishedAt ? dt(publishedAt) : null],
      );
    await insert('00000000-0000-4000-8000-000000000001', 1, 'archived', null, 'system', '2026-11-01T00:00:00Z');
    await insert('00000000-0000-4000-8000-000000000002', 2, 'published', 1, 'admin', '2026-11-10T02:00:00Z');
    await insert('00000000-0000-4000-8000-000000000003', 3, 'draft', null, null, null);

    const ran = await db.runMigrationUnderTest();
    expect(ran).toEqual([`RuleSetActivations${ACTIVATIONS}`]);

    const rows: Record<string, unknown>[] = await db.ds.query(
      'SELECT seq, ruleSetId, version, action, fromVersion, note, `by`, at, regradeStatus, regradeScanned, regradeTotal, regradeChanged FROM rule_set_activations ORDER BY seq',
    );
    expect(rows.map((r) => [Number(r.seq), r.ruleSetId, Number(r.version), r.action, r.fromVersion === null ? null : Number(r.fromVersion), r.by, iso(r.at as string), r.regradeStatus])).toEqual([
      [1, '00000000-0000-4000-8000-000000000001', 1, 'publish', null, 'system', '2026-11-01T00:00:00.000Z', 'done'],
      [2, '00000000-0000-4000-8000-000000000002', 2, 'publish', 1, 'admin', '2026-11-10T02:00:00.000Z', 'done'],
    ]);
    expect(rows.every((r) => typeof r.note === 'string' && r.note.length > 0)).toBe(true);
  });
});
