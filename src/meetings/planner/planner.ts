import type { MeetingType } from '../../domain/case-vocabulary.js';
import { MEETING_TYPE_LABELS } from './labels.js';
import { LeaderBook } from './leader-book.js';
import { type AgendaCandidate, buildMeetings, type DraftMeeting } from './meeting-builder.js';
import { clusterOf, meetingCapacity, meetingKind, unitsFor } from './meeting-kinds.js';
import { evaluatePlan, toPlannedMeetings } from './plan-report.js';
import type { PlannerCase, PlannerInput, PlanResult, Unscheduled } from './planner.types.js';
import { localDatesInWindow, officeDays } from './slots.js';
import { RoomBook } from './room-book.js';
import { planSupervision, type SupervisionOutcome } from './supervision.js';
import { validatePlannerInput } from './validate-input.js';
import { PLANNING_ORDER } from './weights.js';

export interface PlanDiagnostics {
  result: PlanResult;
  /** The first-round leader assignment (problem and exact solution), null without supervision cases. */
  assignment: SupervisionOutcome['firstRound'];
}

/**
 * Plans special, supervision and joint meetings for the cases of `input` within [from, to).
 * Pure and deterministic: no clock, no I/O. Hard constraints are never broken; a case that cannot
 * be placed is listed in `unscheduled` with a stable code and a Chinese reason.
 */
export function planMeetings(input: PlannerInput): PlanResult {
  return planMeetingsWithDiagnostics(input).result;
}

/** As planMeetings, also returning the first-round assignment problem (for benchmarks). */
export function planMeetingsWithDiagnostics(input: PlannerInput): PlanDiagnostics {
  validatePlannerInput(input);
  const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const book = new LeaderBook([...input.leaders].sort(byId));
  const rooms = new RoomBook(input.rooms ?? [], input.timeZone);
  const cases = [...input.cases].sort(byUrgency);
  const urgency = new Map(cases.map((c, i) => [c.id, i]));
  const unscheduled: Unscheduled[] = [];
  const warnings = calendarWarnings(input);
  const queue = new Map<MeetingType, PlannerCase[]>(PLANNING_ORDER.map((t) => [t, []]));

  for (const c of cases) {
    const label = MEETING_TYPE_LABELS[c.meetingType];
    if (!input.types.includes(c.meetingType)) {
      unscheduled.push({ caseId: c.id, code: 'TYPE_NOT_REQUESTED', reason: `本次排会未包含${label}，该事项未排入议程。` });
    } else if (c.leadLeaderId !== null && !book.byId.has(c.leadLeaderId)) {
      unscheduled.push({ caseId: c.id, code: 'LEAD_LEADER_UNKNOWN', reason: `包案领导（${c.leadLeaderId}）不在本次可排会的领导名单中，请先确认包案领导。` });
    } else if (meetingCapacity(input, c.meetingType) < 1) {
      const { minutesPerCase, meetingMinutes } = input.settings;
      unscheduled.push({
        caseId: c.id,
        code: 'AGENDA_TOO_LONG',
        reason: `每件议题时长（${minutesPerCase[c.meetingType]} 分钟）超过${label}时长（${meetingMinutes[c.meetingType]} 分钟），无法排入议程。`,
      });
    } else queue.get(c.meetingType)?.push(c);
  }

  const drafts: DraftMeeting[] = [];
  let assignments: PlanResult['assignments'] = [];
  let firstRound: SupervisionOutcome['firstRound'] = null;
  let noSlots = false;
  const days = officeDays(input);
  for (const type of PLANNING_ORDER) {
    const pending = queue.get(type) ?? [];
    if (!input.types.includes(type) || pending.length === 0) continue;
    const kind = meetingKind(input, type, days);
    noSlots ||= kind.slots.length === 0;
    const candidateOf = (c: PlannerCase, leadLeaderId: string | null): AgendaCandidate => ({
      case: c,
      leadLeaderId,
      urgency: urgency.get(c.id) ?? 0,
      units: unitsFor(type, c),
      groupKey: type === 'special' ? clusterOf(c) : null,
    });
    if (type === 'supervision') {
      const outcome = planSupervision(input, pending, candidateOf, kind, book, drafts, rooms);
      assignments = outcome.assignments;
      firstRound = outcome.firstRound;
      unscheduled.push(...outcome.unscheduled);
    } else {
      const failures = buildMeetings(kind, pending.map((c) => candidateOf(c, c.leadLeaderId)), book, drafts, rooms);
      unscheduled.push(...failures.map((f) => ({ caseId: f.candidate.case.id, code: f.code, reason: f.reason })));
    }
  }
  if (noSlots) warnings.push('规划期内没有可用的会议时段（工作日办公时间内放得下一场会议的时段），请调整起止时间。');
  warnings.push(...capacityWarnings(input, assignments));
  if (input.rooms && input.rooms.length === 0 && drafts.length > 0) warnings.push('通讯录中没有启用的会议室，本次规划的会议未安排会议室（地点为默认会议地点），请在通讯录中登记会议室后重新规划。');

  const meetings = toPlannedMeetings(input, drafts);
  assignments.sort((a, b) => (urgency.get(a.caseId) ?? 0) - (urgency.get(b.caseId) ?? 0));
  unscheduled.sort((a, b) => (urgency.get(a.caseId) ?? 0) - (urgency.get(b.caseId) ?? 0));
  const evaluation = evaluatePlan(input, meetings, assignments, unscheduled);
  return {
    result: { meetings, assignments, unscheduled, warnings, ...evaluation },
    assignment: firstRound,
  };
}

/** Earliest reply deadline first (none last), then case code and id: the planner's urgency order. */
function byUrgency(a: PlannerCase, b: PlannerCase): number {
  const da = a.replyDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  const db = b.replyDueAt?.getTime() ?? Number.POSITIVE_INFINITY;
  if (da !== db) return da < db ? -1 : 1;
  if (a.code !== b.code) return a.code < b.code ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function calendarWarnings(input: PlannerInput): string[] {
  const years = [...new Set(localDatesInWindow(input.from, input.to, input.timeZone).map((d) => Number(d.slice(0, 4))))];
  return years
    .filter((y) => !input.calendar.hasDataForYear(y))
    .map((y) => `${y} 年的法定节假日和调休安排尚无数据，该年按周一至周五视为工作日排会；请管理员补录节假日后重新规划。`);
}

/** Kept leaders in charge already over their limit: the plan keeps them (it adds no case to them). */
function capacityWarnings(input: PlannerInput, assignments: PlanResult['assignments']): string[] {
  const count = new Map<string, number>();
  const keeps = new Set<string>();
  for (const a of assignments) {
    count.set(a.leaderId, (count.get(a.leaderId) ?? 0) + 1);
    if (a.kept) keeps.add(a.leaderId);
  }
  return input.leaders
    .filter((l) => keeps.has(l.id) && l.activeCases + (count.get(l.id) ?? 0) > l.maxActiveCases)
    .map((l) => `${l.name}包案 ${l.activeCases + (count.get(l.id) ?? 0)} 件，超过上限 ${l.maxActiveCases} 件（均为保留的原包案），本次未再为其分配新案件。`);
}
