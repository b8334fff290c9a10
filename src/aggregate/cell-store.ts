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
const MINUTE_BITS = 2 ** 26; // epoch minutes fit until year 2097

export class CellStore {
  /** Row index by packed key (series * 2^26 + epoch minute). */
  private readonly index = new Map<number, number>();
  seriesOf: Int32Array = new Int32Array(1024);
  minuteOf: Float64Array = new Float64Array(1024);
  data: Float64Array = new Float64Array(1024 * STRIDE);
  rows = 0;

  /** Row for (series, epoch minute), created empty when new. */
  row(series: number, epochMinute: number): number {
    const key = series * MINUTE_BITS + epochMinute;
    let r = this.index.get(key);
    if (r === undefined) {
      r = this.rows++;
      if (r >= this.seriesOf.length) this.grow();
      this.seriesOf[r] = series;
      this.minuteOf[r] = epochMinute;
      this.index.set(key, r);
    }
    return r;
  }

  private grow(): void {
    const n = this.seriesOf.length * 2;
    const s = new Int32Array(n);
    s.set(this.seriesOf);
    const m = new Float64Array(n);
    m.set(this.minuteOf);
    const d = new Float64Array(n * STRIDE);
    d.set(this.data);
    this.seriesOf = s;
    this.minuteOf = m;
    this.data = d;
  }
}
