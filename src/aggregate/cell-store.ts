/**
 * Columnar, growable storage of aggregate cells: one row of counters per (series, minute), where a
 * series is an interned (provider, sourceIp, vmta, domain). A row has STRIDE logical counters (COL).
 *
 * Memory is what this layout is for (docs/performance.md "Memory"):
 * - the six totals of a row (attempts, delivered, deferred, bounced, queue failures, bytes) are dense,
 *   in fixed blocks of BLOCK_ROWS rows, so growing never copies them (a doubling array holds old and
 *   new copies at once: that copy was the peak of memory);
 * - the 27 per-class counters are sparse: most rows see one or two classes, if any, so they are kept as
 *   (row, column, count) entries in a hash table (~12 bytes an entry instead of 108 bytes a row);
 * - the (series, minute) → row index is one open-addressing table of row numbers whose keys are read
 *   back from `seriesOf`/`minuteOf` (no per-series Map).
 */
import { RESPONSE_CLASSES } from '../domain/response-class.js';

export const NCLASS = RESPONSE_CLASSES.length;
/** Column offsets within a row. */
export const COL = {
  attempts: 0,
  delivered: 1,
  deferred: 2,
  bounced: 3,
  queueFailures: 4,
  bytes: 5,
  deferredByClass: 6,
  queueFailuresByClass: 6 + NCLASS,
  bouncedByClass: 6 + 2 * NCLASS,
} as const;
export const STRIDE = 6 + 3 * NCLASS;
/** Dense columns per row (the totals); columns from DENSE on are per-class and sparse. */
export const DENSE = 6;

/** Rows per counter block (2^14 rows: 384 KB a block). */
export const BLOCK_BITS = 14;
export const BLOCK_ROWS = 1 << BLOCK_BITS;
export const BLOCK_MASK = BLOCK_ROWS - 1;

function slotHash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x85ebca6b);
  h ^= h >>> 16;
  return h;
}

/** Open-addressing index: slot -> entry + 1 (0 = empty), kept at most half full. */
function reindexed(size: number, count: number, hashOf: (e: number) => number): Int32Array<ArrayBuffer> {
  let n = size;
  while (count * 2 > n) n *= 2;
  const slots = new Int32Array(n);
  const mask = n - 1;
  for (let e = 0; e < count; e++) {
    let slot = hashOf(e) & mask;
    while (slots[slot] !== 0) slot = (slot + 1) & mask;
    slots[slot] = e + 1;
  }
  return slots;
}

export class CellStore {
  seriesOf: Int32Array = new Int32Array(1024);
  /** Epoch minutes (fit in 31 bits until the year 6053). */
  minuteOf: Int32Array = new Int32Array(1024);
  /**
   * The dense totals, DENSE per row, BLOCK_ROWS rows per block: row r is at blocks[r >>> BLOCK_BITS],
   * offset (r & BLOCK_MASK) * DENSE. 32-bit unsigned: a cell holds one minute of one series, far below
   * 2^32 records or bytes (4 GiB of mail in one minute from one IP to one domain).
   */
  readonly blocks: Uint32Array[] = [];
  rows = 0;
  #slots = new Int32Array(2048);
  /** Sparse per-class counters: entry -> row, column (from DENSE), count. */
  #classRow = new Int32Array(1024);
  #classCol = new Uint8Array(1024);
  #classN = new Uint32Array(1024);
  #classCount = 0;
  #classSlots = new Int32Array(2048);

  /** Row for (series, epoch minute), created empty when new. */
  row(series: number, epochMinute: number): number {
    const slots = this.#slots;
    const mask = slots.length - 1;
    let slot = slotHash(series, epochMinute) & mask;
    for (;;) {
      const at = slots[slot] as number;
      if (at === 0) break;
      const r = at - 1;
      if (this.seriesOf[r] === series && this.minuteOf[r] === epochMinute) return r;
      slot = (slot + 1) & mask;
    }
    const r = this.rows++;
    if (r >= this.seriesOf.length) this.#growKeys();
    if (r >>> BLOCK_BITS >= this.blocks.length) this.blocks.push(new Uint32Array(BLOCK_ROWS * DENSE));
    this.seriesOf[r] = series;
    this.minuteOf[r] = epochMinute;
    slots[slot] = r + 1;
    if (this.rows * 2 > slots.length) this.#slots = reindexed(slots.length * 2, this.rows, (e) => slotHash(this.seriesOf[e]!, this.minuteOf[e]!));
    return r;
  }

  /** The dense block holding row r (its totals at (r & BLOCK_MASK) * DENSE + column). */
  block(r: number): Uint32Array {
    return this.blocks[r >>> BLOCK_BITS] as Uint32Array;
  }

  /** Counter `col` of row r. */
  get(r: number, col: number): number {
    if (col < DENSE) return (this.blocks[r >>> BLOCK_BITS] as Uint32Array)[(r & BLOCK_MASK) * DENSE + col] as number;
    const e = this.#classEntry(r, col - DENSE);
    return e >= 0 ? (this.#classN[e] as number) : 0;
  }

  /** Adds n to counter `col` of row r. */
  add(r: number, col: number, n: number): void {
    if (col < DENSE) (this.blocks[r >>> BLOCK_BITS] as Uint32Array)[(r & BLOCK_MASK) * DENSE + col]! += n;
    else if (n !== 0) this.addClass(r, col - DENSE, n);
  }

  /** Adds n to per-class counter k (COL column minus DENSE) of row r. */
  addClass(r: number, k: number, n: number): void {
    const found = this.#classEntry(r, k);
    if (found >= 0) {
      this.#classN[found]! += n;
      return;
    }
    const slot = -found - 1;
    const slots = this.#classSlots;
    const e = this.#classCount++;
    if (e >= this.#classRow.length) this.#growClasses();
    this.#classRow[e] = r;
    this.#classCol[e] = k;
    this.#classN[e] = n;
    slots[slot] = e + 1;
    if (this.#classCount * 2 > slots.length) this.#reindexClasses(slots.length * 2);
  }

  /** Calls fn(row, column, count) for every non-zero per-class counter (column as in COL). */
  forEachClass(fn: (row: number, col: number, n: number) => void): void {
    for (let e = 0; e < this.#classCount; e++) fn(this.#classRow[e]!, this.#classCol[e]! + DENSE, this.#classN[e]!);
  }

  /** Every counter of row r, STRIDE values (not for loops over all rows: see allRows). */
  rowValues(r: number): number[] {
    const out = this.#denseValues(r);
    for (let col = DENSE; col < STRIDE; col++) out[col] = this.get(r, col);
    return out;
  }

  #denseValues(r: number): number[] {
    const out = new Array<number>(STRIDE).fill(0);
    const b = this.block(r);
    const base = (r & BLOCK_MASK) * DENSE;
    for (let i = 0; i < DENSE; i++) out[i] = b[base + i]!;
    return out;
  }

  /** Every row's STRIDE counters, in row order (per-class ones filled in one pass over the entries). */
  allRows(): number[][] {
    const out: number[][] = [];
    for (let r = 0; r < this.rows; r++) out.push(this.#denseValues(r));
    this.forEachClass((r, col, n) => {
      // rows past `rows` (a caller that hid them, see packAggregate) are left out
      if (r < out.length) out[r]![col] = n;
    });
    return out;
  }

  /** Drops every row before `epochMinute`, keeping the others in order. Returns the rows dropped. */
  dropBefore(epochMinute: number): number {
    const newRow = new Int32Array(this.rows).fill(-1);
    let w = 0;
    for (let r = 0; r < this.rows; r++) {
      const minute = this.minuteOf[r]!;
      if (minute < epochMinute) continue;
      newRow[r] = w;
      if (w !== r) {
        this.seriesOf[w] = this.seriesOf[r]!;
        this.minuteOf[w] = minute;
        const fb = (r & BLOCK_MASK) * DENSE;
        this.block(w).set(this.block(r).subarray(fb, fb + DENSE), (w & BLOCK_MASK) * DENSE);
      }
      w++;
    }
    const dropped = this.rows - w;
    for (let r = w; r < this.rows; r++) this.block(r).fill(0, (r & BLOCK_MASK) * DENSE, ((r & BLOCK_MASK) + 1) * DENSE);
    this.rows = w;
    this.blocks.length = (w + BLOCK_MASK) >>> BLOCK_BITS;
    this.#slots = reindexed(this.#slots.length, this.rows, (e) => slotHash(this.seriesOf[e]!, this.minuteOf[e]!));
    let k = 0;
    for (let e = 0; e < this.#classCount; e++) {
      const r = newRow[this.#classRow[e]!]!;
      if (r < 0) continue;
      this.#classRow[k] = r;
      this.#classCol[k] = this.#classCol[e]!;
      this.#classN[k] = this.#classN[e]!;
      k++;
    }
    this.#classCount = k;
    this.#reindexClasses(this.#classSlots.length);
    return dropped;
  }

  /** Every row's STRIDE counters as one array (a copy; for handing an aggregate to another thread). */
  flatData(): Uint32Array {
    const out = new Uint32Array(this.rows * STRIDE);
    for (let r = 0; r < this.rows; r++) {
      const b = this.block(r);
      const base = (r & BLOCK_MASK) * DENSE;
      for (let i = 0; i < DENSE; i++) out[r * STRIDE + i] = b[base + i]!;
    }
    this.forEachClass((r, col, n) => {
      out[r * STRIDE + col] = n;
    });
    return out;
  }

  /** Entry of (row r, class column k), or -(empty slot + 1) where it would go. */
  #classEntry(r: number, k: number): number {
    const slots = this.#classSlots;
    const mask = slots.length - 1;
    let slot = slotHash(r, k) & mask;
    for (;;) {
      const at = slots[slot] as number;
      if (at === 0) return -slot - 1;
      const e = at - 1;
      if (this.#classRow[e] === r && this.#classCol[e] === k) return e;
      slot = (slot + 1) & mask;
    }
  }

  #growKeys(): void {
    const n = this.seriesOf.length * 2;
    const s = new Int32Array(n);
    s.set(this.seriesOf);
    const m = new Int32Array(n);
    m.set(this.minuteOf);
    this.seriesOf = s;
    this.minuteOf = m;
  }

  #growClasses(): void {
    const n = this.#classRow.length * 2;
    const r = new Int32Array(n);
    r.set(this.#classRow);
    const c = new Uint8Array(n);
    c.set(this.#classCol);
    const v = new Uint32Array(n);
    v.set(this.#classN);
    this.#classRow = r;
    this.#classCol = c;
    this.#classN = v;
  }

  #reindexClasses(size: number): void {
    this.#classSlots = reindexed(size, this.#classCount, (e) => slotHash(this.#classRow[e]!, this.#classCol[e]!));
  }
}
