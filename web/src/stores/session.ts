import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { api, bindSession, unwrap } from '@/api/client';
import type { components } from '@/api/schema';
import { currentLanguage } from '@/composables/useI18n';

type SignedIn = components['schemas']['SignedInResponse'];
export type SessionUser = SignedIn['user'];

const STORAGE_KEY = 'console.session';

interface Stored {
  accessToken: string;
  refreshToken: string;
  user: SessionUser;
}

function readStored(): Stored | null {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

/**
 * The signed-in user and the session's tokens (kept in sessionStorage: a tab's session ends with the tab).
 * Renewal is single-flight: parallel 401s wait for one refresh. When the session is over, `expiredNotice`
 * is set and the router returns to the login page, which shows it.
 */
export const useSessionStore = defineStore('session', () => {
  const stored = ref<Stored | null>(readStored());
  const expiredNotice = ref(false);
  let renewing: Promise<boolean> | null = null;

  const user = computed(() => stored.value?.user ?? null);
  const role = computed(() => stored.value?.user.role ?? null);
  const signedIn = computed(() => stored.value !== null);
  let onExpired: () => void = () => undefined;

  function keep(signed: SignedIn): void {
    stored.value = { accessToken: signed.accessToken, refreshToken: signed.refreshToken, user: signed.user };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(stored.value));
  }

  function forget(): void {
    stored.value = null;
    sessionStorage.removeItem(STORAGE_KEY);
  }

  async function login(username: string, password: string): Promise<void> {
    keep(unwrap(await api.POST('/auth/login', { body: { username, password } })));
    expiredNotice.value = false;
  }

  async function logout(): Promise<void> {
    if (stored.value) await api.POST('/auth/logout').catch(() => undefined);
    forget();
  }

  function renew(): Promise<boolean> {
    const refreshToken = stored.value?.refreshToken;
    if (!refreshToken) return Promise.resolve(false);
    renewing ??= api
      .POST('/auth/refresh', { body: { refreshToken } })
      .then((result) => {
        if (!result.data) return false;
        keep(result.data);
        return true;
      })
      .catch(() => false)
      .finally(() => {
        renewing = null;
      });
    return renewing;
  }

  function expire(): void {
    if (!stored.value) return;
    forget();
    expiredNotice.value = true;
    onExpired();
  }

  function whenExpired(handler: () => void): void {
    onExpired = handler;
  }

  bindSession({ accessToken: () => stored.value?.accessToken ?? null, renew, expired: expire, language: currentLanguage });

  return { user, role, signedIn, expiredNotice, login, logout, renew, expire, whenExpired };
});
