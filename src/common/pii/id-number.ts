import { localTime } from '../time/zoned-time.js';
import { normalizeIdNumber } from './pii-cipher.js';

/**
 * Resident identity card number (居民身份证号码), GB 11643-1999: 6-digit address code,
 * 8-digit birth date, 3-digit sequence, 1 check character (ISO 7064 MOD 11-2).
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'] as const;

/** Leading two digits of the address code: provinces, autonomous regions, municipalities, Taiwan, Hong Kong, Macao. */
export const PROVINCE_CODES: ReadonlySet<string> = new Set([
  '11', '12', '13', '14', '15',
  '21', '22', '23',
  '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46',
  '50', '51', '52', '53', '54',
  '61', '62', '63', '64', '65',
  '71', '81', '82',
]);

/** The check character for the first 17 digits (ISO 7064 MOD 11-2). */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += WEIGHTS[i] * Number(first17[i]);
  return CHECK_CHARS[sum % 11];
}

/**
 * True for a well-formed 18-character resident ID number: valid province code, a real
 * birth date from 1900 up to today (in Asia/Shanghai), and a matching check character.
 * Surrounding spaces and a lowercase `x` are accepted (see `normalizeIdNumber`).
 */
export function isValidIdNumber(value: string, now: Date = new Date()): boolean {
  const id = normalizeIdNumber(value);
  if (!hasIdNumberStructure(id)) return false;
  // Plain string comparison of YYYY-MM-DD dates: no birth date after today (Asia/Shanghai).
  return birthDateOf(id) <= localTime(now, 'Asia/Shanghai').date;
}

/**
 * The clock-free part of `isValidIdNumber`, for finding ID numbers inside text: 17 digits and
 * a check character (uppercase `X`), a province code, a real birth date in 1900–2099 and a
 * matching ISO 7064 MOD 11-2 check character. A random 18-digit run passes about once in 40,000.
 */
export function hasIdNumberStructure(id: string): boolean {
  return hasIdNumberShape(id) && idNumberCheckChar(id.slice(0, 17)) === id[17];
}

/** `hasIdNumberStructure` without the check character: what an ID number with a typo in it still looks like. */
export function hasIdNumberShape(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return false;
  const year = Number(id.slice(6, 10));
  if (year < 1900 || year > 2099) return false;
  return isCalendarDate(birthDateOf(id));
}

const birthDateOf = (id: string): string => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

/** True when `YYYY-MM-DD` names a day that exists (no 02-30, no 13th month). */
function isCalendarDate(iso: string): boolean {
  const ms = Date.parse(`${iso}T00:00:00Z`);
  return !Number.isNaN(ms) && new Date(ms).toISOString().slice(0, 10) === iso;
}
