import { describe, expect, it } from '@jest/globals';
import { buildCaseFacts } from '../../test/fixtures/rules-corpus.js';
import { ActiveRuleSetSource, type StoredRuleSet } from './active-rule-set-source.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import { RulesService } from './rules.service.js';

/** A source over sets held in memory, counting how often the engine asks it. */
class MemorySource extends ActiveRuleSetSource {
  active: number | null = null;
  readonly sets = new Map<number, StoredRuleSet>();
  pointerReads = 0;
  setReads = 0;

  activeVersion(): Promise<number | null> {
    this.pointerReads++;
    return Promise.resolve(this.active);
  }

  findByVersion(version: number): Promise<StoredRuleSet | null> {
    this.setReads++;
    return Promise.resolve(this.sets.get(version) ?? null);
  }
}

/** The shipped set under another version, escalating groups of three or more (shipped: five). */
function groupsOfThree(version: number, status: StoredRuleSet['status'] = 'published'): StoredRuleSet {
  const shipped = loadDefaultRuleSet();
  const rules = shipped.rules.map((r) =>
    r.name === 'escalate-group-petition' ? { ...r, conditions: { all: [{ fact: 'headcount', operator: 'greaterThanInclusive', value: 3 }] } } : r,
  );
  return { ...shipped, version, status, rules };
}

const smallGroup = buildCaseFacts({ headcount: 3 });

describe('RulesService (the engine over an active-set source)', () => {
  it('grades by the shipped set while no set is stored', async () => {
    const engine = new RulesService(new MemorySource());
    const evaluation = await engine.evaluate(smallGroup);
    expect({ version: evaluation.ruleSetVersion, grade: evaluation.grade }).toEqual({ version: loadDefaultRuleSet().version, grade: 'normal' });
  });

  it('grades by the version the source names, building its runner once', async () => {
    const source = new MemorySource();
    source.sets.set(2, groupsOfThree(2));
    source.active = 2;
    const engine = new RulesService(source);
    const first = await engine.evaluate(smallGroup);
    engine.forgetActive();
    const second = await engine.evaluate(smallGroup);
    expect([first.ruleSetVersion, first.grade, second.grade]).toEqual([2, 'escalated', 'escalated']);
    expect({ pointerReads: source.pointerReads, setReads: source.setReads }).toEqual({ pointerReads: 2, setReads: 1 });
  });

  it('sees a publish made in this instance at once after forgetActive', async () => {
    const source = new MemorySource();
    source.sets.set(2, groupsOfThree(2));
    const engine = new RulesService(source);
    expect((await engine.evaluate(smallGroup)).grade).toBe('normal');
    source.active = 2;
    engine.forgetActive();
    expect((await engine.evaluate(smallGroup)).grade).toBe('escalated');
  });

  it('rebuilds a draft on every call (drafts change) and keeps published runners', () => {
    const engine = new RulesService(new MemorySource());
    const draft = groupsOfThree(3, 'draft');
    const published = groupsOfThree(4);
    expect(engine.runnerFor(draft)).not.toBe(engine.runnerFor(draft));
    expect(engine.runnerFor(published)).toBe(engine.runnerFor(published));
    expect(engine.compiledFor(draft)).not.toBe(engine.compiledFor(draft));
    expect(engine.compiledFor(published)).toBe(engine.compiledFor(published));
  });

  it('fails loudly when the active version is missing from the source', async () => {
    const source = new MemorySource();
    source.active = 9;
    await expect(new RulesService(source).evaluate(smallGroup)).rejects.toThrow('active rule set version 9 vanished');
  });
});
