/** Deepest nesting of arrays and objects any route accepts (a rule set with 12 nested `all` blocks is 28). */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const OPEN_OBJECT = 0x7b;
const CLOSE_ARRAY = 0x5d;
const CLOSE_OBJECT = 0x7d;

/**
 * True when the UTF-8 JSON text in `bytes` opens more than `limit` arrays/objects inside each other.
 * One pass over the raw bytes, before any parsing, stopping at the first level past the limit: brackets
 * inside strings (with their escapes) do not count, and no byte of a multi-byte UTF-8 character can be
 * a quote, a backslash or a bracket. Malformed text is left to the parser to refuse.
 */
export function exceedsJsonDepth(bytes: Uint8Array, limit: number = MAX_JSON_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (inString) {
      if (b === BACKSLASH) i++;
      else if (b === QUOTE) inString = false;
    } else if (b === QUOTE) {
      inString = true;
    } else if (b === OPEN_ARRAY || b === OPEN_OBJECT) {
      if (++depth > limit) return true;
    } else if (b === CLOSE_ARRAY || b === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}
