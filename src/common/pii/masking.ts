import { normalizePhone } from './pii-cipher.js';
import { findPii } from './pii-detector.js';

/**
 * Masked forms of petitioners' personal data for everything shown outside the secretariat
 * (invites, briefs, exports, logs): 张*, 420***********1234, 138****5678, 湖北省十堰市茅箭区***.
 */

const LATIN = /^[A-Za-z]/;

/** `张三 → 张*`, `欧阳娜娜 → 欧***`, `Alice Smith → A***`; a one-character name becomes `*`. */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === '') return '';
  if (LATIN.test(trimmed)) return `${trimmed[0]}***`;
  const chars = Array.from(trimmed);
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** First 3 and last 4 characters kept, the rest starred, same length: `420***********1234`. */
export function maskIdNumber(id: string): string {
  const v = id.trim();
  if (v.length <= 8) return '*'.repeat(v.length);
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4);
}

/** Area codes of three digits (010, 020–029); all other area codes have four. */
function areaCodeLength(digits: string): number {
  return /^(?:10|2\d)/.test(digits.slice(1)) ? 3 : 4;
}

/**
 * Mobile `13812345678 → 138****5678`; landline keeps the area code and the last 3–4 digits
 * (`027-88881234 → 027-****1234`, `0719-8881234 → 0719-****234`); 400/800 numbers keep
 * the prefix and the last 3 digits. Anything else keeps only its last 2 digits.
 */
export function maskPhone(phone: string): string {
  const digits = normalizePhone(phone);
  if (/^1[3-9]\d{9}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (/^[48]00\d{7}$/.test(digits)) return `${digits.slice(0, 3)}****${digits.slice(7)}`;
  if (/^0[1-9]\d{8,10}$/.test(digits)) {
    const area = digits.slice(0, areaCodeLength(digits));
    const local = digits.slice(area.length);
    if (local.length >= 7 && local.length <= 8) {
      const keep = local.length - 4;
      return `${area}-${'*'.repeat(local.length - keep)}${local.slice(-keep)}`;
    }
  }
  if (digits.length <= 4) return '*'.repeat(digits.length);
  return '*'.repeat(digits.length - 2) + digits.slice(-2);
}

const ADMIN_PREFIX = new RegExp(
  '^' +
    '(?:[\\u4e00-\\u9fa5]{2,7}?(?:省|自治区|特别行政区))?' +
    '(?:[\\u4e00-\\u9fa5]{2,9}?(?:市|自治州|地区|盟))?' +
    '(?:[\\u4e00-\\u9fa5]{1,9}?(?:(?<![小社园景校街厂矿片])区|县|市|旗))?',
);

/**
 * Keep the administrative prefix down to the district/county level (区/县/县级市/旗) and
 * star the rest: `湖北省十堰市茅箭区北京中路 1 号 → 湖北省十堰市茅箭区***`. When no
 * administrative prefix is recognised the whole address is hidden (`***`).
 */
export function maskAddress(address: string): string {
  const trimmed = address.trim().replace(/\s+/g, '');
  const prefix = ADMIN_PREFIX.exec(trimmed)?.[0] ?? '';
  return `${prefix}***`;
}

/** Something that tells whether a text holds a kind of personal data (`.test(text)`, like a RegExp). */
export interface PiiPattern {
  test(text: string): boolean;
}

/**
 * Detectors of unmasked ID numbers and mobile numbers inside any text (logs, invites, exports,
 * free text); see `pii-detector.ts` for what they find and what they leave alone.
 */
export const PII_PATTERNS: Readonly<{ idNumber: PiiPattern; mobile: PiiPattern }> = Object.freeze({
  idNumber: { test: (text: string): boolean => findPii(text).some((m) => m.kind === 'idNumber') },
  mobile: { test: (text: string): boolean => findPii(text).some((m) => m.kind === 'mobile') },
});

/** True when the text carries an unmasked ID number or mobile number. */
export function containsPii(text: string): boolean {
  return findPii(text).length > 0;
}

/** Replace every ID number and mobile number in the text with its masked form (`420***********1232`, `138****1234`). */
export function redactPii(text: string): string {
  const found = findPii(text);
  if (found.length === 0) return text;
  let out = '';
  let at = 0;
  for (const m of found) {
    out += text.slice(at, m.start) + (m.kind === 'idNumber' ? maskIdNumber(m.value) : maskPhone(m.value));
    at = m.end;
  }
  return out + text.slice(at);
}
