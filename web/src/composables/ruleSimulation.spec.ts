import { describe, expect, it } from 'vitest';
import { isSettled, matrixOf, pollRun, runIsCurrent, runPercent, valueText, type SimulationRun, type ValueWords } from './ruleSimulation';

const run = (over: Partial<SimulationRun> = {}): SimulationRun => ({ id: 'run-1', ruleSetId: 's', version: 2, activeVersion: 1, status: 'running', scanned: 0, total: 10, error: null, report: null, ...over });

describe('the before → after matrix', () => {
  const cells = [
    { from: 'escalated', to: 'normal', count: 2 },
    { from: 'escalated', to: 'escalated', count: 3 },
    { from: 'normal', to: 'normal', count: 7 },
    { from: 'joint-consultation', to: 'joint-consultation', count: 1 },
  ];

  it('orders rows and columns by the given order, fills missing cells with 0 and counts the changes', () => {
    const m = matrixOf(cells, ['joint-consultation', 'escalated', 'normal']);
    expect(m.rows).toEqual(['joint-consultation', 'escalated', 'normal']);
    expect(m.columns).toEqual(['joint-consultation', 'escalated', 'normal']);
    expect(m.count.escalated).toEqual({ 'joint-consultation': 0, escalated: 3, normal: 2 });
    expect(m.rowTotals).toEqual({ escalated: 5, normal: 7, 'joint-consultation': 1 });
    expect(m.columnTotals).toEqual({ normal: 9, escalated: 3, 'joint-consultation': 1 });
    expect(m.changed).toBe(2);
  });

  it('orders values outside the given order by their count', () => {
    const m = matrixOf([
      { from: 'A/B/transfer', to: 'A/B/transfer', count: 1 },
      { from: 'C/D/internal', to: 'C/D/internal', count: 4 },
    ]);
    expect(m.rows).toEqual(['C/D/internal', 'A/B/transfer']);
  });

  it('is empty without cells', () => {
    expect(matrixOf([])).toMatchObject({ rows: [], columns: [], changed: 0 });
  });
});

describe('values in words', () => {
  const words: ValueWords = { grade: (g) => `G:${g}`, meetingType: (m) => `M:${m}`, mode: (m) => `mode:${m}`, unit: (u) => `unit:${u}`, none: '无' };

  it('names grades, meetings (none for no meeting) and the three parts of a route', () => {
    expect(valueText('grade', 'normal', words)).toBe('G:normal');
    expect(valueText('meeting', 'none', words)).toBe('无');
    expect(valueText('meeting', 'joint', words)).toBe('M:joint');
    expect(valueText('route', 'UCEC/GOV/transfer', words)).toBe('unit:UCEC / unit:GOV / mode:transfer');
    expect(valueText('route', 'odd', words)).toBe('odd');
  });
});

describe('a run of the draft as it is now', () => {
  it('is current when started at or after the last save of the same set', () => {
    const set = { id: 's', updatedAt: '2026-11-26T02:00:00.000Z' };
    expect(runIsCurrent({ ruleSetId: 's', createdAt: '2026-11-26T02:00:00.000Z' }, set)).toBe(true);
    expect(runIsCurrent({ ruleSetId: 's', createdAt: '2026-11-26T03:00:00.000Z' }, set)).toBe(true);
    expect(runIsCurrent({ ruleSetId: 's', createdAt: '2026-11-26T01:59:59.000Z' }, set)).toBe(false);
    expect(runIsCurrent({ ruleSetId: 'other', createdAt: '2026-11-26T03:00:00.000Z' }, set)).toBe(false);
  });
});

describe('a run’s progress', () => {
  it('reads settled states and a percentage', () => {
    expect(isSettled({ status: 'running' })).toBe(false);
    expect(['done', 'failed', 'cancelled'].every((status) => isSettled({ status: status as SimulationRun['status'] }))).toBe(true);
    expect(runPercent({ status: 'running', scanned: 3, total: 4 })).toBe(75);
    expect(runPercent({ status: 'queued', scanned: 0, total: 0 })).toBe(0);
    expect(runPercent({ status: 'done', scanned: 0, total: 0 })).toBe(100);
  });

  it('asks again until the run settles, reporting every answer', async () => {
    const answers = [run({ scanned: 5 }), run({ status: 'done', scanned: 10 })];
    const seen: number[] = [];
    let waits = 0;
    const last = await pollRun(run(), async () => answers.shift()!, (r) => seen.push(r.scanned), async () => { waits += 1; });
    expect(last.status).toBe('done');
    expect(seen).toEqual([0, 5, 10]);
    expect(waits).toBe(2);
  });

  it('stops asking when told to (the page was left)', async () => {
    let asked = 0;
    let stop = false;
    const last = await pollRun(run(), async () => { asked += 1; return run(); }, () => undefined, async () => { stop = true; }, () => stop);
    expect(asked).toBe(0);
    expect(last.status).toBe('running');
  });
});
