import { describe, expect, it } from '@jest/globals';
import { FakeClock } from '../../test/support/fake-clock.js';
import type { CaseRegrading } from '../cases/regrade-port.js';
import type { JobRegistry } from '../jobs/job-registry.js';
import type { RulesService } from '../rules/rules.service.js';
import { RegradeService } from './regrade.service.js';
import type { RuleSetActivationRepository } from './rule-set-activation.repository.js';
import type { RuleSetRepository } from './rule-set.repository.js';
import type { RuleSetsService } from './rule-sets.service.js';

type Call = [string, ...unknown[]];

/** A re-grade over pages of fake cases; `outcomes` per case id; every progress report is recorded. */
function regradeWith(pages: string[][], outcome: (id: string) => 'changed' | 'unchanged' | Error, activeVersion = 2): { service: RegradeService; calls: Call[] } {
  const calls: Call[] = [];
  let page = 0;
  const cases = {
    countCandidates: () => Promise.resolve(pages.flat().length),
    candidates: () => Promise.resolve((pages[page++] ?? []).map((id) => ({ id, code: id }))),
    factsOf: () => ({}),
    applyGrade: (c: { id: string }) => {
      const result = outcome(c.id);
      return result instanceof Error ? Promise.reject(result) : Promise.resolve(result);
    },
  } as unknown as CaseRegrading;
  const rules = { runnerFor: () => ({ evaluate: () => Promise.resolve({ error: null }) }) } as unknown as RulesService;
  const ruleSets = { active: () => Promise.resolve({ version: activeVersion }) } as unknown as RuleSetsService;
  const activations = {
    regradeStarted: (id: string, total: number) => Promise.resolve(void calls.push(['started', id, total])),
    regradeProgress: (id: string, scanned: number, changed: number, status = 'running') => Promise.resolve(void calls.push(['progress', id, scanned, changed, status])),
    regradeFailed: (id: string) => Promise.resolve(void calls.push(['failed', id])),
  } as unknown as RuleSetActivationRepository;
  const service = new RegradeService(cases, rules, ruleSets, {} as RuleSetRepository, activations, {} as JobRegistry, new FakeClock());
  return { service, calls };
}

describe('RegradeService progress on its activation', () => {
  it('reports the total first, then scanned / changed per batch, then done', async () => {
    const { service, calls } = regradeWith([['a', 'b'], ['c']], (id) => (id === 'b' ? 'unchanged' : 'changed'));
    await expect(service.regrade(2, 'act-1')).resolves.toEqual({ scanned: 3, changed: 2, failed: 0 });
    expect(calls).toEqual([
      ['started', 'act-1', 3],
      ['progress', 'act-1', 2, 1, 'running'],
      ['progress', 'act-1', 3, 2, 'running'],
      ['progress', 'act-1', 3, 2, 'done'],
    ]);
  });

  it('marks the activation failed when the job throws, and rethrows', async () => {
    const { service, calls } = regradeWith([['a']], () => new Error('database gone'));
    await expect(service.regrade(2, 'act-2')).rejects.toThrow('database gone');
    expect(calls).toEqual([
      ['started', 'act-2', 1],
      ['failed', 'act-2'],
    ]);
  });

  it('is done with nothing to do when a newer activation overtook it', async () => {
    const { service, calls } = regradeWith([['a']], () => 'changed', 3);
    await expect(service.regrade(2, 'act-3')).resolves.toEqual({ scanned: 0, changed: 0, failed: 0 });
    expect(calls).toEqual([['progress', 'act-3', 0, 0, 'done']]);
  });

  it('runs a job queued without an activation (an earlier payload) and reports nowhere', async () => {
    const { service, calls } = regradeWith([['a', 'b']], () => 'changed');
    await expect(service.regrade(2)).resolves.toEqual({ scanned: 2, changed: 2, failed: 0 });
    expect(calls).toEqual([]);
  });
});
