import { describe, expect, it } from 'vitest';
import { prettyBody, sideBySide, withContext } from './ruleDiff';

describe('side-by-side JSON', () => {
  it('aligns equal lines and shows a changed value on one row, old left and new right', () => {
    const rows = sideBySide('{\n  "value": 5,\n  "x": 1\n}', '{\n  "value": 10,\n  "x": 1\n}');
    expect(rows).toEqual([
      { left: '{', right: '{', kind: 'same' },
      { left: '  "value": 5,', right: '  "value": 10,', kind: 'changed' },
      { left: '  "x": 1', right: '  "x": 1', kind: 'same' },
      { left: '}', right: '}', kind: 'same' },
    ]);
  });

  it('keeps inserted and deleted lines in place, pairing what it can', () => {
    expect(sideBySide('a\nc', 'a\nb\nc').map((r) => r.kind)).toEqual(['same', 'added', 'same']);
    expect(sideBySide('a\nb\nc\nd', 'a\nx\nd')).toEqual([
      { left: 'a', right: 'a', kind: 'same' },
      { left: 'b', right: 'x', kind: 'changed' },
      { left: 'c', right: null, kind: 'removed' },
      { left: 'd', right: 'd', kind: 'same' },
    ]);
  });

  it('prints the body of a set (note, precedence, rules)', () => {
    expect(JSON.parse(prettyBody({ note: 'n', precedence: ['normal'], rules: [{ name: 'r' }] }))).toEqual({ note: 'n', precedence: ['normal'], rules: [{ name: 'r' }] });
  });

  it('shows changes with context and folds long unchanged stretches', () => {
    const left = Array.from({ length: 20 }, (_, i) => `line ${i}`).join('\n');
    const right = left.replace('line 10', 'line ten');
    const shown = withContext(sideBySide(left, right), 2);
    expect(shown[0]).toBeNull();
    expect(shown.filter((r) => r !== null).map((r) => `${r!.left}|${r!.right}`)).toEqual(['line 8|line 8', 'line 9|line 9', 'line 10|line ten', 'line 11|line 11', 'line 12|line 12']);
    expect(shown.at(-1)).toBeNull();
  });
});
