import { describe, expect, it } from '@jest/globals';
import { FakeClock } from '../../test/support/fake-clock.js';
import type { CaseFactsReader, CaseWithFacts } from '../cases/case-facts-reader.js';
import type { CaseFacts, Evaluation } from '../rules/evaluation.types.js';
import type { RulesService } from '../rules/rules.service.js';
import type { RuleSet } from './rule-set.entity.js';
import { SimulationService } from './simulation.service.js';

/** Cases 1…n with headcount = their number (ids sort like their numbers). */
const corpus = (n: number): CaseWithFacts[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(i + 1).padStart(4, '0'), code: `XF-2026-${String(i + 1).padStart(6, '0')}`, subject: `case ${i + 1}`, facts: { headcount: i + 1 } as unknown as CaseFacts }));

/** A fake evaluator: escalated (with a supervision meeting and a supervised route) from `threshold` people. */
const byThreshold = (threshold: number) => ({
  evaluate: (facts: CaseFacts): Evaluation =>
    ({
      grade: facts.headcount >= threshold ? 'escalated' : 'normal',
      route: { committee: 'UCEC', handledBy: 'GOV', mode: facts.headcount >= threshold ? 'supervised' : 'transfer' },
      meetingType: facts.headcount >= threshold ? 'supervision' : null,
    }) as unknown as Evaluation,
});

function service(cases: CaseWithFacts[], reads: number[] = []): SimulationService {
  const reader = {
    batch: (_filter: unknown, afterId: string | null, size: number) => {
      reads.push(size);
      const from = afterId ? cases.findIndex((c) => c.id === afterId) + 1 : 0;
      return Promise.resolve(cases.slice(from, from + size));
    },
  } as unknown as CaseFactsReader;
  const rules = { compiledFor: (set: RuleSet) => byThreshold(set.version === 1 ? 5 : 10) } as unknown as RulesService;
  return new SimulationService(reader, rules, new FakeClock());
}

const active = { id: 'a', version: 1, rules: [] } as unknown as RuleSet;
const draft = { id: 'd', version: 2, rules: [] } as unknown as RuleSet;

describe('SimulationService.run (the one loop of /simulate and the simulation job)', () => {
  it('builds before → after matrices with unchanged pairs, and the old change lists', async () => {
    const { report, stopped, cellCases } = await service(corpus(12)).run(draft, active, {}, Number.MAX_SAFE_INTEGER, 2);
    expect(stopped).toBe(false);
    expect(cellCases).toEqual([]);
    expect(report).toMatchObject({ scanned: 12, changed: 5, grades: { before: { normal: 4, escalated: 8 }, after: { normal: 9, escalated: 3 } } });
    expect(report.matrix.grade).toEqual([
      { from: 'escalated', to: 'normal', count: 5 },
      { from: 'normal', to: 'normal', count: 4 },
      { from: 'escalated', to: 'escalated', count: 3 },
    ]);
    expect(report.matrix.meeting).toContainEqual({ from: 'supervision', to: 'none', count: 5 });
    expect(report.matrix.meeting).toContainEqual({ from: 'none', to: 'none', count: 4 });
    expect(report.matrix.route).toContainEqual({ from: 'UCEC/GOV/supervised', to: 'UCEC/GOV/transfer', count: 5 });
    expect(report.meetingChanges).toEqual([{ from: 'supervision', to: null, count: 5 }]);
    expect(report.examples.map((e) => e.code)).toEqual(['XF-2026-000005', 'XF-2026-000006']);
  });

  it('reports progress after every batch, keeps at most N cases per changed cell, and stops when asked', async () => {
    const progress: number[] = [];
    const reads: number[] = [];
    const result = await service(corpus(12), reads).run(draft, active, {}, Number.MAX_SAFE_INTEGER, 0, {
      batchSize: 4,
      casesPerCell: 2,
      progress: (scanned) => {
        progress.push(scanned);
        return Promise.resolve(scanned >= 8);
      },
    });
    expect(reads).toEqual([4, 4]);
    expect(progress).toEqual([4, 8]);
    expect(result.stopped).toBe(true);
    expect(result.report.scanned).toBe(8);
    expect(result.report.changed).toBe(4);
    // Cases 5..8 changed: two kept per changed cell of each dimension, in reading order.
    const grade = result.cellCases.filter((c) => c.dimension === 'grade');
    expect(grade.map((c) => c.code)).toEqual(['XF-2026-000005', 'XF-2026-000006']);
    expect(grade[0]).toMatchObject({ from: 'escalated', to: 'normal', outcomes: { before: { grade: 'escalated' }, after: { grade: 'normal' } } });
    expect(result.cellCases.filter((c) => c.dimension === 'meeting').map((c) => [c.from, c.to])).toEqual([
      ['supervision', 'none'],
      ['supervision', 'none'],
    ]);
    expect(result.cellCases.filter((c) => c.dimension === 'route')).toHaveLength(2);
  });

  it('honours the limit like the synchronous route', async () => {
    const report = await service(corpus(12)).simulate(draft, active, {}, 6, 0);
    expect(report).toMatchObject({ scanned: 6, changed: 2 });
  });
});
