import { withFlagFacts, withOutcomeGrade, withRoute, withThreshold, shapesOf } from '../domain/rule-shapes.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import { diffRuleSets, type RuleSetContent } from './rule-set-diff.js';

const shipped = loadDefaultRuleSet();
const base: RuleSetContent = { note: shipped.note, precedence: shipped.precedence, rules: shipped.rules };
const indexOf = (name: string): number => shapesOf(base.rules).findIndex((shape) => shape.name === name);
const withRules = (rules: readonly unknown[]): RuleSetContent => ({ ...base, rules });

describe('diffRuleSets', () => {
  it('finds nothing between a set and itself (or a copy with keys in another order)', () => {
    expect(diffRuleSets(base, base)).toEqual([]);
    const reordered = base.rules.map((rule) => Object.fromEntries(Object.entries(rule as object).reverse()));
    expect(diffRuleSets(base, withRules(reordered))).toEqual([]);
  });

  it('words a threshold change with the fact and its unit: 集体访提级办理（信访人数）门槛：5人 → 10人', () => {
    const changes = diffRuleSets(base, withRules(withThreshold(base.rules, indexOf('escalate-group-petition'), 10)));
    expect(changes).toEqual([
      {
        rule: 'escalate-group-petition',
        kind: 'changed',
        zh: '集体访提级办理（信访人数）门槛：5人 → 10人',
        en: 'escalate-group-petition (Petitioners) threshold: 5 people → 10 people',
      },
    ]);
    const repeat = diffRuleSets(base, withRules(withThreshold(base.rules, indexOf('escalate-repeat-petition'), 3)));
    expect(repeat.map((c) => c.zh)).toEqual(['12 个月内第三次及以上信访提级办理（12 个月内此前信访件数）门槛：2次 → 3次']);
    const units = diffRuleSets(base, withRules(withThreshold(base.rules, indexOf('joint-multiple-units'), 3)));
    expect(units.map((c) => [c.zh, c.en])).toEqual([['涉及 2 个及以上单位，会商办理（涉及单位）门槛：2个 → 3个', 'joint-multiple-units (Units involved) threshold: 2 units → 3 units']]);
  });

  it('words route changes by category label and unit codes: 城建类：办理单位 GOV → UCEC', () => {
    const index = indexOf('route-urban-construction');
    const changes = diffRuleSets(base, withRules(withRoute(base.rules, index, { committee: 'UCEC', handledBy: 'UCEC', mode: 'internal' })));
    expect(changes).toEqual([
      { rule: 'route-urban-construction', kind: 'changed', zh: '城建类：办理单位 GOV → UCEC', en: 'Urban construction: handling unit GOV → UCEC' },
      { rule: 'route-urban-construction', kind: 'changed', zh: '城建类：办理方式 转送 → 内部办理', en: 'Urban construction: handling mode Transferred → Internal' },
    ]);
    const committee = diffRuleSets(base, withRules(withRoute(base.rules, indexOf('route-litigation'), { committee: 'LAC', handledBy: 'COURT', mode: 'transfer' })));
    expect(committee.map((c) => c.zh)).toEqual(['涉法涉诉类：跟踪委员会 SJC → LAC']);
  });

  it('words flag-rule conditions, outcome grades and priorities', () => {
    const flags = diffRuleSets(base, withRules(withFlagFacts(base.rules, indexOf('escalate-deputy-important'), ['deputyReported'])));
    expect(flags.map((c) => [c.zh, c.en])).toEqual([['代表反映的重要事项提级办理：条件 代表反映且重要事项 → 代表反映', 'escalate-deputy-important: conditions Reported by a deputy and Important matter → Reported by a deputy']]);
    const grade = diffRuleSets(base, withRules(withOutcomeGrade(base.rules, indexOf('joint-large-group'), 'escalated')));
    expect(grade.map((c) => [c.zh, c.en])).toEqual([['20 人及以上集体访，会商办理：定级 会商办理 → 提级办理', 'joint-large-group: grade Joint consultation → Escalated']]);
    const rules = base.rules.map((rule) => ((rule as { name: string }).name === 'meeting-joint' ? { ...(rule as object), priority: 5 } : rule));
    expect(diffRuleSets(base, withRules(rules))).toEqual([
      { rule: 'meeting-joint', kind: 'changed', zh: '会商办理事项召开联席会议，邀请所有涉及单位：优先级 10 → 5', en: 'meeting-joint: priority 10 → 5' },
    ]);
  });

  it('names rules added and removed with their description', () => {
    const extra = {
      name: 'escalate-long-open',
      priority: 100,
      description: '收件 60 日以上仍未办结的提级办理',
      conditions: { all: [{ fact: 'daysOpen', operator: 'greaterThanInclusive', value: 60 }] },
      event: { type: 'grade', params: { grade: 'escalated' } },
    };
    const rules = [...base.rules.filter((rule) => (rule as { name: string }).name !== 'escalate-related-dissatisfied'), extra];
    expect(diffRuleSets(base, withRules(rules))).toEqual([
      { rule: 'escalate-related-dissatisfied', kind: 'removed', zh: '删除规则“escalate-related-dissatisfied”（关联的前案信访人不满意，提级办理）', en: 'Rule removed: escalate-related-dissatisfied' },
      { rule: 'escalate-long-open', kind: 'added', zh: '新增规则“escalate-long-open”（收件 60 日以上仍未办结的提级办理）', en: 'Rule added: escalate-long-open' },
    ]);
  });

  it('words a precedence order change and a note change', () => {
    const changes = diffRuleSets(base, { ...base, note: '第二版', precedence: ['escalated', 'joint-consultation', 'normal'] });
    expect(changes).toEqual([
      { rule: null, kind: 'note', zh: expect.stringMatching(/^版本说明：“默认规则集.*” → “第二版”$/), en: expect.stringMatching(/^Note: ".*" → "第二版"$/) },
      { rule: null, kind: 'precedence', zh: '等级优先顺序：会商办理 > 提级办理 > 普通 → 提级办理 > 会商办理 > 普通', en: 'Grade precedence: Joint consultation > Escalated > Normal → Escalated > Joint consultation > Normal' },
    ]);
  });

  it('still reports a change of a rule no form knows, and never throws on odd rules', () => {
    const index = indexOf('supervise-transferred-key-case');
    const rules = base.rules.map((rule, i) => (i === index ? { ...(rule as object), conditions: { all: [{ fact: 'routeMode', operator: 'equal', value: 'transfer' }] } } : rule));
    expect(diffRuleSets(base, withRules(rules))).toEqual([
      { rule: 'supervise-transferred-key-case', kind: 'changed', zh: expect.stringContaining('：条件已修改'), en: 'supervise-transferred-key-case: conditions changed' },
    ]);
    expect(() => diffRuleSets({ note: '', precedence: [], rules: [null, 3, { name: 'x' }] }, { note: '', precedence: [], rules: [{ name: 'x', priority: 2 }, 'y'] })).not.toThrow();
  });
});
