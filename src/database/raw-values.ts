/**
 * Values of raw query rows, which differ by driver: mysql2 (timezone 'Z') gives Dates and 0/1,
 * better-sqlite3 gives 'YYYY-MM-DD HH:MM:SS.SSS' text in UTC and 0/1.
 */
export function rawDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  // SQLite's own form first (a space at 10): the simulation reads two of these per case, 10^6 cases at a time.
  if (text.charCodeAt(10) === 32) return new Date(`${text.slice(0, 10)}T${text.slice(11)}Z`);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
}

export const rawBool = (value: unknown): boolean => value === true || Number(value) === 1;
