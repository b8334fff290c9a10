/**
 * An aggregate as a worker thread hands it over: the snapshot without its cell rows, plus the cell
 * store's own typed arrays, transferred (not copied) to the main thread. A snapshot's rows as arrays of
 * numbers cost ~80 MB of heap per 250,000 cells on both sides of the transfer; the typed arrays cost
 * nothing to move. The worker's Aggregator is unusable afterwards (its arrays are detached).
 */
import type { Aggregator } from '../aggregate/aggregator.js';
import { STRIDE } from '../aggregate/cell-store.js';
import type { AggregateSnapshot } from '../aggregate/snapshot.js';

export interface PackedAggregate {
  /** toSnapshot() without rows. */
  readonly snapshot: AggregateSnapshot;
  readonly rows: number;
  readonly seriesOf: Int32Array;
  readonly minuteOf: Int32Array;
  readonly data: Uint32Array;
}

const SLICE = 128 * 1024;

export function packAggregate(agg: Aggregator): PackedAggregate {
  const { store } = agg;
  const rows = store.rows;
  // toSnapshot() writes out every row as an array; with the count at 0 it writes none.
  store.rows = 0;
  let snapshot: AggregateSnapshot;
  try {
    snapshot = agg.toSnapshot();
  } finally {
    store.rows = rows;
  }
  return { snapshot, rows, seriesOf: store.seriesOf, minuteOf: store.minuteOf, data: store.flatData() };
}

export function packedTransferables(p: PackedAggregate): ArrayBuffer[] {
  return [p.seriesOf.buffer as ArrayBuffer, p.minuteOf.buffer as ArrayBuffer, p.data.buffer as ArrayBuffer];
}

/** Merges a packed aggregate (its snapshot may have been adjusted by the caller) into `agg`. */
export function mergePacked(agg: Aggregator, p: PackedAggregate, snapshot: AggregateSnapshot = p.snapshot): void {
  if (p.rows === 0) agg.merge(snapshot);
  for (let from = 0; from < p.rows; from += SLICE) {
    const n = Math.min(SLICE, p.rows - from);
    const rows: number[][] = new Array<number[]>(n);
    for (let i = 0; i < n; i++) {
      const r = from + i;
      const row = new Array<number>(2 + STRIDE);
      row[0] = p.seriesOf[r] as number;
      row[1] = p.minuteOf[r] as number;
      const base = r * STRIDE;
      for (let k = 0; k < STRIDE; k++) row[k + 2] = p.data[base + k] as number;
      rows[i] = row;
    }
    // The first slice goes with the rest of the snapshot: each merge call maps every series again.
    agg.merge({ ...(from === 0 ? snapshot : rowsOnly(snapshot)), rows });
  }
}

/** The interning tables of a snapshot and nothing else (merging it adds no counts). */
function rowsOnly(s: AggregateSnapshot): AggregateSnapshot {
  return {
    version: s.version,
    providers: s.providers,
    ips: s.ips,
    vmtas: s.vmtas,
    domains: s.domains,
    series: s.series,
    rows: [],
    responses: [],
    pairRows: [],
    domainProvider: [],
    recordsByType: {},
    malformedByReason: {},
    malformedExamples: [],
    files: [],
    bytes: 0,
    firstTime: null,
    lastTime: null,
  };
}
