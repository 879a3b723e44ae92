import type { LeaderBook } from './leader-book.js';
import type { RoomBook } from './room-book.js';
import {
  type AssignmentProblem,
  type AssignmentSolution,
  dropCosts,
  marginalLoadCost,
  pairCost,
  solveAssignment,
} from './leader-assignment.js';
import { type AgendaCandidate, buildMeetings, type DraftMeeting, type MeetingKind, rankLabel } from './meeting-builder.js';
import type { PlannerCase, PlannerInput, PlannerLeader, Unscheduled } from './planner.types.js';
import { PLANNER_WEIGHTS } from './weights.js';

/** Assignment rounds: a case whose leader turns out to have no time is re-assigned (twice at most). */
const MAX_ROUNDS = 3;

export interface SupervisionOutcome {
  assignments: { caseId: string; leaderId: string; kept: boolean }[];
  unscheduled: Unscheduled[];
  /** The first-round assignment problem and its solution, for benchmarks and diagnostics. */
  firstRound: { problem: AssignmentProblem; solution: AssignmentSolution } | null;
}

/**
 * Supervision meetings: keep existing leaders in charge, assign the other cases by exact min-cost
 * flow (portfolio/region penalties, convex load cost, HARD capacity maxActiveCases − activeCases and
 * the leader's free meeting time), then pack the agendas. A case whose leader has no time left is
 * re-assigned to another leader in the next round.
 */
export function planSupervision(
  input: PlannerInput,
  cases: readonly PlannerCase[],
  candidateOf: (c: PlannerCase, leadLeaderId: string | null) => AgendaCandidate,
  kind: MeetingKind,
  book: LeaderBook,
  drafts: DraftMeeting[],
  rooms: RoomBook,
): SupervisionOutcome {
  const assignments: SupervisionOutcome['assignments'] = [];
  const unscheduled: Unscheduled[] = [];
  const leadLeaders = book.withRank(input.settings.leadRanks);
  const kept = cases.filter((c) => c.leadLeaderId !== null);
  let free = cases.filter((c) => c.leadLeaderId === null);

  const keptCount = new Map<string, number>();
  for (const c of kept) keptCount.set(c.leadLeaderId as string, (keptCount.get(c.leadLeaderId as string) ?? 0) + 1);
  const placedNew = new Map<string, number>();
  // Free meeting time, in cases: a leader below the chair ranks also needs a chair free at the same time.
  const slotRoom = new Map<string, number>();
  for (const l of leadLeaders) {
    const needsChair = kind.chairRanks.includes(l.rank) ? null : kind.chairRanks;
    slotRoom.set(l.id, book.disjointFreeSlots(l.id, kind.slots, needsChair) * kind.capacity - (keptCount.get(l.id) ?? 0));
  }
  const roomUnderMax = (l: PlannerLeader): number => l.maxActiveCases - l.activeCases - (keptCount.get(l.id) ?? 0) - (placedNew.get(l.id) ?? 0);
  const forbidden = new Set<string>();
  const pairKey = (c: PlannerCase, l: PlannerLeader): string => `${c.id}\u0000${l.id}`;
  const lastReason = new Map<string, { code: string; reason: string }>();
  let firstRound: SupervisionOutcome['firstRound'] = null;

  if (leadLeaders.length === 0) {
    for (const c of free) {
      unscheduled.push({ caseId: c.id, code: 'NO_ELIGIBLE_LEADER', reason: `没有可担任包案领导的人选（职级须为${input.settings.leadRanks.map(rankLabel).join('或')}），无法安排督办会。` });
    }
    free = [];
  }

  for (let round = 0; round < MAX_ROUNDS && (free.length > 0 || round === 0); round++) {
    const capacity = leadLeaders.map((l) => Math.max(0, Math.min(roomUnderMax(l), slotRoom.get(l.id) ?? 0)));
    const problem = assignmentProblem(free, leadLeaders, capacity, (c, l) => !forbidden.has(pairKey(c, l)), keptCount, placedNew);
    const solution = solveAssignment(problem);
    if (round === 0) firstRound = { problem, solution };

    const candidates: AgendaCandidate[] = round === 0 ? kept.map((c) => candidateOf(c, c.leadLeaderId)) : [];
    const assignedTo = new Map<string, PlannerLeader>();
    const takenNow = new Map<string, number>();
    free.forEach((c, i) => {
      const l = solution.leaderOf[i];
      if (l < 0) return;
      assignedTo.set(c.id, leadLeaders[l]);
      takenNow.set(leadLeaders[l].id, (takenNow.get(leadLeaders[l].id) ?? 0) + 1);
      candidates.push(candidateOf(c, leadLeaders[l].id));
    });
    const roomAfter = (l: PlannerLeader): number => roomUnderMax(l) - (takenNow.get(l.id) ?? 0);
    for (const c of free) {
      if (!assignedTo.has(c.id)) unscheduled.push(droppedReason(c, leadLeaders, roomAfter, forbidden, pairKey, lastReason.get(c.id)?.reason));
    }

    const failures = buildMeetings(kind, candidates, book, drafts, rooms);
    const failed = new Set(failures.map((f) => f.candidate.case.id));
    const retry: PlannerCase[] = [];
    for (const f of [...failures].sort((a, b) => a.candidate.urgency - b.candidate.urgency)) {
      const c = f.candidate.case;
      const leader = assignedTo.get(c.id);
      if (!leader) {
        unscheduled.push({ caseId: c.id, code: f.code, reason: f.reason });
        continue;
      }
      forbidden.add(pairKey(c, leader));
      slotRoom.set(leader.id, 0);
      lastReason.set(c.id, { code: f.code, reason: f.reason });
      retry.push(c);
    }
    for (const cand of candidates) {
      if (failed.has(cand.case.id) || !cand.leadLeaderId) continue;
      const isKept = cand.case.leadLeaderId !== null;
      assignments.push({ caseId: cand.case.id, leaderId: cand.leadLeaderId, kept: isKept });
      if (!isKept) {
        placedNew.set(cand.leadLeaderId, (placedNew.get(cand.leadLeaderId) ?? 0) + 1);
        slotRoom.set(cand.leadLeaderId, (slotRoom.get(cand.leadLeaderId) ?? 0) - 1);
      }
    }
    free = retry;
  }
  for (const c of free) {
    const last = lastReason.get(c.id);
    unscheduled.push({ caseId: c.id, code: last?.code ?? 'NO_FREE_SLOT', reason: last?.reason ?? '规划期内没有包案领导与主持人共同的空闲办公时段。' });
  }
  return { assignments, unscheduled, firstRound };
}

function assignmentProblem(
  cases: readonly PlannerCase[],
  leaders: readonly PlannerLeader[],
  capacity: number[],
  allowed: (c: PlannerCase, l: PlannerLeader) => boolean,
  keptCount: ReadonlyMap<string, number>,
  placedNew: ReadonlyMap<string, number>,
): AssignmentProblem {
  const baseLoad = leaders.map((l) => l.activeCases + (keptCount.get(l.id) ?? 0) + (placedNew.get(l.id) ?? 0));
  const arcs: AssignmentProblem['arcs'] = [];
  cases.forEach((c, caseIndex) =>
    leaders.forEach((l, leaderIndex) => {
      if (capacity[leaderIndex] > 0 && allowed(c, l)) arcs.push({ caseIndex, leaderIndex, cost: pairCost(c, l) });
    }),
  );
  const maxArc = PLANNER_WEIGHTS.portfolioMismatch + PLANNER_WEIGHTS.regionMismatch;
  const maxLoad = Math.max(0, ...leaders.map((l, i) => baseLoad[i] + capacity[i]));
  // Cases arrive sorted by urgency, so the index is the urgency rank.
  const rank = cases.map((_c, i) => i);
  return {
    caseIds: cases.map((c) => c.id),
    dropCost: dropCosts(rank, maxArc, marginalLoadCost(PLANNER_WEIGHTS.load, maxLoad), leaders.length),
    leaderIds: leaders.map((l) => l.id),
    baseLoad,
    capacity,
    arcs,
    loadWeight: PLANNER_WEIGHTS.load,
  };
}

function droppedReason(
  c: PlannerCase,
  leaders: readonly PlannerLeader[],
  roomUnderMax: (l: PlannerLeader) => number,
  forbidden: ReadonlySet<string>,
  pairKey: (c: PlannerCase, l: PlannerLeader) => string,
  previous: string | undefined,
): Unscheduled {
  const withRoom = leaders.filter((l) => roomUnderMax(l) > 0 && !forbidden.has(pairKey(c, l)));
  if (withRoom.length === 0) {
    return { caseId: c.id, code: 'LEADERS_AT_CAPACITY', reason: '可担任包案领导的领导在办案件均已达到上限，无法再分配包案领导。' };
  }
  return {
    caseId: c.id,
    code: 'NO_FREE_SLOT',
    reason: previous ?? `尚有余量的包案领导（${withRoom.map((l) => l.name).join('、')}）在规划期内没有可安排督办会的空闲时段。`,
  };
}
