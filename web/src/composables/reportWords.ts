import { computed, type ComputedRef } from 'vue';
import { useDirectory } from './useDirectory';
import { useI18n } from './useI18n';
import { term } from './vocabulary';
import type { ReportWords } from './reportCharts';
import { partsOf } from './format';

/** The report pages' words: locale texts, the shared vocabulary, unit names from the directory. */
export function useReportWords(): { words: ComputedRef<ReportWords>; ready: Promise<void> } {
  const { t, language } = useI18n();
  const directory = useDirectory();
  const words = computed<ReportWords>(() => {
    void language.value; // recompute on a language switch
    const unitName = directory.unitName.value;
    return { t, category: (c) => term('category', c), channel: (c) => term('channel', c), unit: (c) => unitName(c) };
  });
  return { words, ready: directory.ready };
}

/** Today as an office day (`yyyy-MM-dd` in the office time zone), for the quick ranges. */
export function officeToday(now = new Date()): string {
  const p = partsOf(now.toISOString());
  return `${p.year}-${p.month}-${p.day}`;
}
