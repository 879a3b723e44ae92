import { normalizePhone } from './pii-cipher.js';

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

/**
 * Patterns that find unmasked ID numbers and mobile numbers inside any text (logs, invites,
 * exports). They are not global, so `.test()` is stateless; `redactPii` builds global copies.
 */
export const PII_PATTERNS: Readonly<{ idNumber: RegExp; mobile: RegExp }> = Object.freeze({
  /** 18-character resident ID: province digit, birth date 18xx–20xx, sequence, check char. */
  idNumber: /(?<![0-9A-Za-z])[1-9]\d{5}(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\d{3}[\dXx](?![0-9A-Za-z])/,
  /** Mainland mobile, optionally with +86/0086 and 3-4-4 spaces or dashes. */
  // Not next to a hex character either: UUIDs (case ids, correlation ids) hold runs such as
  // `…e186-8427-4495-…` that are shaped like a dashed mobile number.
  mobile: /(?<![0-9A-Fa-f])(?:(?:\+86|0086)[ -]?)?1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?![0-9A-Fa-f])/,
});

/** True when the text carries an unmasked ID number or mobile number. */
export function containsPii(text: string): boolean {
  return PII_PATTERNS.idNumber.test(text) || PII_PATTERNS.mobile.test(text);
}

/** Replace every ID number and mobile number in the text with its masked form. */
// Global copies, compiled once (String.prototype.replace resets lastIndex, so sharing them is safe).
const ID_NUMBER_ALL = new RegExp(PII_PATTERNS.idNumber.source, 'g');
const MOBILE_ALL = new RegExp(PII_PATTERNS.mobile.source, 'g');

export function redactPii(text: string): string {
  return text.replace(ID_NUMBER_ALL, (m) => maskIdNumber(m)).replace(MOBILE_ALL, (m) => maskPhone(m));
}
