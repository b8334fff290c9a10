import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BLOCK_ROWS, CellStore, COL, DENSE, NCLASS, STRIDE } from '../../src/aggregate/cell-store.js';

/** Naive reference: rows in creation order, each (series, minute) with its STRIDE counters. */
class RefStore {
  readonly rows: { series: number; minute: number; values: number[] }[] = [];
  readonly index = new Map<string, number>();

  row(series: number, minute: number): number {
    const k = `${series},${minute}`;
    let r = this.index.get(k);
    if (r === undefined) {
      r = this.rows.length;
      this.rows.push({ series, minute, values: new Array<number>(STRIDE).fill(0) });
      this.index.set(k, r);
    }
    return r;
  }

  add(r: number, col: number, n: number): void {
    this.rows[r]!.values[col]! += n;
  }

  dropBefore(minute: number): number {
    const kept = this.rows.filter((x) => x.minute >= minute);
    const dropped = this.rows.length - kept.length;
    this.rows.length = 0;
    this.rows.push(...kept);
    this.index.clear();
    kept.forEach((x, i) => this.index.set(`${x.series},${x.minute}`, i));
    return dropped;
  }
}

/** Everything the store exposes, checked against the reference. */
function expectSame(store: CellStore, ref: RefStore): void {
  expect(store.rows).toBe(ref.rows.length);
  const expected = ref.rows.map((x) => x.values);
  expect(Array.from(store.seriesOf.subarray(0, store.rows))).toEqual(ref.rows.map((x) => x.series));
  expect(Array.from(store.minuteOf.subarray(0, store.rows))).toEqual(ref.rows.map((x) => x.minute));
  expect(store.allRows()).toEqual(expected);
  expect(Array.from(store.flatData())).toEqual(expected.flat());
  const byRowValues: number[][] = [];
  const byGet: number[][] = [];
  for (let r = 0; r < store.rows; r++) {
    byRowValues.push(store.rowValues(r));
    byGet.push(Array.from({ length: STRIDE }, (_, col) => store.get(r, col)));
  }
  expect(byRowValues).toEqual(expected);
  expect(byGet).toEqual(expected);
  // forEachClass gives each non-zero per-class counter once, with its column as in COL
  const seen = new Map<string, number>();
  const bad: string[] = [];
  store.forEachClass((r, col, n) => {
    const k = `${r},${col}`;
    if (col < DENSE || col >= STRIDE || r < 0 || r >= store.rows || seen.has(k)) bad.push(`${k}=${n}`);
    seen.set(k, n);
  });
  expect(bad).toEqual([]);
  const nonZero = new Map<string, number>();
  expected.forEach((values, r) => values.forEach((n, col) => col >= DENSE && n !== 0 && nonZero.set(`${r},${col}`, n)));
  expect(new Map([...seen].filter(([, n]) => n !== 0))).toEqual(nonZero);
  // and the (series, minute) index finds every row again without creating one
  expect(ref.rows.map((x) => store.row(x.series, x.minute))).toEqual(ref.rows.map((_, r) => r));
  expect(store.rows).toBe(ref.rows.length);
}

type Op =
  | { kind: 'row'; series: number; minute: number }
  | { kind: 'add'; pick: number; col: number; n: number }
  | { kind: 'addClass'; pick: number; k: number; n: number }
  | { kind: 'drop'; minute: number }
  | { kind: 'rows'; first: number; count: number; step: number; minute: number };

const MINUTE0 = Math.floor(Date.UTC(2026, 10, 28, 10, 0) / 60_000);

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('row' as const), series: fc.nat({ max: 12 }), minute: fc.integer({ min: MINUTE0, max: MINUTE0 + 30 }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('add' as const),
      pick: fc.nat(),
      // dense totals and every kind of per-class column, including the first and last of each group
      col: fc.oneof(
        fc.integer({ min: 0, max: STRIDE - 1 }),
        fc.constantFrom(COL.attempts, COL.bytes, COL.deferredByClass, COL.queueFailuresByClass - 1, COL.queueFailuresByClass, COL.bouncedByClass, STRIDE - 1),
      ),
      n: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 60_000 })),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('addClass' as const), pick: fc.nat(), k: fc.integer({ min: 0, max: 3 * NCLASS - 1 }), n: fc.integer({ min: 1, max: 9 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('drop' as const), minute: fc.integer({ min: MINUTE0 - 1, max: MINUTE0 + 31 }) }) },
);

function run(store: CellStore, ref: RefStore, ops: readonly Op[]): void {
  for (const o of ops) {
    switch (o.kind) {
      case 'row':
        expect(store.row(o.series, o.minute)).toBe(ref.row(o.series, o.minute));
        break;
      case 'add':
        if (ref.rows.length === 0) break;
        store.add(o.pick % ref.rows.length, o.col, o.n);
        ref.add(o.pick % ref.rows.length, o.col, o.n);
        break;
      case 'addClass':
        if (ref.rows.length === 0) break;
        store.addClass(o.pick % ref.rows.length, o.k, o.n);
        ref.add(o.pick % ref.rows.length, DENSE + o.k, o.n);
        break;
      case 'rows':
        // a burst of rows (thousands of series in one minute), each with a total and a class counter
        for (let i = 0; i < o.count; i++) {
          const series = (o.first + i * o.step) % 5000;
          const r = store.row(series, o.minute);
          const want = ref.row(series, o.minute);
          if (r !== want) throw new Error(`row(${series}, ${o.minute}) = ${r}, reference ${want}`);
          store.add(r, COL.delivered, 1);
          ref.add(r, COL.delivered, 1);
          store.addClass(r, i % (3 * NCLASS), 1);
          ref.add(r, DENSE + (i % (3 * NCLASS)), 1);
        }
        break;
      case 'drop':
        expect(store.dropBefore(o.minute)).toBe(ref.dropBefore(o.minute));
        expectSame(store, ref);
        break;
      default: {
        const never: never = o;
        throw new Error(`unknown op ${String(never)}`);
      }
    }
  }
}

describe('CellStore', () => {
  it('lays out the columns as the aggregator reads them', () => {
    expect(DENSE).toBe(6);
    expect(STRIDE).toBe(6 + 3 * NCLASS);
    expect([COL.deferredByClass, COL.queueFailuresByClass, COL.bouncedByClass]).toEqual([6, 6 + NCLASS, 6 + 2 * NCLASS]);
  });

  it('agrees with a naive Map of rows under random row/add/addClass/dropBefore sequences', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 250 }), (ops) => {
        const store = new CellStore();
        const ref = new RefStore();
        run(store, ref, ops);
        expectSame(store, ref);
      }),
      { numRuns: 200, seed: 20261129 },
    );
  });

  it('agrees with the reference through growth of the row index and the class table', () => {
    const burst = fc.record({
      kind: fc.constant('rows' as const),
      first: fc.nat({ max: 4999 }),
      count: fc.integer({ min: 100, max: 1500 }),
      step: fc.constantFrom(1, 7, 13),
      minute: fc.integer({ min: MINUTE0, max: MINUTE0 + 30 }),
    });
    fc.assert(
      fc.property(fc.array(fc.oneof({ weight: 1, arbitrary: burst }, { weight: 3, arbitrary: opArb }), { maxLength: 30 }), (ops) => {
        const store = new CellStore();
        const ref = new RefStore();
        run(store, ref, ops);
        expectSame(store, ref);
      }),
      { numRuns: 25, seed: 11 },
    );
  });

  it('keeps exactly the later rows, in order, with their per-class counters on dropBefore', () => {
    const store = new CellStore();
    const ref = new RefStore();
    // three series over minutes 0..9, interleaved as records arrive; per-class counters on some rows
    for (let m = 0; m < 10; m++) {
      for (const s of [5, 1, 9]) {
        const r = store.row(s, MINUTE0 + m);
        expect(ref.row(s, MINUTE0 + m)).toBe(r);
        for (const [col, n] of [
          [COL.attempts, 10 + m],
          [COL.deferred, s],
          [COL.bytes, 41_159 * (m + 1)],
          [COL.deferredByClass + (m % NCLASS), 1 + s],
          [COL.bouncedByClass + ((m + s) % NCLASS), 2],
          [COL.queueFailuresByClass + (s % NCLASS), m + 1],
        ] as const) {
          store.add(r, col, n);
          ref.add(r, col, n);
        }
      }
    }
    expectSame(store, ref);
    expect(store.dropBefore(MINUTE0 + 4)).toBe(12);
    expect(ref.dropBefore(MINUTE0 + 4)).toBe(12);
    expectSame(store, ref);
    expect(store.minuteOf[0]).toBe(MINUTE0 + 4);
    expect(store.seriesOf[0]).toBe(5);
    // the minute-4 row of series 9 kept its per-class counters (and nothing of the dropped rows leaked in)
    expect(store.rowValues(2)[COL.bouncedByClass + ((4 + 9) % NCLASS)]).toBe(2);
    expect(store.rowValues(2)[COL.deferredByClass + (4 % NCLASS)]).toBe(10);
    // rows added after a drop start from zero and the dropped keys are new rows
    const again = store.row(5, MINUTE0);
    expect(again).toBe(store.rows - 1);
    expect(store.rowValues(again)).toEqual(new Array<number>(STRIDE).fill(0));
    ref.row(5, MINUTE0);
    store.addClass(again, 0, 3);
    ref.add(again, DENSE, 3);
    expectSame(store, ref);
    // dropping nothing, then everything
    expect(store.dropBefore(MINUTE0 - 100)).toBe(0);
    expect(store.dropBefore(MINUTE0 + 1000)).toBe(19);
    expect(ref.dropBefore(MINUTE0 + 1000)).toBe(19);
    expectSame(store, ref);
    expect(store.allRows()).toEqual([]);
    expect(store.flatData().length).toBe(0);
  });

  it('spans several counter blocks (more than 2^14 rows) and drops across block boundaries', () => {
    const store = new CellStore();
    const n = 3 * BLOCK_ROWS + 1234;
    // series 0..999 over minutes, rows created in minute order as a day of traffic would
    const keyOf = (i: number): [number, number] => [i % 1000, MINUTE0 + Math.floor(i / 1000)];
    for (let i = 0; i < n; i++) {
      const [s, m] = keyOf(i);
      const r = store.row(s, m);
      if (r !== i) throw new Error(`row ${i} created as ${r}`);
      store.add(r, COL.attempts, 1 + (i % 97));
      store.add(r, COL.bytes, i);
      if (i % 3 === 0) store.addClass(r, COL.deferredByClass - DENSE + (i % NCLASS), 1 + (i % 5));
      if (i % 7 === 0) store.add(r, COL.bouncedByClass + (i % NCLASS), 2);
    }
    expect(store.rows).toBe(n);
    expect(store.blocks.length).toBe(4);
    const expectedRow = (i: number): number[] => {
      const v = new Array<number>(STRIDE).fill(0);
      v[COL.attempts] = 1 + (i % 97);
      v[COL.bytes] = i;
      if (i % 3 === 0) v[COL.deferredByClass + (i % NCLASS)] = 1 + (i % 5);
      if (i % 7 === 0) v[COL.bouncedByClass + (i % NCLASS)] = 2;
      return v;
    };
    const check = (first: number): void => {
      const all = store.allRows();
      const flat = store.flatData();
      expect(all.length).toBe(n - first);
      expect(flat.length).toBe((n - first) * STRIDE);
      const wrong: string[] = [];
      for (let r = 0; r < all.length; r++) {
        const want = expectedRow(first + r);
        const [s, m] = keyOf(first + r);
        if (store.seriesOf[r] !== s || store.minuteOf[r] !== m) wrong.push(`key of row ${r}`);
        if (all[r]!.some((x, c) => x !== want[c])) wrong.push(`allRows ${r}`);
        if (want.some((x, c) => flat[r * STRIDE + c] !== x)) wrong.push(`flatData ${r}`);
        if (r % 1009 === 0 && store.rowValues(r).some((x, c) => x !== want[c])) wrong.push(`rowValues ${r}`);
        if (r % 499 === 0 && store.row(s, m) !== r) wrong.push(`index ${r}`);
      }
      expect(wrong.slice(0, 5)).toEqual([]);
    };
    check(0);
    // drop the first 20 minutes (20 000 rows: one whole block and part of the next)
    expect(store.dropBefore(MINUTE0 + 20)).toBe(20_000);
    expect(store.rows).toBe(n - 20_000);
    expect(store.blocks.length).toBe(Math.ceil((n - 20_000) / BLOCK_ROWS));
    check(20_000);
    // growing again after the drop reuses and adds blocks with zeroed counters
    const before = store.rows;
    for (let i = 0; i < BLOCK_ROWS; i++) {
      const r = store.row(5000 + i, MINUTE0 + 99);
      expect(r === before + i).toBe(true);
    }
    expect(store.blocks.length).toBe(Math.ceil((before + BLOCK_ROWS) / BLOCK_ROWS));
    const all = store.allRows();
    expect(all.slice(before).every((v) => v.every((x) => x === 0))).toBe(true);
  });
});
