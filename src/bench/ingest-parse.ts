/**
 * Benchmark of the accounting reader alone: read + parse one file (plain or gzip) the way every
 * consumer does (readFileBatches, 1 MiB reads), optionally reading the fields an aggregator needs from
 * each record, and nothing else. Used by the bench harness; prints nothing.
 */
import { readFileBatches } from '../accounting/read-file-batches.js';
import type { AcctRecord } from '../domain/accounting-record.js';

/** Which record fields the benchmark reads after parsing. */
export type FieldTouch = 'none' | 'common';

export interface IngestParseOptions {
  /**
   * 'common' (default) reads what the aggregator reads from every record (type, timeLogged, rcpt,
   * dlvSourceIp, vmta, queue, dlvSize, and dsnStatus + dsnDiag + dsnMta of t/b/tq rows); 'none' only
   * counts the records the parser produced.
   */
  readonly touch?: FieldTouch;
  readonly chunkSize?: number;
}

export interface IngestParseResult {
  readonly file: string;
  /** Bytes of the file on disk (compressed bytes for gzip). */
  readonly bytes: number;
  readonly records: number;
  readonly malformed: number;
  readonly ms: number;
  readonly recordsPerSecond: number;
  /** MiB of the file on disk per second. */
  readonly mibPerSecond: number;
  /** Resident set size peak sampled at every batch (MiB). */
  readonly peakRssMib: number;
  readonly touch: FieldTouch;
}

/** Reads the fields an aggregator would; returns a number so that the work cannot be optimised away. */
function touchCommon(r: AcctRecord): number {
  let n = r.timeLogged & 1;
  switch (r.type) {
    case 'd':
    case 'b':
    case 't':
      n += r.rcpt.length + r.dlvSourceIp.length + r.vmta.length + r.queue.length + (r.dlvSize ?? 0);
      if (r.type !== 'd') n += r.dsnStatus.length + r.dsnDiag.length + r.dsnMta.length;
      return n;
    case 'tq':
      return n + r.queue.length + r.vmta.length + r.dlvSourceIp.length + r.dsnStatus.length + r.dsnDiag.length + r.dsnMta.length;
    case 'r':
    case 'f':
    case 'rb':
    case 'rs':
      return n + r.rcpt.length;
    default: {
      const never: never = r;
      return never;
    }
  }
}

export async function benchIngestParse(file: string, options: IngestParseOptions = {}): Promise<IngestParseResult> {
  const touch = options.touch ?? 'common';
  let records = 0;
  let malformed = 0;
  let sink = 0;
  let peakRss = process.memoryUsage.rss();
  const start = performance.now();
  const summary = await readFileBatches(file, options.chunkSize === undefined ? {} : { chunkSize: options.chunkSize }, (batch) => {
    records += batch.records.length;
    malformed += batch.malformed.length;
    if (touch === 'common') for (const r of batch.records) sink += touchCommon(r);
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
  });
  const ms = performance.now() - start;
  if (sink < 0) throw new Error('unreachable');
  return {
    file,
    bytes: summary.bytes,
    records,
    malformed,
    ms,
    recordsPerSecond: (records / ms) * 1000,
    mibPerSecond: (summary.bytes / 1024 / 1024 / ms) * 1000,
    peakRssMib: peakRss / 1024 / 1024,
    touch,
  };
}
