import { hasIdNumberShape, hasIdNumberStructure } from './id-number.js';

/**
 * Finds resident ID numbers and mainland mobile numbers inside any text (free text typed by
 * the secretariat, log lines, paths, headers), by checksum and context rather than by
 * digit-run boundaries alone:
 *
 * - ID number: 17 digits + check character, optionally written 6-8-4 with spaces or dashes,
 *   never inside a longer digit run, with a province code and a real birth date (1900–2099).
 *   Standing on its own (`身份证 420302198507151232，`) that is enough, so an ID number with a
 *   typo is still hidden. Right next to a Latin letter (`ID420302198507151232`,
 *   `/cases/a420302198507151232`, a hex digest) it must also carry the right MOD 11-2 check
 *   character: that context is where identifiers and hex runs live.
 * - Mobile: `1[3-9]` + 9 digits, optionally `+86` / `0086` (with a space or dash) or a bare
 *   `86`, in 3-4-4 groups separated by spaces or dashes; a letter (including a–f) may stand
 *   right before it (`phone13872651234`), a digit may not; a run inside a machine token (letters on
 *   both sides, or a long hex-only token with other digits: MIME boundaries, digests) is not a number.
 * - Canonical UUIDs (8-4-4-4-12 hex: case ids, correlation ids) are skipped whole: a group
 *   such as `…e186-8427-4495-…` is shaped like a dashed mobile number but is not one.
 *
 * Full-width digits, letters, plus and dashes (`１３８７２６５１２３４`, typed with a Chinese
 * input method) are read as their ASCII forms; positions refer to the original text.
 */

export type PiiKind = 'idNumber' | 'mobile';

export interface PiiMatch {
  kind: PiiKind;
  /** UTF-16 offsets into the original text, end exclusive. */
  start: number;
  end: number;
  /** The value as read: the ID number's 18 characters (uppercase X), the mobile's 11 digits. */
  value: string;
}

const UUID = /(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])/g;

/** Candidate ID numbers: province digit, 5 more, birth year 18xx–20xx, month, day, sequence, check. */
const ID_CANDIDATE = /(?<![0-9])[1-9]\d{5}[ -]?(?:18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])[ -]?\d{3}[0-9Xx](?![0-9])/g;

const LATIN = /^[A-Za-z]$/;

/** Mobiles with an optional country code; not preceded by a digit or a plus, not followed by a digit. */
const MOBILE = /(?<![0-9+])(?:(?:\+86|0086)[ -]?|\((?:\+86|0086|86)\)[ -]?|86)?1[3-9]\d(?:[ -]?\d{4}){2}(?![0-9])/g;

const LOOK_ALIKE = /[\u00a0\u2010-\u2015\u2212\u3000\uff01-\uff5e]/;

/** Full-width and other look-alike characters mapped one-to-one (same length) to ASCII. */
function normalize(text: string): string {
  if (!LOOK_ALIKE.test(text)) return text;
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let mapped = code;
    if (code >= 0xff01 && code <= 0xff5e) mapped = code - 0xfee0; // full-width ASCII block: ０-９, Ａ-Ｚ, ＋, －, （ …
    else if (code === 0x3000 || code === 0x00a0) mapped = 0x20; // ideographic and no-break spaces
    else if ((code >= 0x2010 && code <= 0x2015) || code === 0x2212) mapped = 0x2d; // hyphens, dashes, minus
    if (mapped !== code) changed = true;
    out += String.fromCharCode(mapped);
  }
  return changed ? out : text;
}

/** Fewer than 11 digits cannot hold a mobile or an ID number: most texts stop here. */
function tooFewDigits(text: string): boolean {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19)) {
      if (++digits >= 11) return false;
    }
  }
  return true;
}

/** Every ID number and mobile number in the text, in order, not overlapping. */
export function findPii(text: string): PiiMatch[] {
  if (tooFewDigits(text)) return [];
  const plain = normalize(text);
  const taken: [number, number][] = [];
  for (const m of plain.matchAll(UUID)) taken.push([m.index, m.index + m[0].length]);
  const free = (start: number, end: number): boolean => taken.every(([s, e]) => end <= s || start >= e);

  const found: PiiMatch[] = [];
  scan(plain, ID_CANDIDATE, (start, end, raw) => {
    const id = raw.replace(/[ -]/g, '').toUpperCase();
    const nextToLetter = LATIN.test(plain[start - 1] ?? '') || LATIN.test(plain[end] ?? '');
    if (!free(start, end) || !(nextToLetter ? hasIdNumberStructure(id) : hasIdNumberShape(id))) return false;
    found.push({ kind: 'idNumber', start, end, value: id });
    taken.push([start, end]);
    return true;
  });
  scan(plain, MOBILE, (start, end, raw) => {
    if (!free(start, end) || insideRandomToken(plain, start, end)) return false;
    // The match ends with the 11 digits of the number; a country code before them is dropped.
    found.push({ kind: 'mobile', start, end, value: raw.replace(/\D/g, '').slice(-11) });
    return true;
  });
  return found.sort((a, b) => a.start - b.start);
}

const ALNUM = /^[A-Za-z0-9]$/;
const HEX_ONLY = /^[0-9A-Fa-f]+$/;

/**
 * A digit run inside a machine token rather than a number someone typed: letters on both sides
 * (`8b2f13812345678a9c`), or a long token of hex digits only with digits besides the run (a MIME
 * boundary, a digest, a message id). `phone13872651234` and `abc13872651234` are still numbers.
 */
function insideRandomToken(text: string, start: number, end: number): boolean {
  if (LATIN.test(text[end] ?? '') && ALNUM.test(text[start - 1] ?? '')) return true;
  let from = start;
  while (from > 0 && ALNUM.test(text[from - 1])) from--;
  let to = end;
  while (to < text.length && ALNUM.test(text[to])) to++;
  const token = text.slice(from, to);
  if (token.length < 16 || !HEX_ONLY.test(token)) return false;
  return /\d/.test(text.slice(from, start) + text.slice(end, to));
}

/** Runs a global pattern (synchronously, so sharing it is safe); a refused candidate is retried one character further on. */
function scan(text: string, pattern: RegExp, accept: (start: number, end: number, raw: string) => boolean): void {
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    if (!accept(m.index, m.index + m[0].length, m[0])) pattern.lastIndex = m.index + 1;
  }
}
