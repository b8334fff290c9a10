/**
 * Myers' O(ND) shortest edit script over lines (E. Myers, "An O(ND) Difference Algorithm and Its
 * Variations", 1986), after stripping the common prefix and suffix. Past `maxEdits` differences it
 * falls back to deleting and inserting the whole differing middle: still a correct diff, not minimal.
 */
export type DiffOp = { readonly kind: 'equal' | 'delete' | 'insert'; readonly text: string };

export function diffLines(a: readonly string[], b: readonly string[], maxEdits = 4000): DiffOp[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const head: DiffOp[] = a.slice(0, start).map((text) => ({ kind: 'equal', text }));
  const tail: DiffOp[] = a.slice(endA).map((text) => ({ kind: 'equal', text }));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  const middle = myers(midA, midB, maxEdits) ?? [...midA.map((text): DiffOp => ({ kind: 'delete', text })), ...midB.map((text): DiffOp => ({ kind: 'insert', text }))];
  return [...head, ...middle, ...tail];
}

function myers(a: readonly string[], b: readonly string[], maxEdits: number): DiffOp[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0) return b.map((text) => ({ kind: 'insert', text }));
  if (m === 0) return a.map((text) => ({ kind: 'delete', text }));
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      const down = k === -d || (k !== d && (v[offset + k - 1] ?? 0) < (v[offset + k + 1] ?? 0));
      let x = down ? (v[offset + k + 1] ?? 0) : (v[offset + k - 1] ?? 0) + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace, d);
    }
  }
  return null;
}

/** Walks the saved V arrays (trace[d] holds V for k in [-d-1, d+1] as it was before step d). */
function backtrack(a: readonly string[], b: readonly string[], trace: readonly Int32Array[], dEnd: number): DiffOp[] {
  const ops: DiffOp[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = dEnd; d > 0; d--) {
    const vPrev = trace[d] as Int32Array; // V after step d-1, indexed k + d + 1
    const at = (k: number): number => vPrev[k + d + 1] ?? 0;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: 'equal', text: a[x - 1] ?? '' });
      x--;
      y--;
    }
    if (down) ops.push({ kind: 'insert', text: b[y - 1] ?? '' });
    else ops.push({ kind: 'delete', text: a[x - 1] ?? '' });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    ops.push({ kind: 'equal', text: a[x - 1] ?? '' });
    x--;
    y--;
  }
  return ops.reverse();
}
