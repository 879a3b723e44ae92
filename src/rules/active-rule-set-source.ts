import type { RuleSetDefinition } from './rule-set.types.js';

export const RULE_SET_STATUSES = ['draft', 'published', 'archived'] as const;
export type RuleSetStatus = (typeof RULE_SET_STATUSES)[number];

/** A stored rule set as the engine sees it: its definition, and whether it may still change (a draft). */
export interface StoredRuleSet extends RuleSetDefinition {
  status: RuleSetStatus;
}

/**
 * Where the engine learns which stored set is in force. The engine knows facts, not tables: rule-set
 * administration (`src/rule-sets`) implements this over its `rule_sets` table and provides it to the
 * whole application under this class as the token.
 */
export abstract class ActiveRuleSetSource {
  /** The active set's version, or null before any set is stored (first start). Asked about once a second. */
  abstract activeVersion(): Promise<number | null>;

  /** A stored set by version; null when there is none. Published sets never change, so the engine keeps what it builds. */
  abstract findByVersion(version: number): Promise<StoredRuleSet | null>;
}
