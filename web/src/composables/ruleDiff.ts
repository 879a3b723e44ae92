/**
 * The side-by-side JSON of two rule-set versions: both pretty-printed, lines aligned by their longest
 * common subsequence, lines only on one side marked. (The diff in words comes from the API.)
 */

export interface DiffRow {
  left: string | null;
  right: string | null;
  /** 'same' on both sides; 'changed' a line replaced by another; 'removed' only left; 'added' only right. */
  kind: 'same' | 'changed' | 'removed' | 'added';
}

export function prettyBody(set: { note: string; precedence: readonly string[]; rules: readonly unknown[] }): string {
  return JSON.stringify({ note: set.note, precedence: set.precedence, rules: set.rules }, null, 2);
}

/** Lines aligned; above `limit` lines per side the alignment is skipped (each side shown whole as changed). */
export function sideBySide(left: string, right: string, limit = 4000): DiffRow[] {
  const a = left.split('\n');
  const b = right.split('\n');
  if (a.length > limit || b.length > limit) {
    return [...a.map((line): DiffRow => ({ left: line, right: null, kind: 'removed' })), ...b.map((line): DiffRow => ({ left: null, right: line, kind: 'added' }))];
  }
  // Trim the common head and tail, then an LCS table on the middle.
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const lcs: number[][] = Array.from({ length: midA.length + 1 }, () => new Array<number>(midB.length + 1).fill(0));
  for (let i = midA.length - 1; i >= 0; i--) {
    for (let j = midB.length - 1; j >= 0; j--) lcs[i][j] = midA[i] === midB[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  }
  const rows: DiffRow[] = a.slice(0, head).map((line) => ({ left: line, right: line, kind: 'same' }));
  let i = 0;
  let j = 0;
  while (i < midA.length || j < midB.length) {
    if (i < midA.length && j < midB.length && midA[i] === midB[j]) {
      rows.push({ left: midA[i], right: midB[j], kind: 'same' });
      i++;
      j++;
    } else if (i < midA.length && (j >= midB.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
      rows.push({ left: midA[i], right: null, kind: 'removed' });
      i++;
    } else {
      rows.push({ left: null, right: midB[j], kind: 'added' });
      j++;
    }
  }
  for (const line of a.slice(a.length - tail)) rows.push({ left: line, right: line, kind: 'same' });
  return paired(rows);
}

/** A run of removed lines followed by a run of added lines shares rows: the replacement reads side by side. */
function paired(rows: DiffRow[]): DiffRow[] {
  const out: DiffRow[] = [];
  let k = 0;
  while (k < rows.length) {
    if (rows[k].kind !== 'removed') {
      out.push(rows[k++]);
      continue;
    }
    const removed: string[] = [];
    while (k < rows.length && rows[k].kind === 'removed') removed.push(rows[k++].left ?? '');
    const added: string[] = [];
    while (k < rows.length && rows[k].kind === 'added') added.push(rows[k++].right ?? '');
    for (let n = 0; n < Math.max(removed.length, added.length); n++) {
      const left = n < removed.length ? removed[n] : null;
      const right = n < added.length ? added[n] : null;
      out.push({ left, right, kind: left !== null && right !== null ? 'changed' : left !== null ? 'removed' : 'added' });
    }
  }
  return out;
}

/** Only the changed rows with `context` unchanged rows around them; skipped stretches become one gap row (null/null). */
export function withContext(rows: readonly DiffRow[], context = 3): (DiffRow | null)[] {
  const keep = rows.map(() => false);
  rows.forEach((row, index) => {
    if (row.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(rows.length - 1, index + context); k++) keep[k] = true;
  });
  const shown: (DiffRow | null)[] = [];
  rows.forEach((row, index) => {
    if (keep[index]) shown.push(row);
    else if (shown.at(-1) !== null) shown.push(null);
  });
  return shown;
}
