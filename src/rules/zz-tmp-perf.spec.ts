import { Engine } from 'json-rules-engine';
import { registerOperators } from './operators.js';
import { RuleSetRunner } from './rule-set-runner.js';
import { loadDefaultRuleSet } from './default-rule-set.js';
import { buildCaseFacts } from '../../test/fixtures/rules-corpus.js';
it('perf', async () => {
  const def = loadDefaultRuleSet();
  const runner = RuleSetRunner.fromDefinition(def);
  const cases = Array.from({length: 5000}, (_, i) => buildCaseFacts({ headcount: i % 25, repeatCount: i % 4, similarOpenCases: i % 7, category: (['litigation','economy','legislation'] as const)[i%3] }));
  let t = performance.now();
  for (const c of cases) await runner.evaluate(c);
  const a = Math.round(cases.length / ((performance.now() - t) / 1000));
  const e = new Engine(def.rules.map(r => ({ name: r.name, priority: r.priority, conditions: r.conditions, event: r.event })), { allowUndefinedFacts: true });
  registerOperators(e);
  t = performance.now();
  for (const c of cases) await e.run({ ...c });
  const b = Math.round(cases.length / ((performance.now() - t) / 1000));
  console.log('runner', a, 'raw engine', b);
});
