import { unitsFor } from './meeting-kinds.js';
import type { PlannedMeeting, PlannerInput, PlanResult } from './planner.types.js';
import { slotViolation } from './slots.js';
import { CHAIR_RANKS } from './weights.js';

/**
 * Every hard-constraint violation of `result` for `input`, one English line each (empty = valid).
 * Independent of how the plan was made: tests and the meetings service (e.g. after a secretary edits
 * a draft) use it to verify a plan.
 *
 * Checked: meeting times (window, working day in the office time zone, one office period, step
 * alignment); agenda minutes ≤ duration; chair rank and presence; leaders in charge present; no leader
 * in two overlapping meetings or in a meeting during a busy period; each case on at most one agenda,
 * of its own meeting type, and every case either on an agenda or unscheduled (never both); exactly
 * one leader in charge per scheduled supervision case, an existing leader in charge kept, new ones of
 * a lead rank and within maxActiveCases (activeCases counted); the units every meeting type must invite.
 */
export function checkHardConstraints(input: PlannerInput, result: PlanResult): string[] {
  const v: string[] = [];
  const leaders = new Map(input.leaders.map((l) => [l.id, l]));
  const cases = new Map(input.cases.map((c) => [c.id, c]));
  const onAgenda = new Map<string, number>();

  result.meetings.forEach((m, mi) => {
    const at = `meeting #${mi} (${m.type} ${m.startAt.toISOString()})`;
    const duration = (m.endAt.getTime() - m.startAt.getTime()) / 60_000;
    const where = slotViolation(input, m.startAt, m.endAt, input.settings.slotStepMinutes);
    if (where) v.push(`${at}: ${where}`);
    if (!input.types.includes(m.type)) v.push(`${at}: meeting type not requested`);
    const minutes = m.agenda.reduce((s, i) => s + i.minutes, 0);
    if (minutes > duration) v.push(`${at}: agenda ${minutes} min exceeds the meeting's ${duration} min`);
    if (m.agenda.some((i) => !(i.minutes > 0))) v.push(`${at}: an agenda item without minutes`);
    const chair = leaders.get(m.chairId);
    if (!chair) v.push(`${at}: chair ${m.chairId} is not a known leader`);
    else if (!CHAIR_RANKS[m.type].includes(chair.rank)) v.push(`${at}: chair ${chair.id} has rank ${chair.rank}`);
    if (!m.leaderIds.includes(m.chairId)) v.push(`${at}: chair not among the attending leaders`);
    if (new Set(m.leaderIds).size !== m.leaderIds.length) v.push(`${at}: a leader is listed twice`);
    for (const id of m.leaderIds) if (!leaders.has(id)) v.push(`${at}: unknown leader ${id}`);
    for (const item of m.agenda) {
      onAgenda.set(item.caseId, (onAgenda.get(item.caseId) ?? 0) + 1);
      const c = cases.get(item.caseId);
      if (!c) {
        v.push(`${at}: unknown case ${item.caseId}`);
        continue;
      }
      if (c.meetingType !== m.type) v.push(`${at}: case ${c.id} belongs to a ${c.meetingType} meeting`);
      if (item.leadLeaderId !== null && !m.leaderIds.includes(item.leadLeaderId)) v.push(`${at}: leader in charge ${item.leadLeaderId} of case ${c.id} does not attend`);
      if (c.leadLeaderId !== null && item.leadLeaderId !== c.leadLeaderId) v.push(`${at}: case ${c.id} lost its leader in charge ${c.leadLeaderId}`);
      if (m.type === 'supervision' && item.leadLeaderId === null) v.push(`${at}: supervision case ${c.id} without a leader in charge`);
      if (m.type === 'special' || m.type === 'joint') {
        const missing = unitsFor(m.type, c).filter((u) => !m.unitCodes.includes(u));
        if (missing.length) v.push(`${at}: case ${c.id} needs units ${missing.join(',')} invited`);
      }
    }
    if (m.type === 'special' && new Set(m.agenda.map((i) => cases.get(i.caseId)?.clusterKey ?? `case:${i.caseId}`)).size > 1) {
      v.push(`${at}: special meeting mixes clusters`);
    }
  });

  checkDoubleBooking(input, result.meetings, v);

  const unscheduled = new Map<string, number>();
  for (const u of result.unscheduled) {
    unscheduled.set(u.caseId, (unscheduled.get(u.caseId) ?? 0) + 1);
    if (!u.code || !u.reason) v.push(`unscheduled ${u.caseId}: missing code or reason`);
  }
  for (const c of input.cases) {
    const n = onAgenda.get(c.id) ?? 0;
    const u = unscheduled.get(c.id) ?? 0;
    if (n > 1) v.push(`case ${c.id} is on ${n} agendas`);
    if (n + u !== 1) v.push(`case ${c.id} is on ${n} agenda(s) and unscheduled ${u} time(s); expected exactly one of them`);
  }
  checkAssignments(input, result, onAgenda, v);
  return v;
}

function checkDoubleBooking(input: PlannerInput, meetings: readonly PlannedMeeting[], v: string[]): void {
  const byLeader = new Map<string, { start: number; end: number; what: string }[]>();
  for (const l of input.leaders) byLeader.set(l.id, l.busy.map((b) => ({ start: b.start.getTime(), end: b.end.getTime(), what: 'busy period' })));
  meetings.forEach((m, mi) => {
    for (const id of m.leaderIds) byLeader.get(id)?.push({ start: m.startAt.getTime(), end: m.endAt.getTime(), what: `meeting #${mi}` });
  });
  for (const [id, list] of byLeader) {
    const meetingsOnly = list.filter((x) => x.what !== 'busy period');
    for (const m of meetingsOnly) {
      for (const other of list) {
        if (other === m || other.start >= m.end || other.end <= m.start || !(other.start < other.end)) continue;
        // Report each meeting/meeting pair once.
        if (other.what !== 'busy period' && other.what < m.what) continue;
        v.push(`leader ${id} double-booked: ${m.what} overlaps ${other.what}`);
      }
    }
  }
}

function checkAssignments(input: PlannerInput, result: PlanResult, onAgenda: ReadonlyMap<string, number>, v: string[]): void {
  const leaders = new Map(input.leaders.map((l) => [l.id, l]));
  const cases = new Map(input.cases.map((c) => [c.id, c]));
  const perCase = new Map<string, number>();
  const load = new Map<string, { total: number; added: number }>();
  for (const a of result.assignments) perCase.set(a.caseId, (perCase.get(a.caseId) ?? 0) + 1);
  const agendaLead = new Map<string, string | null>();
  for (const m of result.meetings) for (const i of m.agenda) agendaLead.set(i.caseId, i.leadLeaderId);

  for (const c of input.cases) {
    if (c.meetingType !== 'supervision' || !onAgenda.get(c.id)) {
      if (perCase.has(c.id) && c.meetingType !== 'supervision') v.push(`case ${c.id}: assignment for a ${c.meetingType} case`);
      continue;
    }
    if (perCase.get(c.id) !== 1) v.push(`supervision case ${c.id} has ${perCase.get(c.id) ?? 0} leaders in charge, expected exactly 1`);
  }
  for (const a of result.assignments) {
    const c = cases.get(a.caseId);
    const l = leaders.get(a.leaderId);
    if (!c || !l) {
      v.push(`assignment ${a.caseId} → ${a.leaderId}: unknown case or leader`);
      continue;
    }
    if (!onAgenda.get(c.id)) v.push(`assignment of case ${c.id}, which is on no agenda`);
    if (agendaLead.has(c.id) && agendaLead.get(c.id) !== a.leaderId) v.push(`case ${c.id}: agenda names another leader in charge than the assignment`);
    if (c.leadLeaderId !== null && (a.leaderId !== c.leadLeaderId || !a.kept)) v.push(`case ${c.id}: existing leader in charge ${c.leadLeaderId} not kept`);
    if (c.leadLeaderId === null && a.kept) v.push(`case ${c.id}: marked kept but had no leader in charge`);
    if (!a.kept && !input.settings.leadRanks.includes(l.rank)) v.push(`case ${c.id}: leader ${l.id} of rank ${l.rank} may not take charge`);
    const entry = load.get(l.id) ?? { total: l.activeCases, added: 0 };
    entry.total++;
    if (!a.kept) entry.added++;
    load.set(l.id, entry);
  }
  for (const [id, { total, added }] of load) {
    const l = leaders.get(id);
    // Over the limit is a violation as soon as the plan adds a case; kept cases alone only warn.
    if (l && added > 0 && total > l.maxActiveCases) v.push(`leader ${id}: ${total} cases in charge exceeds maxActiveCases ${l.maxActiveCases}`);
  }
}
