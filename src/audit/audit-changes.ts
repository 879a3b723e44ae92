import { redactFreeText } from '../common/pii/free-text.js';

/** One field of an audited change: its value before and after (`null` before a creation). */
export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
  /** The value is a secret (a password) and is never written: only that it changed. */
  hidden?: true;
}

/** Fields whose values never enter the audit trail, whatever entity they belong to. */
const SECRET_FIELDS = new Set(['password', 'passwordHash', 'tokenVersion', 'phone', 'idNumber', 'temporaryPassword']);

function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value === undefined ? null : value;
}

/**
 * The fields that differ between `before` (null for a creation) and `after`, in the order of `after`'s keys.
 * Only the keys present in `after` are compared (a PATCH body); secrets are named but never valued, and every
 * text has its ID and mobile numbers masked, so the trail can be shown to auditors as it is.
 */
export function fieldChanges(before: object | null, after: object, ignore: readonly string[] = []): FieldChange[] {
  const old = (before ?? {}) as Record<string, unknown>;
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(after)) {
    if (value === undefined || ignore.includes(field)) continue;
    const from = before ? comparable(old[field]) : null;
    const to = comparable(value);
    if (before && JSON.stringify(from) === JSON.stringify(to)) continue;
    if (SECRET_FIELDS.has(field)) changes.push({ field, from: null, to: null, hidden: true });
    else changes.push({ field, from: redactFreeText(from), to: redactFreeText(to) });
  }
  return changes;
}
