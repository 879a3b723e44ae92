/** The rule set shipped with the product (config/rules/default.json), read once at boot. */
import { readFileSync } from 'node:fs';
import { projectPath } from '../../config/paths.js';
import type { RuleSetDefinition } from './rule-set.types.js';

export const DEFAULT_RULE_SET_PATH = 'config/rules/default.json';

/** Reads and parses the shipped rule set; structure is checked when a runner is built from it. */
export function loadDefaultRuleSet(): RuleSetDefinition {
  return JSON.parse(readFileSync(projectPath(DEFAULT_RULE_SET_PATH), 'utf8')) as RuleSetDefinition;
}
