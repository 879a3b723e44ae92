import { DateTime } from 'luxon';
import type { MeetingType } from '../../domain/case-vocabulary.js';
import { CATEGORY_LABELS, MEETING_TYPE_LABELS } from './labels.js';
import { portfolioMatches, regionMatches } from './leader-assignment.js';
import type { DraftMeeting } from './meeting-builder.js';
import { uniqueMeetingTitle } from './meeting-title.js';
import type { PlannedMeeting, PlannerInput, PlanResult, Unscheduled, UnmetConstraint } from './planner.types.js';
import { PLANNER_WEIGHTS, PLANNING_ORDER } from './weights.js';

/** Name of the fairness measure reported in `PlanResult.fairness` (see docs/planner.md). */
export const FAIRNESS_MEASURE = 'sum-of-squared-loads';

/** Codes that are not planning failures (the caller did not ask for that meeting type). */
const NOT_PENALISED = new Set(['TYPE_NOT_REQUESTED']);

export function toPlannedMeetings(input: PlannerInput, drafts: readonly DraftMeeting[]): PlannedMeeting[] {
  const order = (t: MeetingType): number => PLANNING_ORDER.indexOf(t);
  const sorted = [...drafts].sort(
    (a, b) => a.slot.start - b.slot.start || order(a.type) - order(b.type) || (a.chairId < b.chairId ? -1 : a.chairId > b.chairId ? 1 : 0),
  );
  const taken = new Set<string>();
  return sorted.map((d) => {
    const base = d.type === 'special' ? `${MEETING_TYPE_LABELS.special}：${clusterTitle(d)}` : MEETING_TYPE_LABELS[d.type];
    const title = uniqueMeetingTitle(base, new Date(d.slot.start), input.timeZone, (t) => taken.has(t));
    taken.add(title);
    const items = [...d.items].sort((a, b) => a.urgency - b.urgency);
    return {
      type: d.type,
      title,
      startAt: new Date(d.slot.start),
      endAt: new Date(d.slot.end),
      chairId: d.chairId,
      roomId: d.roomId,
      leaderIds: [...d.leaderIds],
      unitCodes: [...d.units],
      agenda: items.map((i) => ({
        caseId: i.case.id,
        caseCode: i.case.code,
        leadLeaderId: i.leadLeaderId,
        presenterUnit: i.case.routeHandledBy || i.case.routeCommittee || 'OFFICE',
        minutes: input.settings.minutesPerCase[d.type],
      })),
    };
  });
}

function clusterTitle(d: DraftMeeting): string {
  const first = d.items[0]?.case;
  if (!first) return '';
  if (!first.clusterKey) return first.subject;
  return `${CATEGORY_LABELS[first.category] ?? first.category}·${first.region}`;
}

/** Unmet soft constraints, fairness and the weighted score of a finished plan. */
export function evaluatePlan(
  input: PlannerInput,
  meetings: readonly PlannedMeeting[],
  assignments: PlanResult['assignments'],
  unscheduled: readonly Unscheduled[],
): Pick<PlanResult, 'unmet' | 'score' | 'fairness'> {
  const cases = new Map(input.cases.map((c) => [c.id, c]));
  const leaders = new Map(input.leaders.map((l) => [l.id, l]));
  const fmt = (d: Date, pattern: string): string => DateTime.fromJSDate(d, { zone: input.timeZone }).toFormat(pattern);
  const unmet: UnmetConstraint[] = [];
  let late = 0;
  for (const m of meetings) {
    for (const item of m.agenda) {
      const c = cases.get(item.caseId);
      if (!c?.replyDueAt || m.endAt.getTime() <= c.replyDueAt.getTime()) continue;
      late++;
      const lapsed = c.replyDueAt.getTime() <= input.from.getTime() ? '（规划期开始前已到期）' : '';
      unmet.push({
        constraint: 'before-deadline',
        caseId: c.id,
        message: `${c.code} 安排在${fmt(m.startAt, 'M月d日 HH:mm')}的${MEETING_TYPE_LABELS[m.type]}，晚于${c.deadlineLabel ?? '答复期限'} ${fmt(c.replyDueAt, 'yyyy-MM-dd HH:mm')}${lapsed}。`,
      });
    }
  }
  let portfolio = 0;
  let region = 0;
  for (const a of assignments) {
    const c = cases.get(a.caseId);
    const l = leaders.get(a.leaderId);
    if (!c || !l || a.kept) continue;
    if (!portfolioMatches(c, l)) {
      portfolio++;
      unmet.push({ constraint: 'portfolio-match', caseId: c.id, message: `${c.code}（${CATEGORY_LABELS[c.category] ?? c.category}）的包案领导${l.name}分管领域不含该类别。` });
    }
    if (!regionMatches(c, l)) {
      region++;
      unmet.push({ constraint: 'region-match', caseId: c.id, message: `${c.code}（${c.region}）的包案领导${l.name}联系地区不含${c.region}。` });
    }
  }
  const clusterMeetings = new Map<string, number>();
  for (const m of meetings) {
    if (m.type !== 'special' || !m.agenda.length) continue;
    const key = cases.get(m.agenda[0].caseId)?.clusterKey;
    if (key) clusterMeetings.set(key, (clusterMeetings.get(key) ?? 0) + 1);
  }
  let splits = 0;
  for (const [key, count] of clusterMeetings) {
    if (count < 2) continue;
    splits += count - 1;
    unmet.push({ constraint: 'one-meeting-per-cluster', message: `专题“${key}”的议题超过一场会议的时长，分为 ${count} 场专题会议。` });
  }

  const fairness = fairnessOf(input, assignments);
  const imbalance = fairness.value - balancedSumOfSquares(input, fairness.loads, assignments.length);
  const failed = unscheduled.filter((u) => !NOT_PENALISED.has(u.code)).length;
  const score =
    failed * PLANNER_WEIGHTS.unscheduled +
    late * PLANNER_WEIGHTS.afterDeadline +
    portfolio * PLANNER_WEIGHTS.portfolioMismatch +
    region * PLANNER_WEIGHTS.regionMismatch +
    imbalance * PLANNER_WEIGHTS.load +
    splits * PLANNER_WEIGHTS.clusterSplit;
  return { unmet, score: Math.round(score * 1000) / 1000, fairness };
}

/**
 * Loads (activeCases + supervision cases in charge in this plan) of the leaders who may take charge
 * of cases and of every leader keeping one; the measure is Σ load², which the assignment minimises.
 */
export function fairnessOf(input: PlannerInput, assignments: PlanResult['assignments']): PlanResult['fairness'] {
  const loads: Record<string, number> = {};
  const involved = new Set(assignments.map((a) => a.leaderId));
  const leaders = [...input.leaders].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const l of leaders) {
    if (input.settings.leadRanks.includes(l.rank) || involved.has(l.id)) loads[l.id] = l.activeCases;
  }
  for (const a of assignments) loads[a.leaderId] = (loads[a.leaderId] ?? 0) + 1;
  const value = Object.values(loads).reduce((s, v) => s + v * v, 0);
  return { measure: FAIRNESS_MEASURE, value, loads };
}

/**
 * The least Σ load² reachable by handing `cases` cases to the same leaders on top of their
 * activeCases, ignoring portfolios and limits (water-filling: each case to the least-loaded leader).
 * The score counts Σ load² above this bound, so perfectly even loads cost nothing.
 */
export function balancedSumOfSquares(input: PlannerInput, loads: Readonly<Record<string, number>>, cases: number): number {
  const active = new Map(input.leaders.map((l) => [l.id, l.activeCases]));
  const level = Object.keys(loads).map((id) => active.get(id) ?? 0);
  if (!level.length) return 0;
  for (let k = 0; k < cases; k++) {
    let min = 0;
    for (let i = 1; i < level.length; i++) if (level[i] < level[min]) min = i;
    level[min]++;
  }
  return level.reduce((s, v) => s + v * v, 0);
}
