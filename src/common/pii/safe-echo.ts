import { containsPii } from './masking.js';

/**
 * Error messages name what was wrong, never what was typed when it could be personal data
 * (issue 10, finding 8). A value the caller sent may be shown back only when it has the shape
 * the schema expects (an identifier, a unit code) and holds no ID number or mobile number;
 * otherwise the message says the same thing without it.
 */
export const ECHO_SHAPES = {
  /** A property name as the schema spells them: a short identifier, with `.`/`[n]` for paths. */
  fieldName: /^[A-Za-z][A-Za-z0-9_.[\]]{0,40}$/,
  /** A unit code of the directory (`LAC`, `HOUSING`). */
  unitCode: /^[A-Z][A-Z0-9_-]{1,31}$/,
} as const;

/** The value when it is safe to show back in an error message, else null. */
export function echoable(value: unknown, shape: RegExp): string | null {
  return typeof value === 'string' && shape.test(value) && !containsPii(value) ? value : null;
}
