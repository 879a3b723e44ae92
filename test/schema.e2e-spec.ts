import { describe, expect, it } from '@jest/globals';
import { bearer, caseBody } from './support/factories.js';
import { useTestApp } from './support/test-app.js';

describe('database schema', () => {
  const t = useTestApp();

  it('is exactly what the entities describe once the reviewed migrations ran (no stale migration)', async () => {
    const pending = await t.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    const ran: { name: string }[] = await t.dataSource.query('SELECT name FROM migrations ORDER BY id');
    expect(ran.map((m) => m.name)).toEqual(t.dataSource.migrations.map((m) => m.name));
  });

  it('refuses to update or delete timeline rows', async () => {
    const token = await t.token('secretary');
    const created = await t.http.post('/cases').set(bearer(token)).send(caseBody()).expect(201);
    const id: string = created.body.id;
    await expect(t.dataSource.query("UPDATE case_events SET reason = 'rewritten' WHERE caseId = ?", [id])).rejects.toThrow(/append-only/);
    await expect(t.dataSource.query('DELETE FROM case_events WHERE caseId = ?', [id])).rejects.toThrow(/append-only/);
    const rows: { reason: string | null }[] = await t.dataSource.query('SELECT reason FROM case_events WHERE caseId = ?', [id]);
    expect(rows).toEqual([{ reason: null }]);
  });
});
