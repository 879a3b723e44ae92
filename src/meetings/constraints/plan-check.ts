import { unitsFor } from '../planner/meeting-kinds.js';
import type { PlannedMeeting, PlannerInput, PlanResult } from '../planner/planner.types.js';
import { type CalendarContext, type LeaderCommitment, type MeetingDraft, meetingViolations, type RoomCommitment } from './meeting-rules.js';

/**
 * Every hard-constraint violation of `result` for `input`, one English line each (empty = valid).
 * Independent of how the plan was made: the planner's tests, its property tests and the benchmark
 * verify plans with it.
 *
 * Each planned meeting passes the same per-meeting check as a meeting created, edited or confirmed
 * through the service (`meetingViolations`: time on a working day within one office period, here also
 * inside the window and on the step; agenda within the meeting; chair rank; leaders in charge attending,
 * new ones of a lead rank; no leader attending busy or in another overlapping planned meeting; when the
 * input lists rooms, a room of the input seating everyone, open then, not busy nor taken by another
 * planned meeting). On top,
 * the plan as a whole: meeting types requested; each case on at most one agenda, of its own meeting
 * type, and every case either on an agenda or unscheduled (never both); exactly one leader in charge per
 * scheduled supervision case, an existing leader in charge kept, new ones within maxActiveCases
 * (activeCases counted); the units every meeting type must invite; one cluster per special meeting.
 */
export function checkHardConstraints(input: PlannerInput, result: PlanResult): string[] {
  const v: string[] = [];
  const leaders = new Map(input.leaders.map((l) => [l.id, l]));
  const cases = new Map(input.cases.map((c) => [c.id, c]));
  const onAgenda = new Map<string, number>();
  const ctx: CalendarContext = {
    timeZone: input.timeZone,
    officeHours: input.officeHours,
    calendar: input.calendar,
    from: input.from,
    to: input.to,
    leadRanks: input.settings.leadRanks,
    stepMinutes: input.settings.slotStepMinutes,
  };
  const busy: LeaderCommitment[] = input.leaders.flatMap((l) => l.busy.map((b) => ({ leaderId: l.id, leaderName: l.name, startAt: b.start, endAt: b.end, what: 'busy period' })));
  const booked = result.meetings.map((m, mi): LeaderCommitment[] =>
    m.leaderIds.map((id) => ({ leaderId: id, leaderName: leaders.get(id)?.name ?? id, startAt: m.startAt, endAt: m.endAt, what: `meeting #${mi}` })),
  );

  const rooms = new Map((input.rooms ?? []).map((r) => [r.id, r]));
  const roomBusy: RoomCommitment[] = (input.rooms ?? []).flatMap((r) => r.busy.map((b) => ({ roomId: r.id, startAt: b.start, endAt: b.end, what: 'busy period' })));
  const roomBooked = result.meetings.map((m, mi): RoomCommitment[] => (m.roomId ? [{ roomId: m.roomId, startAt: m.startAt, endAt: m.endAt, what: `meeting #${mi}` }] : []));

  result.meetings.forEach((m, mi) => {
    const at = `meeting #${mi} (${m.type} ${m.startAt.toISOString()})`;
    const others = booked.filter((_, j) => j !== mi).flat();
    const otherRooms = roomBooked.filter((_, j) => j !== mi).flat();
    const draft = draftOf(m, mi, input);
    for (const violation of meetingViolations(draft, ctx, [...busy, ...others], [...roomBusy, ...otherRooms])) v.push(`${at}: ${violation.en}`);
    // Rooms planned (the input lists some): every meeting has one of them.
    if (rooms.size > 0 && (m.roomId === null || !rooms.has(m.roomId))) v.push(`${at}: no room, or a room not in the input (${m.roomId})`);
    if (rooms.size === 0 && m.roomId !== null) v.push(`${at}: a room ${m.roomId} although no room was given`);
    if (!input.types.includes(m.type)) v.push(`${at}: meeting type not requested`);
    if (!leaders.has(m.chairId)) v.push(`${at}: chair ${m.chairId} is not a known leader`);
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
      if (c.leadLeaderId !== null && item.leadLeaderId !== c.leadLeaderId) v.push(`${at}: case ${c.id} lost its leader in charge ${c.leadLeaderId}`);
      if (item.leadLeaderId !== null && !leaders.has(item.leadLeaderId)) v.push(`${at}: leader in charge ${item.leadLeaderId} of case ${c.id} is not a known leader`);
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

/** A planned meeting as the per-meeting check sees it (leaders of the input are active). */
function draftOf(m: PlannedMeeting, mi: number, input: PlannerInput): MeetingDraft {
  const leaders = new Map(input.leaders.map((l) => [l.id, l]));
  const cases = new Map(input.cases.map((c) => [c.id, c]));
  const chair = leaders.get(m.chairId);
  const room = m.roomId ? input.rooms?.find((r) => r.id === m.roomId) : undefined;
  return {
    type: m.type,
    startAt: m.startAt,
    endAt: m.endAt,
    chair: chair ? { id: chair.id, name: chair.name, rank: chair.rank } : null,
    agenda: m.agenda.map((item) => {
      const lead = item.leadLeaderId ? leaders.get(item.leadLeaderId) : undefined;
      const kept = item.leadLeaderId !== null && cases.get(item.caseId)?.leadLeaderId === item.leadLeaderId;
      return { caseCode: item.caseCode, minutes: item.minutes, lead: lead ? { id: lead.id, name: lead.name, rank: lead.rank, active: true } : null, kept };
    }),
    attendingLeaderIds: m.leaderIds,
    label: `meeting #${mi}`,
    room: room ? { ...room, active: true } : null,
    // Everyone invited: its leaders and one representative of every unit invited or reporting.
    attendeeCount: m.leaderIds.length + new Set([...m.unitCodes, ...m.agenda.map((i) => i.presenterUnit)]).size,
  };
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
    // The rank of a new leader in charge is checked on the agenda (LEAD_RANK_INVALID), as for any meeting.
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
