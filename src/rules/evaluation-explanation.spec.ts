import { RuleSetRunner } from './rule-set-runner.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import { conditionText, explainEvaluation, outcomeText } from './evaluation-explanation.js';
import type { CaseFacts, Evaluation } from './evaluation.types.js';

const DEFAULT_RULE_SET = loadDefaultRuleSet();

const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  channel: 'visit',
  category: 'urban-construction',
  region: '茅箭区',
  headcount: 12,
  subject: '小区物业',
  content: '业主张三，电话 13812345678，反映物业问题',
  unitsInvolved: ['GOV'],
  unitsInvolvedCount: 1,
  isGroup: true,
  deputyReported: false,
  important: false,
  provincialReferral: false,
  leaderInstructed: false,
  repeatCount: 0,
  similarOpenCases: 0,
  relatedDissatisfied: false,
  daysOpen: 0,
  daysToDeadline: null,
  ...overrides,
});

describe('explainEvaluation', () => {
  it('explains each fired rule of a group petition with its conditions in Chinese', async () => {
    const evaluation = await RuleSetRunner.fromDefinition(DEFAULT_RULE_SET).evaluate(facts());
    const explanation = explainEvaluation(evaluation);
    expect(explanation.ruleSetVersion).toBe(DEFAULT_RULE_SET.version);
    expect(explanation.summary).toBe(`按第 ${DEFAULT_RULE_SET.version} 版规则：定级为提级办理，分流至 UCEC 跟踪、GOV 办理（交办督办），列入督办会；共 ${evaluation.firedRules.length} 条规则成立。`);
    const group = explanation.rules.find((r) => r.rule === 'escalate-group-petition');
    expect(group).toEqual({
      rule: 'escalate-group-petition',
      description: '集体访（5 人及以上）提级办理',
      eventType: 'grade',
      fired: true,
      outcome: '定级为提级办理',
      conditions: [{ fact: 'headcount', factLabel: '信访人数', operator: 'greaterThanInclusive', value: 5, factValue: 12, result: true, text: '信访人数 12 ≥ 5：成立' }],
      text: '规则“escalate-group-petition”（集体访（5 人及以上）提级办理）成立：定级为提级办理。',
    });
    const supervised = explanation.rules.find((r) => r.rule === 'supervise-transferred-key-case');
    expect(supervised?.conditions.map((c) => c.text)).toEqual(['办理方式 = 转送（本件：转送）：成立', '当前定级 属于 提级办理、会商办理（本件：提级办理）：成立']);
    expect(supervised?.outcome).toBe('办理方式改为交办督办');
  });

  it('explains an evaluation stored before descriptions were recorded, and one without conditions', () => {
    const old: Evaluation = {
      ruleSetVersion: 1,
      grade: 'escalated',
      route: { committee: 'UCEC', handledBy: 'GOV', mode: 'transfer' },
      meetingType: null,
      flags: [],
      deadlines: {},
      inviteDeputyProfessions: [],
      specialMeetingInvitees: [],
      firedRules: [
        { name: 'escalate-provincial-referral', eventType: 'grade', params: { grade: 'escalated' }, conditions: [{ fact: 'provincialReferral', operator: 'equal', value: true, factResult: true, result: true }] },
        { name: 'legacy', eventType: 'flag', params: { flag: 'repeat-petition' } } as unknown as Evaluation['firedRules'][number],
      ],
      error: null,
    };
    const explanation = explainEvaluation(old);
    expect(explanation.rules.map((r) => r.text)).toEqual(['规则“escalate-provincial-referral”成立：定级为提级办理。', '规则“legacy”成立：标记为重复信访。']);
    expect(explanation.rules[0].conditions[0].text).toBe('省人大转办 = 是（本件：是）：成立');
    expect(explanation.rules[1].conditions).toEqual([]);
  });

  it('never repeats free text typed at intake', () => {
    const text = conditionText({ fact: 'content', operator: 'containsAny', value: ['拆迁', '补偿'], factResult: '张三 13812345678 拆迁', result: true });
    expect(text).toBe('信访内容 含有以下关键词之一：拆迁、补偿：成立');
    expect(text).not.toContain('13812345678');
  });

  it('says when the rule set failed', () => {
    const failed: Evaluation = {
      ruleSetVersion: 3,
      grade: 'normal',
      route: { committee: 'OFFICE', handledBy: 'OFFICE', mode: 'internal' },
      meetingType: null,
      flags: ['needs-review'],
      deadlines: {},
      inviteDeputyProfessions: [],
      specialMeetingInvitees: [],
      firedRules: [],
      error: 'RULE_TIMEOUT: evaluation exceeded 5000 ms',
    };
    expect(explainEvaluation(failed)).toEqual({ ruleSetVersion: 3, summary: '按第 3 版规则运行时出错，按普通件处理并标记为待人工复核。', rules: [] });
  });

  it('words every kind of outcome', () => {
    expect(outcomeText('route', { committee: 'LAC', handledBy: 'LAC', mode: 'internal' })).toBe('分流：跟踪 LAC，办理 LAC（内部办理）');
    expect(outcomeText('deadline', { handleDays: 30, supervisedReplyMonths: 2 })).toBe('期限：办理期限 30 日，督办件答复期限 2 个月');
    expect(outcomeText('meeting', { type: 'special' })).toBe('提议召开专题会议');
    expect(outcomeText('meeting', { type: 'joint' })).toBe('列入联席会议');
    expect(outcomeText('invite-deputy', { profession: '法律' })).toBe('邀请法律专业的代表参加');
    expect(conditionText({ fact: 'unitsInvolved', operator: 'lengthGreaterThanInclusive', value: 2, factResult: ['GOV', 'HOUSING'], result: true })).toBe(
      '涉及单位的数量 ≥ 2（本件：GOV、HOUSING）：成立',
    );
  });
});
