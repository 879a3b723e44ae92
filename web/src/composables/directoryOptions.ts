import type { components } from '@/api/schema';

type Unit = components['schemas']['UnitResponse'];
type Leader = components['schemas']['LeaderResponse'];
type Deputy = components['schemas']['DeputyResponse'];

export interface Option {
  value: string;
  label: string;
}

/** A unit's name in the console's language (the English name when there is one). */
export function unitName(unit: Pick<Unit, 'name' | 'nameEn'>, language: string): string {
  return language === 'en' && unit.nameEn ? unit.nameEn : unit.name;
}

/** The active units of the directory as select options (value: the unit's code). */
export function unitOptions(units: readonly Unit[], language: string): Option[] {
  return units.filter((unit) => unit.active).map((unit) => ({ value: unit.code, label: unitName(unit, language) }));
}

/** Unit code → name, for showing a route's units; an unknown code shows as itself. */
export function unitNamer(units: readonly Unit[], language: string): (code: string | null | undefined) => string {
  const names = new Map(units.map((unit) => [unit.code, unitName(unit, language)]));
  return (code) => (code ? (names.get(code) ?? code) : '');
}

/** The regions the directory knows (leaders' areas and deputies' stations), for suggestions; free text stays allowed. */
export function directoryRegions(leaders: readonly Pick<Leader, 'regions'>[], deputies: readonly Pick<Deputy, 'region'>[] = []): string[] {
  const regions = new Set<string>();
  for (const leader of leaders) for (const region of leader.regions) if (region.trim()) regions.add(region.trim());
  for (const deputy of deputies) if (deputy.region?.trim()) regions.add(deputy.region.trim());
  return [...regions].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

