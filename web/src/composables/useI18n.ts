import { computed, ref } from 'vue';
import { messages, type Language } from '@/locales';

/**
 * The console's languages: Chinese first, English by a switch (kept in localStorage). `t('ledger.title')`
 * looks a dotted key up in the active language, then in Chinese; `{name}` placeholders are filled in.
 */
const STORAGE_KEY = 'console.language';

function initialLanguage(): Language {
  const stored = typeof localStorage === 'undefined' ? null : localStorage.getItem(STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

const language = ref<Language>(initialLanguage());

function lookup(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

export function translate(lang: Language, key: string, params: Record<string, string | number> = {}): string {
  const text = lookup(messages[lang], key) ?? lookup(messages['zh-CN'], key) ?? key;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function setLanguage(next: Language): void {
  language.value = next;
  localStorage.setItem(STORAGE_KEY, next);
  document.documentElement.lang = next;
}

export function currentLanguage(): Language {
  return language.value;
}

export function useI18n() {
  return {
    language: computed(() => language.value),
    t: (key: string, params?: Record<string, string | number>) => translate(language.value, key, params),
    setLanguage,
  };
}
