import type { components } from '@/api/schema';

type Unit = components['schemas']['UnitResponse'];
type Leader = components['schemas']['LeaderResponse'];

export interface DirectoryNames {
  /** A unit's name for its code (the code itself when unknown). */
  unit(code: string | null | undefined): string;
  /** A leader's name and title for an id (the id itself when unknown). */
  leader(id: string | null | undefined): string;
}

/** Names for the codes and ids a case carries, from GET /units and GET /leaders. */
export function directoryNames(units: readonly Unit[], leaders: readonly Leader[], english = false): DirectoryNames {
  const unitNames = new Map(units.map((u) => [u.code, (english && u.nameEn) || u.name]));
  const leaderNames = new Map(leaders.map((l) => [l.id, english ? l.name : `${l.name}${l.title}`]));
  return {
    unit: (code) => (code ? (unitNames.get(code) ?? code) : ''),
    leader: (id) => (id ? (leaderNames.get(id) ?? id) : ''),
  };
}
