import { type Actor, seesPersonalData } from '../../domain/actor.js';
import type { PetitionCase } from '../../cases/case.entity.js';
import { maskName } from '../../common/pii/masking.js';
import type { Grade } from '../../domain/case-vocabulary.js';
import { DateTime } from 'luxon';
import { halfDayOf, type HalfDayName, type ProposalReason, type RotaLeader, proposalReason } from './reception-rota.js';
import type { ReceivedCase, ReceptionDay, ReceptionStatus } from './reception-day.entity.js';

export type ReceptionAction = 'edit' | 'confirm' | 'cancel' | 'record-held';

export interface ProposedCaseView {
  id: string;
  code: string;
  subject: string;
  grade: Grade;
  status: string;
  /** Masked (张*) for everyone outside the secretariat and admin. */
  petitionerName: string;
  repeatCount: number;
  dueAt: string | null;
  why: ProposalReason | null;
}

export interface ReceptionDayView {
  id: string;
  leaderId: string;
  leaderName: string;
  startAt: string;
  endAt: string;
  localDate: string;
  halfDay: HalfDayName;
  room: { id: string; name: string } | null;
  roomBooked: boolean;
  status: ReceptionStatus;
  note: string | null;
  proposedCaseIds: string[];
  proposedCases: ProposedCaseView[];
  received: ReceivedCase[];
  heldAt: string | null;
  cancelReason: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  version: number;
  allowedActions: ReceptionAction[];
}

/** What a view needs besides the row: names, rooms and cases read once for a whole list. */
export interface ReceptionViewContext {
  viewer: Actor;
  now: Date;
  timeZone: string;
  leaders: ReadonlyMap<string, RotaLeader>;
  rooms: ReadonlyMap<string, { id: string; name: string }>;
  cases: ReadonlyMap<string, PetitionCase>;
}

/** What the viewer may do with the day now (the server decides; the console shows). */
export function receptionActions(day: Pick<ReceptionDay, 'status' | 'startAt'>, viewer: Actor, now: Date): ReceptionAction[] {
  if (viewer.role !== 'admin' && viewer.role !== 'secretariat') return [];
  if (day.status === 'planned') return ['edit', 'confirm', 'cancel'];
  if (day.status === 'confirmed') return now.getTime() >= day.startAt.getTime() ? ['edit', 'cancel', 'record-held'] : ['edit', 'cancel'];
  return [];
}

export function toReceptionView(day: ReceptionDay, ctx: ReceptionViewContext): ReceptionDayView {
  const leader = ctx.leaders.get(day.leaderId);
  const clear = seesPersonalData(ctx.viewer);
  const proposedCases = day.proposedCaseIds.flatMap((id) => {
    const c = ctx.cases.get(id);
    if (!c) return [];
    return [
      {
        id: c.id,
        code: c.code,
        subject: c.subject,
        grade: c.grade,
        status: c.status,
        petitionerName: clear ? c.petitionerName : maskName(c.petitionerName),
        repeatCount: c.repeatCount,
        dueAt: c.dueAt?.toISOString() ?? null,
        why: leader ? proposalReason({ ...c, dueAt: c.dueAt }, leader) : null,
      },
    ];
  });
  return {
    id: day.id,
    leaderId: day.leaderId,
    leaderName: leader?.name ?? '',
    startAt: day.startAt.toISOString(),
    endAt: day.endAt.toISOString(),
    localDate: DateTime.fromJSDate(day.startAt, { zone: ctx.timeZone }).toISODate() as string,
    halfDay: halfDayOf(day.startAt, ctx.timeZone),
    room: day.roomId ? (ctx.rooms.get(day.roomId) ?? { id: day.roomId, name: '' }) : null,
    roomBooked: day.roomBooked,
    status: day.status,
    note: day.note,
    proposedCaseIds: [...day.proposedCaseIds],
    proposedCases,
    received: day.received.map((r) => ({ caseId: r.caseId, note: r.note })),
    heldAt: day.heldAt?.toISOString() ?? null,
    cancelReason: day.cancelReason,
    createdBy: day.createdBy,
    createdAt: day.createdAt.toISOString(),
    updatedAt: day.updatedAt.toISOString(),
    version: day.version,
    allowedActions: receptionActions(day, ctx.viewer, ctx.now),
  };
}
