import type { DeputyInvitationRow } from './deputy-invitations.repository.js';

/** Deputies' participation (代表参与) over a window, as the dashboard shows it. */
export interface DeputyFigures {
  /** Confirmed or held meetings with at least one deputy invited. */
  meetings: number;
  /** Deputies' invitations (one per deputy and meeting). */
  invitations: number;
  /** Invitations answered ACCEPTED (回执: 参加). */
  accepted: number;
  /** Invitations whose deputy the meeting's minutes record as present (出席). */
  attended: number;
}

export interface StationFigures extends DeputyFigures {
  station: string;
  stationKind: 'station' | 'home' | null;
}

export interface DeputyParticipation extends DeputyFigures {
  byStation: StationFigures[];
}

interface StationOf {
  id: string;
  station: string;
  stationKind: 'station' | 'home' | null;
}

const UNKNOWN_STATION = '（代表已不在名册）';

/** Totals and per-station figures of these invitations (stations with most invitations first, then by name). */
export function deputyParticipation(rows: DeputyInvitationRow[], deputies: StationOf[]): DeputyParticipation {
  const of = new Map(deputies.map((d) => [d.id, d]));
  const figures = (subset: DeputyInvitationRow[]): DeputyFigures => ({
    meetings: new Set(subset.map((r) => r.meetingId)).size,
    invitations: subset.length,
    accepted: subset.filter((r) => r.accepted).length,
    attended: subset.filter((r) => r.attended).length,
  });
  const stations = new Map<string, { kind: StationOf['stationKind']; rows: DeputyInvitationRow[] }>();
  for (const r of rows) {
    const d = of.get(r.deputyId);
    const name = d?.station ?? UNKNOWN_STATION;
    const entry = stations.get(name) ?? { kind: d?.stationKind ?? null, rows: [] };
    entry.rows.push(r);
    stations.set(name, entry);
  }
  const byStation = [...stations.entries()]
    .map(([station, e]) => ({ station, stationKind: e.kind, ...figures(e.rows) }))
    .sort((a, b) => b.invitations - a.invitations || a.station.localeCompare(b.station, 'zh'));
  return { ...figures(rows), byStation };
}
