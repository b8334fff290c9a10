/**
 * Columnar, growable storage of aggregate cells: one row of numbers per (series, minute), where a
 * series is an interned (provider, sourceIp, vmta, domain). Keys are packed into one number.
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

export class CellStore {
  /** Row index per series, by epoch minute (small integers: fast keys). */
  private readonly index: (Map<number, number> | undefined)[] = [];
  seriesOf: Int32Array = new Int32Array(1024);
  /** Epoch minutes (fit in 31 bits until the year 6053). */
  minuteOf: Int32Array = new Int32Array(1024);
  /**
   * Counters, STRIDE per row. 32-bit unsigned: a cell holds one minute of one series, far below 2^32
   * records or bytes (4 GiB of mail in one minute from one IP to one domain).
   */
  data: Uint32Array = new Uint32Array(1024 * STRIDE);
  rows = 0;

  /** Row for (series, epoch minute), created empty when new. */
  row(series: number, epochMinute: number): number {
    let bySeries = this.index[series];
    if (bySeries === undefined) {
      bySeries = new Map();
      this.index[series] = bySeries;
    }
    let r = bySeries.get(epochMinute);
    if (r === undefined) {
      r = this.rows++;
      if (r >= this.seriesOf.length) this.grow();
      this.seriesOf[r] = series;
      this.minuteOf[r] = epochMinute;
      bySeries.set(epochMinute, r);
    }
    return r;
  }

  /** Drops every row before `epochMinute`, keeping the others in order. Returns the rows dropped. */
  dropBefore(epochMinute: number): number {
    let w = 0;
    for (let r = 0; r < this.rows; r++) {
      const minute = this.minuteOf[r]!;
      const series = this.seriesOf[r]!;
      if (minute < epochMinute) {
        this.index[series]?.delete(minute);
        continue;
      }
      if (w !== r) {
        this.seriesOf[w] = series;
        this.minuteOf[w] = minute;
        this.data.copyWithin(w * STRIDE, r * STRIDE, (r + 1) * STRIDE);
        this.index[series]!.set(minute, w);
      }
      w++;
    }
    const dropped = this.rows - w;
    this.data.fill(0, w * STRIDE, this.rows * STRIDE);
    this.rows = w;
    return dropped;
  }

  private grow(): void {
    // ×1.5, not ×2: the copy during growth is the peak of memory
    const n = Math.ceil(this.seriesOf.length * 1.5);
    const s = new Int32Array(n);
    s.set(this.seriesOf);
    const m = new Int32Array(n);
    m.set(this.minuteOf);
    const d = new Uint32Array(n * STRIDE);
    d.set(this.data);
    this.seriesOf = s;
    this.minuteOf = m;
    this.data = d;
  }
}
