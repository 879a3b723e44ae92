import type { MeetingType } from '../../domain/case-vocabulary.js';

/**
 * Weights of the soft constraints. The plan's `score` is the weighted sum of the penalties below
 * (lower is better); the leader assignment minimises the assignment part of it exactly.
 * Documented in docs/planner.md; change them there too.
 */
export const PLANNER_WEIGHTS = {
  /** A case that could not be placed at all. */
  unscheduled: 1000,
  /** A case whose meeting ends after its reply deadline. */
  afterDeadline: 100,
  /** A newly assigned leader whose portfolio does not cover the case's category. */
  portfolioMismatch: 20,
  /** A newly assigned leader whose regions do not cover the case's region (an empty list covers every region). */
  regionMismatch: 5,
  /** Per unit of Σ load²: the k-th case of a leader costs loadWeight·(2k−1) in the assignment. */
  load: 1,
  /** Each extra special meeting a cluster needs because its agenda overflows one meeting. */
  clusterSplit: 10,
} as const;

/** The order in which meeting types are planned: the director's special meetings first. */
export const PLANNING_ORDER: readonly MeetingType[] = ['special', 'supervision', 'joint'];
