import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines } from '../../src/config/line-diff.js';

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = dp[i] as number[];
      row[j] = a[i - 1] === b[j - 1] ? (dp[i - 1]?.[j - 1] ?? 0) + 1 : Math.max(dp[i - 1]?.[j] ?? 0, row[j - 1] ?? 0);
    }
  }
  return dp[a.length]?.[b.length] ?? 0;
}

const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', '  x'), { maxLength: 30 });

describe('diffLines (Myers)', () => {
  it('property: the script turns a into b and keeps a longest common subsequence', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const ops = diffLines(a, b);
        const fromA = ops.filter((o) => o.kind !== 'insert').map((o) => o.text);
        const toB = ops.filter((o) => o.kind !== 'delete').map((o) => o.text);
        const equal = ops.filter((o) => o.kind === 'equal').length;
        return JSON.stringify(fromA) === JSON.stringify(a) && JSON.stringify(toB) === JSON.stringify(b) && equal === lcsLength(a, b);
      }),
      { numRuns: 500 },
    );
  });

  it('falls back to a correct (not minimal) script past the edit limit', () => {
    const a = ['1', '2', '3', '4', 'x', '5'];
    const b = ['6', '7', 'x', '8', '9'];
    const ops = diffLines(a, b, 1);
    expect(ops.filter((o) => o.kind !== 'insert').map((o) => o.text)).toEqual(a);
    expect(ops.filter((o) => o.kind !== 'delete').map((o) => o.text)).toEqual(b);
  });

  it('finds a single inserted line in a long file', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `line ${i}`);
    const b = [...a.slice(0, 2500), 'new', ...a.slice(2500)];
    const ops = diffLines(a, b);
    expect(ops.filter((o) => o.kind !== 'equal')).toEqual([{ kind: 'insert', text: 'new' }]);
  });
});
