import { describe, expect, it } from '@jest/globals';
import { findInputProblem, hasLoneSurrogate } from './input-hygiene.js';

describe('input hygiene', () => {
  it('finds lone surrogates of both halves and lets surrogate pairs through', () => {
    expect(['\ud800', 'a\udbffb', '\udc00', 'x\udfff', '\udc00\ud800'].map(hasLoneSurrogate)).toEqual([true, true, true, true, true]);
    expect(['😀', '𠀀汉字', '', 'plain', '\u202e'].map(hasLoneSurrogate)).toEqual([false, false, false, false, false]);
  });

  it('names the path of the first broken text, in values and keys', () => {
    expect(findInputProblem({ petitioner: { name: 'a\ud800' } })).toEqual({ kind: 'lone-surrogate', path: 'petitioner.name' });
    expect(findInputProblem({ list: ['ok', { note: '\udc00' }] })).toEqual({ kind: 'lone-surrogate', path: 'list[1].note' });
    expect(findInputProblem({ ['k\ud800']: 1 })).toEqual({ kind: 'lone-surrogate', path: '(body)' });
    expect(findInputProblem(['\ud800'])).toEqual({ kind: 'lone-surrogate', path: '[0]' });
  });

  it('never shows back a key that could be personal data or is not a field name: the path stops at its parent', () => {
    expect(findInputProblem({ petitioner: { '11010519491231002X': 'a\ud800' } })).toEqual({ kind: 'lone-surrogate', path: 'petitioner' });
    expect(findInputProblem({ 主题: { note: '\ud800' } })).toEqual({ kind: 'lone-surrogate', path: '(body)' });
    expect(findInputProblem(JSON.parse('{"13812345678":{"__proto__":{}}}'))).toEqual({ kind: 'forbidden-key', path: '(body)', key: '__proto__' });
  });

  it('finds prototype keys parsed from JSON at any depth', () => {
    expect(findInputProblem(JSON.parse('{"__proto__":{"x":1}}'))).toEqual({ kind: 'forbidden-key', path: '__proto__', key: '__proto__' });
    expect(findInputProblem(JSON.parse('{"a":[{"constructor":{"prototype":{}}}]}'))).toEqual({ kind: 'forbidden-key', path: 'a[0].constructor', key: 'constructor' });
    expect(findInputProblem(JSON.parse('{"prototype":1}'))).toMatchObject({ kind: 'forbidden-key', key: 'prototype' });
  });

  it('finds nothing in ordinary input, including a body of 100,000 values', () => {
    expect(findInputProblem({ subject: '物业费😀', n: 1, list: [null, true, { a: 'b' }] })).toBeNull();
    expect(findInputProblem(Array.from({ length: 100_000 }, (_, i) => ({ i })))).toBeNull();
    expect([findInputProblem(undefined), findInputProblem(null), findInputProblem('text')]).toEqual([null, null, null]);
  });
});
