/**
 * Checks on request input that no DTO can express, run once at the edge on every parsed JSON body and
 * query: text must be well-formed Unicode (a lone UTF-16 surrogate, `"\ud800"` in JSON, breaks
 * `encodeURIComponent`, mail headers and iCalendar folding further in), and no key may reach an object's
 * prototype (`__proto__`, `constructor`, `prototype`: no API field has such a name).
 */

export type InputProblem = { kind: 'lone-surrogate'; path: string } | { kind: 'forbidden-key'; path: string; key: string };

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export const hasLoneSurrogate = (text: string): boolean => LONE_SURROGATE.test(text);

const child = (path: string, key: string | number): string =>
  typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;

/**
 * The first problem found in `value` (a parsed JSON body or a query object), or null.
 * Iterative, so a deep value cannot exhaust the stack (bodies are also depth-limited before parsing).
 */
export function findInputProblem(value: unknown): InputProblem | null {
  const stack: { value: unknown; path: string }[] = [{ value, path: '' }];
  while (stack.length) {
    const { value: current, path } = stack.pop()!;
    if (typeof current === 'string') {
      if (hasLoneSurrogate(current)) return { kind: 'lone-surrogate', path: path || '(body)' };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], path: child(path, i) });
    } else if (typeof current === 'object' && current !== null) {
      const keys = Object.keys(current);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        if (FORBIDDEN_KEYS.has(key)) return { kind: 'forbidden-key', path: child(path, key), key };
        if (hasLoneSurrogate(key)) return { kind: 'lone-surrogate', path: path || '(body)' };
        stack.push({ value: (current as Record<string, unknown>)[key], path: child(path, key) });
      }
    }
  }
  return null;
}
