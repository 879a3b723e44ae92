import { computed, shallowRef } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { directoryRegions, unitNamer, unitOptions } from './directoryOptions';
import { useI18n } from './useI18n';

type Unit = components['schemas']['UnitResponse'];
type Deputy = components['schemas']['DeputyResponse'];

const units = shallowRef<Unit[]>([]);
const regions = shallowRef<string[]>([]);
const deputies = shallowRef<Deputy[]>([]);
let loading: Promise<void> | null = null;

async function load(): Promise<void> {
  const [unitList, leaders, deputyList] = await Promise.all([
    api.GET('/units').then(unwrap),
    api.GET('/leaders').then(unwrap),
    api.GET('/deputies').then(unwrap),
  ]);
  units.value = unitList;
  deputies.value = deputyList;
  regions.value = directoryRegions(leaders, deputyList);
}

/**
 * The directory's units and regions for the ledger's filters and the intake form, loaded once per page
 * load (a failed load is tried again on the next use).
 */
export function useDirectory() {
  const { language } = useI18n();
  loading ??= load().catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return {
    ready: loading,
    units,
    regions,
    unitOptions: computed(() => unitOptions(units.value, language.value)),
    unitName: computed(() => unitNamer(units.value, language.value)),
    /** Active deputies for 反映代表: name (profession, station). */
    deputyOptions: computed(() => deputies.value.filter((d) => d.active).map((d) => ({ value: d.id, label: `${d.name}（${d.profession}，${d.station}）` }))),
  };
}
