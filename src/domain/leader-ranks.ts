/** Ranks of the standing committee's leaders, from the director down. */
export const LEADER_RANKS = ['director', 'deputy-director', 'secretary-general', 'committee-head'] as const;
export type LeaderRank = (typeof LEADER_RANKS)[number];
