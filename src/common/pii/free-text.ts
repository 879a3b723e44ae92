import { redactPii } from './masking.js';

/**
 * The one redaction of free text for everyone who sees personal data masked (every role but
 * the secretariat and admins): a copy of a response in which every string, at any depth, has
 * its ID numbers and mobile numbers masked (`redactPii`). Subjects, contents, reasons, notes,
 * requirements, decisions, titles, locations, timeline data and rule-evaluation facts are all
 * covered without a list of fields to keep up to date; identifiers (UUIDs, case codes), times
 * and already-masked values pass unchanged because the detector leaves them alone.
 *
 * Keys of plain objects are redacted too (a report's `byRegion` is keyed by typed text). Only
 * arrays and plain objects are walked: class instances (`Date`, `Buffer`, streams, entities)
 * are returned as they are.
 */
export function redactFreeText<T>(value: T): T {
  return walk(value) as T;
}

function walk(value: unknown): unknown {
  if (typeof value === 'string') return redactPii(value);
  if (Array.isArray(value)) return value.map(walk);
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) out[redactPii(key)] = walk(inner);
  return out;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
