import { ref } from 'vue';
import { api, unwrap } from '@/api/client';
import type { components } from '@/api/schema';

export type UnitLink = components['schemas']['UnitLinkViewResponse'];
export type CaseUnitLinks = components['schemas']['CaseUnitLinksResponse'];

/**
 * The secretariat's unit links of one case (单位办理链接): the list with each link's state and uses, whether
 * the API lets one be issued now, issue and revoke. The state and `canIssue` are the API's.
 */
export function useUnitLinks() {
  const data = ref<CaseUnitLinks | null>(null);
  const failure = ref<unknown>(null);

  async function load(caseId: string): Promise<void> {
    try {
      data.value = unwrap(await api.GET('/cases/{id}/unit-links', { params: { path: { id: caseId } } }));
      failure.value = null;
    } catch (error) {
      failure.value = error;
    }
  }

  async function issue(caseId: string): Promise<UnitLink> {
    const made = unwrap(await api.POST('/cases/{id}/unit-links', { params: { path: { id: caseId } } }));
    await load(caseId);
    return made;
  }

  async function revoke(caseId: string, linkId: string): Promise<void> {
    unwrap(await api.POST('/unit-links/{id}/revoke', { params: { path: { id: linkId } } }));
    await load(caseId);
  }

  return { data, failure, load, issue, revoke };
}

/** 有效 / 已过期 / 已收回 as message keys. */
export const linkStateKey = (state: UnitLink['state']): string => `unit.links.states.${state}`;
