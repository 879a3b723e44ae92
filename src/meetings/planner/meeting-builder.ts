import type { MeetingType } from '../../domain/case-vocabulary.js';
import type { LeaderRank } from '../../domain/leader-ranks.js';
import type { LeaderBook } from './leader-book.js';
import type { RoomBook } from './room-book.js';
import type { PlannerCase } from './planner.types.js';
import type { Slot } from './slots.js';

/** A case waiting for a place on an agenda. */
export interface AgendaCandidate {
  case: PlannerCase;
  /** Leader in charge, who must attend; null when the case has none. */
  leadLeaderId: string | null;
  /** 0 = most urgent (earliest reply deadline). */
  urgency: number;
  /** Units this case brings to the invitation. */
  units: readonly string[];
  /** Cases sharing a key may share a meeting only with each other (special meetings: the cluster). */
  groupKey: string | null;
}

export interface DraftMeeting {
  type: MeetingType;
  slot: Slot;
  chairId: string;
  /** Chair first, then the leaders in charge in order of arrival. */
  leaderIds: string[];
  items: AgendaCandidate[];
  units: string[];
  groupKey: string | null;
  /** The room, chosen when the meeting is fixed (null when rooms are not planned). */
  roomId: string | null;
}

/** How one meeting type is filled. */
export interface MeetingKind {
  type: MeetingType;
  /** Cases per meeting: ⌊meeting minutes / minutes per case⌋. */
  capacity: number;
  slots: readonly Slot[];
  chairRanks: readonly LeaderRank[];
  /** May `c` sit on the agenda of `draft` (besides group key and free leaders)? */
  compatible(draft: DraftMeeting, c: AgendaCandidate): boolean;
  /** Fill priority of `c` for `draft`: lower is taken first. */
  fillKey(draft: DraftMeeting, c: AgendaCandidate): number;
}

export interface PlacementFailure {
  candidate: AgendaCandidate;
  code: string;
  reason: string;
}

/**
 * Greedy earliest-deadline-first packing. The most urgent unplaced case is the seed: it joins the
 * earliest existing meeting of the kind that has room and where its leader in charge is present
 * or free, or opens a meeting at the earliest slot where its leader in charge and a chair are free,
 * whichever is earlier. A new meeting is then filled up to capacity with compatible cases whose
 * leaders in charge are free, best `fillKey` first. Leaders are booked in `book` as meetings are
 * fixed, so nobody is ever double-booked. Rooms are hard too: a meeting opens only where a free room
 * can seat its attendees, grows only as far as the largest free room allows, and then takes the
 * smallest free room that seats everyone (booked in `rooms`). Drafts are appended to `drafts`.
 */
export function buildMeetings(kind: MeetingKind, candidates: readonly AgendaCandidate[], book: LeaderBook, drafts: DraftMeeting[], rooms: RoomBook): PlacementFailure[] {
  const failures: PlacementFailure[] = [];
  const pending = [...candidates].sort((a, b) => a.urgency - b.urgency);
  const placed = new Set<AgendaCandidate>();
  if (book.withRank(kind.chairRanks).length === 0) {
    const who = kind.chairRanks.map(rankLabel).join('或');
    return pending.map((candidate) => ({ candidate, code: 'NO_ELIGIBLE_CHAIR', reason: `没有可主持该会议的领导（需由${who}主持）。` }));
  }
  const leaderFree = (draft: DraftMeeting, leaderId: string | null): boolean =>
    leaderId === null || draft.leaderIds.includes(leaderId) || book.isFree(leaderId, draft.slot);
  // A fixed meeting keeps its room; one being filled may grow up to the largest room free at its slot.
  const seatLimit = (draft: DraftMeeting): number =>
    !rooms.enabled ? Number.POSITIVE_INFINITY : draft.roomId ? (rooms.byId.get(draft.roomId)?.capacity ?? 0) : rooms.largestFreeSeats(draft.slot);
  const canAttend = (draft: DraftMeeting, c: AgendaCandidate): boolean => leaderFree(draft, c.leadLeaderId) && seatsWith(draft, c) <= seatLimit(draft);

  for (const seed of pending) {
    if (placed.has(seed)) continue;
    let join: DraftMeeting | undefined;
    for (const d of drafts) {
      if (join && d.slot.start >= join.slot.start) continue;
      const fits = d.type === kind.type && d.items.length < kind.capacity && d.groupKey === seed.groupKey;
      if (fits && kind.compatible(d, seed) && canAttend(d, seed)) join = d;
    }
    const opened = openMeeting(kind, seed, book, rooms, join?.slot.start);
    if (join && (!opened || join.slot.start <= opened.slot.start)) {
      addItem(join, seed, book, true);
      placed.add(seed);
      continue;
    }
    if (!opened) {
      const noRoom = noRoomReason(kind, seed, book, rooms);
      failures.push(noRoom ? { candidate: seed, code: 'NO_FREE_ROOM', reason: noRoom } : { candidate: seed, code: 'NO_FREE_SLOT', reason: noSlotReason(kind, seed, book) });
      placed.add(seed);
      continue;
    }
    opened.items.push(seed);
    placed.add(seed);
    addUnits(opened, seed);
    fill(kind, opened, pending, placed, canAttend);
    finalizeChair(kind, opened, book);
    if (rooms.enabled) {
      const room = rooms.smallestFitting(opened.slot, seatsOf(opened));
      if (!room) throw new Error('planner: no room for a meeting that was filled to fit one');
      opened.roomId = room.id;
      rooms.book(room.id, opened.slot);
    }
    opened.leaderIds.forEach((id) => book.book(id, opened.slot, id === opened.chairId));
    drafts.push(opened);
  }
  return failures;
}

/** A new (unbooked) draft at the earliest slot before `before` where the seed's leader and a chair are free. */
function openMeeting(kind: MeetingKind, seed: AgendaCandidate, book: LeaderBook, rooms: RoomBook, before: number | undefined): DraftMeeting | undefined {
  const lead = seed.leadLeaderId ? book.byId.get(seed.leadLeaderId) : undefined;
  for (const slot of kind.slots) {
    if (before !== undefined && slot.start >= before) return undefined;
    if (lead && !book.isFree(lead.id, slot)) continue;
    const chair = lead && kind.chairRanks.includes(lead.rank) ? lead : book.leastBusyFree(kind.chairRanks, slot);
    if (!chair) continue;
    const leaderIds = lead && lead.id !== chair.id ? [chair.id, lead.id] : [chair.id];
    const draft: DraftMeeting = { type: kind.type, slot, chairId: chair.id, leaderIds, items: [], units: [], groupKey: seed.groupKey, roomId: null };
    if (!rooms.fits(slot, seatsWith(draft, seed))) continue;
    return draft;
  }
  return undefined;
}

/** Seats a meeting needs: its leaders and every unit invited or reporting (one representative each). */
export function seatsOf(draft: Pick<DraftMeeting, 'leaderIds' | 'units' | 'items'>): number {
  return draft.leaderIds.length + new Set([...draft.units, ...draft.items.map((i) => presenterOf(i.case))]).size;
}

/** Seats of `draft` once `c` joins it. */
function seatsWith(draft: DraftMeeting, c: AgendaCandidate): number {
  const lead = c.leadLeaderId && !draft.leaderIds.includes(c.leadLeaderId) ? 1 : 0;
  return seatsOf({ leaderIds: draft.leaderIds, units: [...draft.units, ...c.units], items: [...draft.items, c] }) + lead;
}

/** The unit reporting on a case at its meeting (as the agenda names it). */
export const presenterOf = (c: { routeHandledBy: string; routeCommittee: string }): string => c.routeHandledBy || c.routeCommittee || 'OFFICE';

function fill(
  kind: MeetingKind,
  draft: DraftMeeting,
  pending: readonly AgendaCandidate[],
  placed: Set<AgendaCandidate>,
  canAttend: (d: DraftMeeting, c: AgendaCandidate) => boolean,
): void {
  while (draft.items.length < kind.capacity) {
    let best: AgendaCandidate | undefined;
    let bestKey = Number.POSITIVE_INFINITY;
    for (const c of pending) {
      if (placed.has(c) || c.groupKey !== draft.groupKey || !kind.compatible(draft, c) || !canAttend(draft, c)) continue;
      const key = kind.fillKey(draft, c);
      if (key < bestKey) {
        best = c;
        bestKey = key;
      }
    }
    if (!best) return;
    placed.add(best);
    draft.items.push(best);
    addUnits(draft, best);
    if (best.leadLeaderId && !draft.leaderIds.includes(best.leadLeaderId)) draft.leaderIds.push(best.leadLeaderId);
  }
}

/** Prefer a leader in charge of the rank to chair (fewer leaders tied up); the tentative chair is then released. */
function finalizeChair(kind: MeetingKind, draft: DraftMeeting, book: LeaderBook): void {
  const leads = draft.items.map((i) => i.leadLeaderId).filter((id): id is string => id !== null);
  if (leads.includes(draft.chairId)) return;
  const counts = new Map<string, number>();
  for (const id of leads) counts.set(id, (counts.get(id) ?? 0) + 1);
  const eligible = [...counts.keys()].filter((id) => {
    const rank = book.byId.get(id)?.rank;
    return rank !== undefined && kind.chairRanks.includes(rank);
  });
  if (!eligible.length) return;
  eligible.sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
  draft.chairId = eligible[0];
  draft.leaderIds = [eligible[0], ...draft.leaderIds.filter((id) => id !== eligible[0] && leads.includes(id))];
}

function addItem(draft: DraftMeeting, c: AgendaCandidate, book: LeaderBook, bookNow: boolean): void {
  draft.items.push(c);
  addUnits(draft, c);
  if (c.leadLeaderId && !draft.leaderIds.includes(c.leadLeaderId)) {
    draft.leaderIds.push(c.leadLeaderId);
    if (bookNow) book.book(c.leadLeaderId, draft.slot, false);
  }
}

function addUnits(draft: DraftMeeting, c: AgendaCandidate): void {
  for (const u of c.units) if (!draft.units.includes(u)) draft.units.push(u);
}

function noSlotReason(kind: MeetingKind, seed: AgendaCandidate, book: LeaderBook): string {
  if (kind.slots.length === 0) return '规划期内没有可用的办公时段（工作日办公时间内放得下一场会议的时段）。';
  const lead = seed.leadLeaderId ? book.byId.get(seed.leadLeaderId) : undefined;
  if (lead && !kind.slots.some((s) => book.isFree(lead.id, s))) return `包案领导${lead.name}在规划期内没有空闲的办公时段。`;
  const who = kind.chairRanks.map(rankLabel).join('或');
  if (lead) return `包案领导${lead.name}有空的时段里，没有可主持会议的领导（${who}）有空。`;
  return `规划期内没有可主持会议的领导（${who}）有空。`;
}

/**
 * When the seed's leader and a chair are free at some slot but no room there can seat the meeting:
 * the reason in words (null when rooms are not what failed).
 */
function noRoomReason(kind: MeetingKind, seed: AgendaCandidate, book: LeaderBook, rooms: RoomBook): string | null {
  if (!rooms.enabled) return null;
  const lead = seed.leadLeaderId ? book.byId.get(seed.leadLeaderId) : undefined;
  const peopleFree = kind.slots.some((slot) => (!lead || book.isFree(lead.id, slot)) && (lead && kind.chairRanks.includes(lead.rank) ? true : book.leastBusyFree(kind.chairRanks, slot) !== undefined));
  if (!peopleFree) return null;
  const seats = 1 + (lead && !kind.chairRanks.includes(lead.rank) ? 1 : 0) + new Set([...seed.units, presenterOf(seed.case)]).size;
  return `${seed.case.code} 的参会领导有空的时段里，没有空闲且容纳得下（至少 ${seats} 座）的会议室。`;
}

export function rankLabel(rank: LeaderRank): string {
  return { director: '主任', 'deputy-director': '副主任', 'secretary-general': '秘书长', 'committee-head': '专门委员会主任' }[rank];
}
