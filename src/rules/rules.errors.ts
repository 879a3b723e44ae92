import { badRequest, type DomainError } from '../common/errors.js';

/**
 * The engine's errors: a rule set it cannot run. Each is `RULESET_INVALID` (400), with details that
 * point at the rule; the full, path-precise check admins see is `validateRuleSet`.
 */
export const RuleEngineErrors = {
  /** A set whose shape evaluation relies on is wrong (`version`, `precedence`, `rules`, a rule's name, priority or event). */
  invalid: (reason: string, details: Record<string, unknown>): DomainError =>
    badRequest('RULESET_INVALID', { zh: `规则集无效：${reason}`, en: `Invalid rule set: ${reason}` }, details),
  /** json-rules-engine refused the conditions of a rule. */
  unparsableConditions: (index: number, name: string, reason: string): DomainError =>
    badRequest(
      'RULESET_INVALID',
      { zh: `规则集无效：第 ${index + 1} 条规则的条件无法解析`, en: `Invalid rule set: conditions of rule ${index + 1} cannot be parsed` },
      { rule: index, name, reason },
    ),
  /** The compiled fast path cannot compile a condition of a rule. */
  uncompilable: (name: string, reason: string): DomainError =>
    badRequest(
      'RULESET_INVALID',
      { zh: `规则集无效：规则 ${name} 无法编译`, en: `Invalid rule set: rule ${name} cannot be compiled` },
      { name, reason },
    ),
  /** A rule without a top-level `all`, `any` or `not`. */
  missingConditions: (name: string): DomainError =>
    badRequest(
      'RULESET_INVALID',
      { zh: `规则集无效：规则 ${name} 缺少 all/any/not 条件`, en: `Invalid rule set: rule ${name} needs all/any/not conditions` },
      { name },
    ),
};
