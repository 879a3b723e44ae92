import { describe, expect, it } from '@jest/globals';
import { PROJECT_ROOT } from '../config/paths.js';
import { collectImports, describeEdge, folderCycles, type ImportEdge, layerOf, violations } from './support/import-graph.js';

/**
 * Issue 11: the layers of `src/` stay in order (docs/architecture.md). A lower layer never imports a higher
 * one, no two folders import each other, and no module reads another module's repository.
 */
describe('architecture', () => {
  const edges = collectImports(PROJECT_ROOT);

  it('reads the real import graph', () => {
    expect(edges.length).toBeGreaterThan(300);
    expect(edges).toContainEqual({ from: 'src/app.module.ts', to: 'src/cases/cases.module.ts' });
  });

  it('has no import from a lower layer into a higher one, sideways, or into another module\'s repository', () => {
    expect(violations(edges).map(describeEdge)).toEqual([]);
  });

  it('has no cycle between folders', () => {
    expect(folderCycles(edges)).toEqual([]);
  });

  it('keeps the kernel, config/ and common/ free of any feature', () => {
    const low = edges.filter((e) => ['domain', 'config', 'common'].includes(layerOf(e.from)));
    const reached = new Set(low.map((e) => layerOf(e.to)));
    expect([...reached].filter((layer) => !['domain', 'config', 'common'].includes(layer))).toEqual([]);
  });

  // The check itself: the upward imports a review found before the redesign are each caught.
  it.each<[ImportEdge, string]>([
    [{ from: 'config/app-config.ts', to: 'src/common/pii/pii-cipher.ts' }, 'sideways'],
    [{ from: 'config/policy.ts', to: 'src/cases/deadlines.ts' }, 'upward'],
    [{ from: 'config/meetings-config.ts', to: 'src/directory/leader.entity.ts' }, 'upward'],
    [{ from: 'src/common/core.module.ts', to: 'src/cases/deadlines.ts' }, 'upward'],
    [{ from: 'src/common/labels.ts', to: 'src/domain/case-vocabulary.ts' }, 'none'],
    [{ from: 'src/common/audit/audit.repository.ts', to: 'src/auth/actor.ts' }, 'upward'],
    [{ from: 'src/rules/rule-sets.service.ts', to: 'src/cases/case.entity.ts' }, 'upward'],
    [{ from: 'src/meetings/meetings.service.ts', to: 'src/calendar/invite-delivery.entity.ts' }, 'upward'],
    [{ from: 'src/reports/reports.service.ts', to: 'src/cases/case.repository.ts' }, 'private-file'],
    [{ from: 'src/meetings/meetings.service.ts', to: 'src/rule-sets/rule-sets.service.ts' }, 'sideways'],
    [{ from: 'src/app.module.ts', to: 'src/cases/case.repository.ts' }, 'none'],
    [{ from: 'src/backup/cli/restore-command.ts', to: 'src/migrate.ts' }, 'none'],
  ])('would refuse %j (%s)', (edge, rule) => {
    expect(violations([edge]).map((v) => v.rule)).toEqual(rule === 'none' ? [] : [rule]);
  });

  it('would report a cycle between two folders', () => {
    const cycle = folderCycles([
      { from: 'src/cases/intake.service.ts', to: 'src/rules/rule-set-runner.ts' },
      { from: 'src/rules/simulation.service.ts', to: 'src/cases/case.entity.ts' },
    ]);
    expect(cycle).toEqual([['cases', 'rules', 'cases']]);
  });
});
