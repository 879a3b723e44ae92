import { describe, expect, it } from 'vitest';
import { withThreshold } from '@domain/rule-shapes';
import { ApiError } from '@/api/errors';
import defaultSet from '../../../config/rules/default.json';
import { factLabel, flagFactChoices, moved, problemsAt, problemsOf, sectionsOf, thresholdLabel, thresholdValue, toggledFacts, unitWord } from './ruleForm';

const rules = defaultSet.rules as unknown[];

describe('the form of the shipped rule set', () => {
  const sections = sectionsOf(rules);

  it('has a routing row per category, the numeric thresholds, the flag rules and the rest', () => {
    expect(sections.routes.map((r) => r.category)).toContain('urban-construction');
    expect(sections.routes.every((r) => r.committee && r.handledBy && r.mode)).toBe(true);
    const group = sections.thresholds.find((s) => s.name === 'escalate-group-petition');
    expect(group).toMatchObject({ fact: 'headcount', operator: 'greaterThanInclusive', value: 5, unit: '人' });
    expect(sections.flags.find((s) => s.name === 'escalate-deputy-important')?.facts).toEqual(['deputyReported', 'important']);
    expect(sections.others.map((s) => s.name)).toContain('supervise-transferred-key-case');
    const total = sections.routes.length + sections.thresholds.length + sections.flags.length + sections.others.length;
    expect(total).toBe(rules.length);
  });

  it('reads a raised threshold back from the edited rules', () => {
    const group = sections.thresholds.find((s) => s.name === 'escalate-group-petition');
    const edited = sectionsOf(withThreshold(rules, group!.index, 10));
    expect(edited.thresholds.find((s) => s.name === 'escalate-group-petition')?.value).toBe(10);
  });

  it('labels a threshold by its description and fact, with the unit in either language', () => {
    const group = sections.thresholds.find((s) => s.name === 'escalate-group-petition')!;
    expect(thresholdLabel(group, 'zh-CN')).toBe('集体访（5 人及以上）提级办理（信访人数≥）');
    expect(unitWord(group, 'zh-CN')).toBe('人');
    expect(unitWord(group, 'en')).toBe('people');
    expect(factLabel('headcount', 'en')).toBe('Petitioners');
    expect(factLabel('madeUp', 'zh-CN')).toBe('madeUp');
  });
});

describe('server problems', () => {
  const refusal = new ApiError(400, 'RULESET_INVALID', '规则集有 2 处错误', {
    errors: [
      { path: 'rules[4].conditions.all[0].value', code: 'VALUE_TYPE', message: '应为数字' },
      { path: 'precedence', code: 'PRECEDENCE', message: '缺少等级' },
    ],
  });

  it('reads the paths of a refused save and points at the rule', () => {
    const problems = problemsOf(refusal);
    expect(problems).toEqual([
      { path: 'rules[4].conditions.all[0].value', code: 'VALUE_TYPE', message: '应为数字', rule: 4 },
      { path: 'precedence', code: 'PRECEDENCE', message: '缺少等级', rule: null },
    ]);
    expect(problemsAt(problems, 4).map((p) => p.code)).toEqual(['VALUE_TYPE']);
    expect(problemsAt(problems, 3)).toEqual([]);
  });

  it('reads a validation answer and ignores anything else', () => {
    expect(problemsOf({ valid: false, errors: [{ path: 'rules[0].name', code: 'DUPLICATE', message: '重名' }] })[0].rule).toBe(0);
    expect(problemsOf(new ApiError(409, 'RULESET_IMMUTABLE', '已发布'))).toEqual([]);
    expect(problemsOf(null)).toEqual([]);
  });
});

describe('editing helpers', () => {
  it('moves a precedence entry up or down and stays inside the list', () => {
    const list = ['joint-consultation', 'escalated', 'normal'];
    expect(moved(list, 1, -1)).toEqual(['escalated', 'joint-consultation', 'normal']);
    expect(moved(list, 1, 1)).toEqual(['joint-consultation', 'normal', 'escalated']);
    expect(moved(list, 0, -1)).toEqual(list);
    expect(moved(list, 2, 1)).toEqual(list);
  });

  it('ticks and unticks flag facts but keeps at least one', () => {
    expect(toggledFacts(['deputyReported'], 'important', true)).toEqual(['deputyReported', 'important']);
    expect(toggledFacts(['deputyReported', 'important'], 'important', false)).toEqual(['deputyReported']);
    expect(toggledFacts(['deputyReported'], 'deputyReported', false)).toEqual(['deputyReported']);
  });

  it('offers the boolean facts and any other a flag rule of the set uses', () => {
    const choices = flagFactChoices([{ kind: 'flag-rule', index: 0, name: 'x', description: '', outcome: { type: 'grade', grade: 'escalated' }, facts: ['newFact'] }]);
    expect(choices).toContain('provincialReferral');
    expect(choices.at(-1)).toBe('newFact');
  });

  it('accepts only finite numbers as thresholds', () => {
    expect(thresholdValue('10')).toBe(10);
    expect(thresholdValue(7)).toBe(7);
    expect(thresholdValue('')).toBeNull();
    expect(thresholdValue('abc')).toBeNull();
    expect(thresholdValue(Number.NaN)).toBeNull();
  });
});
