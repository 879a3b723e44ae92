/** The shipped default rule set against a hand-graded corpus of realistic cases (the default policy of docs/domain.md). */
import { loadDefaultRuleSet } from '../src/rules/default-rule-set.js';
import { RuleSetRunner } from '../src/rules/rule-set-runner.js';
import { RULES_CORPUS } from './fixtures/rules-corpus.js';

const runner = RuleSetRunner.fromDefinition(loadDefaultRuleSet());

describe('default rule set on the hand-graded corpus', () => {
  it('holds at least 40 cases covering every category and every region of Shiyan', () => {
    expect(RULES_CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(RULES_CORPUS.map((c) => c.facts.category)).size).toBe(11);
    expect(new Set(RULES_CORPUS.map((c) => c.facts.region))).toEqual(
      new Set(['茅箭区', '张湾区', '郧阳区', '郧西县', '竹山县', '竹溪县', '房县', '丹江口市']),
    );
  });

  it.each(RULES_CORPUS.map((c) => [`${c.id} ${c.facts.subject}`, c] as const))('%s', async (_title, corpusCase) => {
    const evaluation = await runner.evaluate(corpusCase.facts);
    const { expected } = corpusCase;
    expect(evaluation.error).toBeNull();
    expect({
      grade: evaluation.grade,
      route: evaluation.route,
      meetingType: evaluation.meetingType,
      flags: [...evaluation.flags].sort(),
      specialMeetingInvitees: evaluation.specialMeetingInvitees,
    }).toEqual({ ...expected, flags: [...expected.flags].sort() });
  });
});
