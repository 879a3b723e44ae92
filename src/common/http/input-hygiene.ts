/**
 * Checks on request input that no DTO can express, run once at the edge on every parsed JSON body and
 * query: text must be well-formed Unicode (a lone UTF-16 surrogate, `"\ud800"` in JSON, breaks
 * `encodeURIComponent`, mail headers and iCalendar folding further in), and no key may reach an object's
 * prototype (`__proto__`, `constructor`, `prototype`: no API field has such a name).
 */

import { ECHO_SHAPES, echoable } from '../pii/safe-echo.js';

export type InputProblem = { kind: 'lone-surrogate'; path: string } | { kind: 'forbidden-key'; path: string; key: string };

interface Path {
  text: string;
  /** an ancestor key could not be shown */
  hidden: boolean;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

/**
 * The path shown back in the error: a key is named only when it looks like a schema field and holds no
 * personal data (see safe-echo.ts); below a key that cannot be named, the path stays at its parent.
 */
function child(path: Path, key: string | number): Path {
  if (path.hidden) return path;
  if (typeof key === 'number') return { text: `${path.text}[${key}]`, hidden: false };
  if (echoable(key, ECHO_SHAPES.fieldName) === null) return { text: path.text, hidden: true };
  return { text: path.text ? `${path.text}.${key}` : key, hidden: false };
}

const shown = (path: Path): string => path.text || '(body)';

/**
 * The first problem found in `value` (a parsed JSON body or a query object), or null.
 * Iterative, so a deep value cannot exhaust the stack (bodies are also depth-limited before parsing).
 */
export function findInputProblem(value: unknown): InputProblem | null {
  const stack: { value: unknown; path: Path }[] = [{ value, path: { text: '', hidden: false } }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (hasLoneSurrogate(current)) return { kind: 'lone-surrogate', path: shown(path) };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: child(path, i) });
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', path: path.hidden ? shown(path) : path.text ? `${path.text}.${key}` : key, key };
        if (hasLoneSurrogate(key)) return { kind: 'lone-surrogate', path: shown(path) };
        stack.push({ value: (current as Record<string, unknown>)[key], path: child(path, key) });
      }
    }
  }
  return null;
}
