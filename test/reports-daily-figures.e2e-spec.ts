import { beforeAll, describe, expect, it } from '@jest/globals';
import { CaseDailyFigures, DAILY_FIGURES_STATE } from '../src/cases/case-daily-figures.js';
import { rawDate } from '../src/database/raw-values.js';
import { DailyScheduler } from '../src/jobs/daily-scheduler.js';
import { CATEGORIES, CHANNELS } from '../src/domain/case-vocabulary.js';
import { bearer, caseBody } from './support/factories.js';
import { useTestApp } from './support/test-app.js';

/**
 * Differential: the dashboard read through the daily roll-up (`case_daily_figures`) equals the live
 * computation (no watermark: every day read from `cases`) for several windows, after a full build, after
 * changes the roll-up has not seen yet (those days are read live), and after an incremental refresh.
 */
describe('reports: the daily roll-up gives the same dashboard as the live computation', () => {
  const t = useTestApp();
  let secretary: string;
  let daily: CaseDailyFigures;
  const ids: string[] = [];
  let seed = 13;
  const rnd = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return Math.floor(seed / 65536) % n;
  };
  const WINDOWS = [
    '', // this office year
    'from=2026-10-01&to=2026-11-30',
    'from=2026-11-10&to=2026-11-20',
    'from=2026-11-12&to=2026-11-12',
    `from=${encodeURIComponent('2026-10-20T13:00:00+08:00')}&to=${encodeURIComponent('2026-11-21T09:00:00+08:00')}`,
  ];
  const sqlTime = (d: Date): string => d.toISOString().replace('T', ' ').replace('Z', '');

  const dashboards = async (): Promise<unknown[]> => {
    const out: unknown[] = [];
    for (const q of WINDOWS) out.push((await t.http.get(`/reports/dashboard?${q}`).set(bearer(secretary)).expect(200)).body);
    return out;
  };
  /** The same windows with the watermark removed for the moment: every day live. */
  const liveDashboards = async (): Promise<unknown[]> => {
    const saved: { value: string; updatedAt: unknown }[] = await t.dataSource.query('SELECT value, updatedAt FROM job_state WHERE name = ?', [DAILY_FIGURES_STATE]);
    await t.dataSource.query('DELETE FROM job_state WHERE name = ?', [DAILY_FIGURES_STATE]);
    try {
      return await dashboards();
    } finally {
      if (saved.length) await t.dataSource.query('INSERT INTO job_state (name, value, updatedAt) VALUES (?, ?, ?)', [DAILY_FIGURES_STATE, saved[0].value, sqlTime(rawDate(saved[0].updatedAt))]);
    }
  };
  const later = (minutes: number): void => t.clock.set(new Date(t.clock.now().getTime() + minutes * 60_000).toISOString());

  beforeAll(async () => {
    secretary = await t.token('secretary');
    daily = t.app.get(CaseDailyFigures);
    const regions = ['张湾区', '丹江口市', '郧阳区'];
    for (let i = 0; i < 40; i++) {
      const day = 1 + rnd(56); // 2026-10-01 … 2026-11-25
      const at = new Date(Date.UTC(2026, 9, day, rnd(24) - 8, rnd(60)));
      const { body } = await t.http
        .post('/cases')
        .set(bearer(secretary))
        .send(caseBody({ receivedAt: at.toISOString(), channel: CHANNELS[rnd(CHANNELS.length)], category: CATEGORIES[rnd(3)], region: regions[rnd(3)], subject: `事项 ${i}` }))
        .expect(201);
      ids.push(body.id);
    }
  });

  it('equals the live figures after a full build, and reads the roll-up', async () => {
    const live = await liveDashboards();
    later(60);
    expect((await daily.refresh()).full).toBe(true);
    const plan = await daily.plan({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-11-29T16:00:00Z') });
    expect(plan.rollup).not.toBeNull();
    expect(plan.live).toEqual([]);
    const [row]: { n: unknown }[] = await t.dataSource.query("SELECT COUNT(*) AS n FROM case_daily_figures WHERE dimension = 'all'");
    expect(Number(row.n)).toBeGreaterThan(10);
    expect(await dashboards()).toEqual(live);
  });

  it('stays exact while changes wait for the job (their days are read live), and after an incremental refresh', async () => {
    const now = sqlTime(t.clock.now());
    for (let i = 0; i < 12; i++) {
      const id = ids[rnd(ids.length)];
      const status = ['closed', 'rejected', 'in_handling', 'accepted'][rnd(4)];
      await t.dataSource.query('UPDATE cases SET status = ?, acceptedAt = ?, updatedAt = ? WHERE id = ?', [status, status === 'rejected' ? null : now, now, id]);
    }
    await t.dataSource.query(`UPDATE cases SET flags = '["early-warning"]', updatedAt = ? WHERE id = ?`, [now, ids[3]]);
    await t.http.post('/cases').set(bearer(secretary)).send(caseBody({ receivedAt: '2026-11-12T10:00:00+08:00', category: CATEGORIES[0], region: '张湾区' })).expect(201);
    const plan = await daily.plan({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-11-29T16:00:00Z') });
    expect(plan.live.length).toBeGreaterThan(0);
    expect(plan.rollup?.exclude.length).toBeGreaterThan(0);
    const live = await liveDashboards();
    expect(await dashboards()).toEqual(live);
    later(60);
    const r = await daily.refresh();
    expect(r.full).toBe(false);
    expect(r.days).toBeGreaterThan(0);
    expect((await daily.plan({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-11-29T16:00:00Z') })).live).toEqual([]);
    expect(await dashboards()).toEqual(live);
  });

  it('rebuilds from scratch to the same figures', async () => {
    const before = await dashboards();
    await daily.rebuild();
    later(10);
    expect(await dashboards()).toEqual(before);
  });

  it('is refreshed by the job the scheduler queues every 10 minutes', async () => {
    later(10);
    await t.dataSource.query('UPDATE cases SET status = ?, updatedAt = ? WHERE id = ?', ['closed', sqlTime(t.clock.now()), ids[5]]);
    later(10);
    await t.app.get(DailyScheduler).check();
    await t.app.get(DailyScheduler).check();
    const slot: { n: unknown }[] = await t.dataSource.query('SELECT COUNT(*) AS n FROM outbox_jobs WHERE dedupeKey = ?', ['case-daily-figures:2026-11-26T12:30']);
    expect(Number(slot[0].n)).toBe(1); // 10:00 + 2 h 30 min of this spec's clock; once per slot
    const live = await liveDashboards();
    await t.relay.drain();
    const jobs: { status: string }[] = await t.dataSource.query("SELECT status FROM outbox_jobs WHERE name = 'case-daily-figures'");
    expect(jobs.length).toBeGreaterThan(0);
    expect(jobs.every((j) => j.status === 'done')).toBe(true);
    expect(await daily.watermark()).toEqual(new Date(t.clock.now().getTime() - 5 * 60_000));
    expect((await daily.plan({ from: new Date('2026-09-30T16:00:00Z'), to: new Date('2026-11-29T16:00:00Z') })).live).toEqual([]);
    expect(await dashboards()).toEqual(live);
  });
});
