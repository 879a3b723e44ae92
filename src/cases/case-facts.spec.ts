import { describe, expect, it } from '@jest/globals';
import { RuleSetRunner } from '../rules/rule-set-runner.js';
import { validateRuleSet } from '../rules/rule-set-validator.js';
import { caseFacts } from './case-facts.js';
import type { CreateCaseDto } from './dto/create-case.dto.js';

const body = (overrides: Partial<CreateCaseDto> = {}): CreateCaseDto =>
  ({
    channel: 'visit',
    receivedAt: '2026-11-26T09:00:00+08:00',
    petitioner: { name: '张三' },
    subject: '企业上下游配套纠纷',
    content: '整车企业拖欠配套货款',
    category: 'economy',
    region: '张湾区',
    ...overrides,
  });

const derived = { repeatCount: 0, similarOpenCases: 0, relatedDissatisfied: false };

describe('case facts for the rules', () => {
  it('counts distinct, non-blank units involved and marks group petitions (≥ 5 people)', () => {
    expect(caseFacts(body({ unitsInvolved: ['GOV', 'COURT', 'GOV', ' '] }), derived)).toMatchObject({ unitsInvolvedCount: 2, isGroup: false });
    expect(caseFacts(body({ headcount: 5 }), derived)).toMatchObject({ unitsInvolvedCount: 0, isGroup: true });
    expect(caseFacts(body({ headcount: 4 }), derived).isGroup).toBe(false);
  });

  it('lets an admin write rules on them', async () => {
    const rules = [
      {
        name: 'group-and-two-units',
        priority: 100,
        conditions: {
          all: [
            { fact: 'isGroup', operator: 'equal', value: true },
            { fact: 'unitsInvolvedCount', operator: 'greaterThanInclusive', value: 2 },
          ],
        },
        event: { type: 'grade', params: { grade: 'joint-consultation' } },
      },
      { name: 'route', priority: 90, conditions: { all: [{ fact: 'category', operator: 'equal', value: 'economy' }] }, event: { type: 'route', params: { committee: 'FEC', handledBy: 'GOV', mode: 'transfer' } } },
    ];
    const definition = { version: 9, note: 'test', precedence: ['joint-consultation', 'escalated', 'normal'] as const, rules };
    expect(validateRuleSet(definition, { unitCodes: ['FEC', 'GOV', 'COURT'] })).toEqual({ valid: true, errors: [] });
    const runner = RuleSetRunner.fromDefinition({ ...definition, precedence: [...definition.precedence] } as never);
    expect((await runner.evaluate(caseFacts(body({ headcount: 6, unitsInvolved: ['GOV', 'COURT'] }), derived))).grade).toBe('joint-consultation');
    expect((await runner.evaluate(caseFacts(body({ headcount: 6, unitsInvolved: ['GOV'] }), derived))).grade).toBe('normal');
  });
});
