import { computed, ref } from 'vue';
import { api, unwrap } from '@/api/client';
import { ApiError } from '@/api/errors';
import type { components } from '@/api/schema';
import { currentLanguage } from './useI18n';
import { useSessionStore } from '@/stores/session';
import { directoryNames, type DirectoryNames } from './directoryNames';

type CaseView = components['schemas']['CaseViewResponse'];
type Unit = components['schemas']['UnitResponse'];
type Leader = components['schemas']['LeaderResponse'];

export type CaseLoadState = 'loading' | 'ready' | 'missing' | 'failed';

/**
 * A case the user may not see answers like a missing one (404), or 403 for a role that may not open
 * cases at all; a malformed id is refused with a 400. The page says the same for all three.
 */
export function isMissing(error: unknown): boolean {
  return error instanceof ApiError && [400, 403, 404].includes(error.status);
}

/** The case page's data: the case with its timeline, and the units and leaders to name what it holds. */
export function useCaseDetail() {
  const state = ref<CaseLoadState>('loading');
  const view = ref<CaseView | null>(null);
  const failure = ref<unknown>(null);
  const units = ref<Unit[]>([]);
  const leaders = ref<Leader[]>([]);
  let directoryLoaded = false;

  async function loadDirectory(): Promise<void> {
    if (directoryLoaded) return;
    directoryLoaded = true;
    // A handling unit reads the units (to name them), not the leaders.
    const unitAccount = useSessionStore().role === 'unit';
    const [u, l] = await Promise.allSettled([api.GET('/units'), unitAccount ? Promise.resolve({ data: undefined }) : api.GET('/leaders')]);
    if (u.status === 'fulfilled' && u.value.data) units.value = u.value.data;
    if (l.status === 'fulfilled' && l.value.data) leaders.value = l.value.data;
  }

  async function load(id: string): Promise<void> {
    if (!view.value || view.value.id !== id) state.value = 'loading';
    try {
      const [found] = await Promise.all([api.GET('/cases/{id}', { params: { path: { id } } }).then(unwrap), loadDirectory()]);
      view.value = found;
      state.value = 'ready';
    } catch (error) {
      failure.value = error;
      view.value = null;
      state.value = isMissing(error) ? 'missing' : 'failed';
    }
  }

  /** Names in the user's language (currentLanguage reads the language's ref, so a switch renames them). */
  const names = computed<DirectoryNames>(() => directoryNames(units.value, leaders.value, currentLanguage() === 'en'));

  return { state, view, failure, units, leaders, load, names };
}
