import type { MeetingType } from '../../domain/case-vocabulary.js';
import type { UnmetConstraint } from './planner.types.js';

/** Meeting types that invite deputies when an agenda case's rules ask for them (`invite-deputy`). */
export const DEPUTY_MEETING_TYPES: readonly MeetingType[] = ['supervision', 'joint', 'special'];

/** How far back invitations count when spreading them among deputies. */
export const INVITATION_LOOKBACK_DAYS = 90;

/** A planned meeting as the chooser sees it. */
export interface DeputyMeeting {
  type: MeetingType;
  startAt: Date;
  endAt: Date;
  caseIds: string[];
}

/** A planned meeting as the chooser reads it. */
export const deputyMeetingOf = (m: { type: MeetingType; startAt: Date; endAt: Date; agenda: { caseId: string }[] }): DeputyMeeting => ({
  type: m.type,
  startAt: m.startAt,
  endAt: m.endAt,
  caseIds: m.agenda.map((i) => i.caseId),
});

/** What the chooser reads of an agenda case. */
export interface DeputyCase {
  id: string;
  region: string;
  /** From the rules (`invite-deputy` events), in the order they fired. */
  inviteDeputyProfessions: string[];
  reportedByDeputyId: string | null;
}

export interface DeputyCandidate {
  id: string;
  profession: string;
  region: string | null;
  active: boolean;
}

/** A deputy's time already taken (a confirmed meeting) or otherwise not available. */
export interface DeputyCommitment {
  deputyId: string;
  startAt: Date;
  endAt: Date;
}

export interface DeputyChoiceInput {
  meetings: DeputyMeeting[];
  cases: ReadonlyMap<string, DeputyCase>;
  deputies: DeputyCandidate[];
  commitments: DeputyCommitment[];
  /** Invitations of each deputy in the last `INVITATION_LOOKBACK_DAYS` days (absent = 0). */
  recentInvitations: ReadonlyMap<string, number>;
  maxPerMeeting: number;
}

export interface DeputyInvitation {
  deputyId: string;
  /** The profession asked for, as the rules wrote it. */
  profession: string;
  /** The agenda case whose rules asked for it. */
  caseId: string;
}

export interface DeputyChoice {
  /** Per meeting (same index as the input), the deputies invited. */
  invitations: DeputyInvitation[][];
  /** Professions asked for that no deputy could be invited for (`deputy-invite`), in words. */
  unmet: UnmetConstraint[];
}

interface Request {
  profession: string;
  key: string;
  caseId: string;
  region: string;
}

/** Professions compare as text, trimmed, case-insensitive (`Law` = `law`; `律师` ≠ `法律`). */
export const professionKey = (text: string): string => text.trim().toLocaleLowerCase();

/**
 * Chooses the deputies each planned meeting invites (代表联动). Pure and deterministic.
 *
 * For a supervision, joint or special meeting whose agenda cases ask for deputies by profession, up to
 * `maxPerMeeting` active deputies of a matching profession are invited: first one per profession (in the
 * order of the agenda and of the rules), then further rounds while the limit allows. Never a deputy who
 * reported a case on the agenda (he or she would judge his or her own report), never one whose time is
 * taken by a commitment or by an overlapping meeting of the same plan. Among candidates: fewest
 * invitations in the last 90 days (counting this plan's), then the region of the case, then id.
 * A profession for which nobody was invited is listed in `unmet`.
 */
export function chooseDeputies(input: DeputyChoiceInput): DeputyChoice {
  const order = input.meetings.map((m, i) => i).sort((a, b) => input.meetings[a].startAt.getTime() - input.meetings[b].startAt.getTime() || a - b);
  const invitations: DeputyInvitation[][] = input.meetings.map(() => []);
  const unmet: UnmetConstraint[] = [];
  const taken: DeputyCommitment[] = [...input.commitments];
  const invited = new Map(input.recentInvitations);
  const byProfession = new Map<string, DeputyCandidate[]>();
  for (const d of input.deputies) {
    if (!d.active) continue;
    const key = professionKey(d.profession);
    byProfession.set(key, [...(byProfession.get(key) ?? []), d]);
  }

  for (const index of order) {
    const meeting = input.meetings[index];
    if (!DEPUTY_MEETING_TYPES.includes(meeting.type)) continue;
    const cases = meeting.caseIds.flatMap((id) => input.cases.get(id) ?? []);
    const requests = requestsOf(cases);
    if (!requests.length) continue;
    const reporters = new Set(cases.map((c) => c.reportedByDeputyId).filter((id): id is string => id !== null));
    const chosen = invitations[index];
    const free = (d: DeputyCandidate): boolean =>
      !reporters.has(d.id) && !chosen.some((x) => x.deputyId === d.id) && !taken.some((t) => t.deputyId === d.id && overlaps(t, meeting));
    const pick = (r: Request): DeputyCandidate | null => {
      const candidates = (byProfession.get(r.key) ?? []).filter(free);
      candidates.sort((a, b) => (invited.get(a.id) ?? 0) - (invited.get(b.id) ?? 0) || regionRank(a, r) - regionRank(b, r) || compareIds(a.id, b.id));
      return candidates[0] ?? null;
    };
    const served = new Set<string>();
    for (let progress = true; progress && chosen.length < input.maxPerMeeting; ) {
      progress = false;
      for (const r of requests) {
        if (chosen.length >= input.maxPerMeeting) break;
        const d = pick(r);
        if (!d) continue;
        chosen.push({ deputyId: d.id, profession: r.profession, caseId: r.caseId });
        taken.push({ deputyId: d.id, startAt: meeting.startAt, endAt: meeting.endAt });
        invited.set(d.id, (invited.get(d.id) ?? 0) + 1);
        served.add(r.key);
        progress = true;
      }
    }
    for (const r of requests.filter((x) => !served.has(x.key))) {
      const limited = input.maxPerMeeting === 0 || (chosen.length >= input.maxPerMeeting && pick(r) !== null);
      unmet.push({
        constraint: 'deputy-invite',
        caseId: r.caseId,
        message: limited
          ? `已达每场会议邀请代表上限（${input.maxPerMeeting} 人），未邀请${r.profession}专业代表。`
          : `无可邀请的${r.profession}专业代表（名册中没有该专业的在任代表，或均为本议程事项的反映人，或该时段已有安排）。`,
      });
    }
  }
  return { invitations, unmet };
}

/** The professions asked for by the agenda's cases, each once (first asking case kept). */
function requestsOf(cases: DeputyCase[]): Request[] {
  const out: Request[] = [];
  for (const c of cases) {
    for (const profession of c.inviteDeputyProfessions) {
      const key = professionKey(profession);
      if (key && !out.some((r) => r.key === key)) out.push({ profession: profession.trim(), key, caseId: c.id, region: c.region });
    }
  }
  return out;
}

const overlaps = (a: { startAt: Date; endAt: Date }, b: { startAt: Date; endAt: Date }): boolean => a.startAt < b.endAt && a.endAt > b.startAt;
const regionRank = (d: DeputyCandidate, r: Request): number => (d.region !== null && d.region === r.region ? 0 : 1);
const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every deputy in two overlapping meetings (or in a meeting overlapping a commitment), one English line each (empty = none). */
export function deputyDoubleBookings(meetings: { startAt: Date; endAt: Date; deputyIds: string[] }[], commitments: DeputyCommitment[] = []): string[] {
  const v: string[] = [];
  meetings.forEach((m, i) => {
    if (new Set(m.deputyIds).size !== m.deputyIds.length) v.push(`meeting #${i}: a deputy is invited twice`);
    for (const id of m.deputyIds) {
      for (const c of commitments) if (c.deputyId === id && overlaps(c, m)) v.push(`meeting #${i}: deputy ${id} is committed elsewhere at that time`);
      meetings.forEach((o, j) => {
        if (j > i && o.deputyIds.includes(id) && overlaps(m, o)) v.push(`meetings #${i} and #${j}: deputy ${id} double-booked`);
      });
    }
  });
  return v;
}
