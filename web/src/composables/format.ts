import { currentLanguage } from './useI18n';

/** The office's time zone: the service writes it into the page (src/console), Asia/Shanghai by default. */
export function officeTimeZone(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="office-time-zone"]');
  return meta?.content || 'Asia/Shanghai';
}

function formatter(options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'zh-CN', { timeZone: officeTimeZone(), hour12: false, ...options });
}

/** "2026-12-03 08:30" in the office zone. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = partsOf(iso);
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** "2026-12-03" in the office zone. */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = partsOf(iso);
  return `${parts.year}-${parts.month}-${parts.day}`;
}

/** "08:30" in the office zone. */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = partsOf(iso);
  return `${parts.hour}:${parts.minute}`;
}

/** The office-zone calendar date and time of an instant, as two-digit strings. */
export function partsOf(iso: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday', string> {
  const out: Record<string, string> = {};
  const fmt = formatter({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', weekday: 'short' });
  for (const part of fmt.formatToParts(new Date(iso))) out[part.type] = part.value;
  if (out.hour === '24') out.hour = '00';
  return out as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'weekday', string>;
}

/**
 * The instant of an office-zone wall time ("2026-12-03", "08:30"): the inverse of partsOf, for forms
 * that take a date and a time in the office's zone whatever the browser's zone is.
 */
export function officeInstant(date: string, time: string): string {
  const guess = new Date(`${date}T${time}:00Z`);
  const shown = partsOf(guess.toISOString());
  const shownMs = Date.UTC(+shown.year, +shown.month - 1, +shown.day, +shown.hour, +shown.minute);
  return new Date(guess.getTime() - (shownMs - guess.getTime())).toISOString();
}
