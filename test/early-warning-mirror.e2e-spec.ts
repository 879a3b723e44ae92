import { beforeAll, describe, expect, it } from '@jest/globals';
import { bearer, caseBody } from './support/factories.js';
import { useTestApp } from './support/test-app.js';

/**
 * `cases.earlyWarning` (migration 1764000000018) mirrors `flags` holding `early-warning` for the report
 * indexes. Database triggers keep it, whoever writes `flags`: the service's intake, or any other statement.
 */
describe('cases.earlyWarning mirrors the early-warning flag', () => {
  const t = useTestApp();
  const ids: string[] = [];

  const mirror = async (id: string): Promise<{ flagged: boolean; mirror: number }> => {
    const rows: { flags: string; earlyWarning: unknown }[] = await t.dataSource.query('SELECT flags, earlyWarning FROM cases WHERE id = ?', [id]);
    return { flagged: (JSON.parse(rows[0].flags) as string[]).includes('early-warning'), mirror: Number(rows[0].earlyWarning) };
  };

  beforeAll(async () => {
    const secretary = await t.token('secretary');
    for (let i = 0; i < 5; i++) {
      const { body } = await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ category: 'economy', region: '丹江口市', subject: `企业欠薪 ${i + 1}` })).expect(201);
      ids.push(body.id);
    }
  });

  it('is set on insert exactly for the cases the rules flagged', async () => {
    const states = await Promise.all(ids.map(mirror));
    expect(states.map((s) => s.flagged)).toEqual([false, false, false, false, true]); // the fifth sees 4 similar open cases
    expect(states.map((s) => s.mirror)).toEqual([0, 0, 0, 0, 1]);
  });

  it('follows an update of flags either way, and is not moved by other updates', async () => {
    await t.dataSource.query(`UPDATE cases SET flags = '["group-petition","early-warning"]' WHERE id = ?`, [ids[0]]);
    await t.dataSource.query(`UPDATE cases SET flags = '[]' WHERE id = ?`, [ids[4]]);
    expect(await mirror(ids[0])).toEqual({ flagged: true, mirror: 1 });
    expect(await mirror(ids[4])).toEqual({ flagged: false, mirror: 0 });
    await t.dataSource.query(`UPDATE cases SET subject = '企业欠薪（更正）' WHERE id IN (?, ?)`, [ids[0], ids[4]]);
    expect(await mirror(ids[0])).toEqual({ flagged: true, mirror: 1 });
    expect(await mirror(ids[4])).toEqual({ flagged: false, mirror: 0 });
  });
});
