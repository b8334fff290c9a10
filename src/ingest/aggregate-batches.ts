/**
 * The RxJS step of the pipeline: fold record batches into an Aggregator, one batch per emission.
 * Emits the aggregator after each batch (for progress and live views); the aggregator is mutated in
 * place, so emissions are cheap.
 */
import { type OperatorFunction, map } from 'rxjs';
import type { Aggregator } from '../aggregate/aggregator.js';
import type { AcctRecord } from '../domain/accounting-record.js';
import type { RecordBatch } from '../accounting/read-types.js';

export interface TimeWindow {
  /** Keep records at or after this time (epoch ms). */
  readonly since?: number;
  /** Keep records before this time (epoch ms). */
  readonly until?: number;
}

export function inWindow(records: readonly AcctRecord[], window: TimeWindow): readonly AcctRecord[] {
  const { since, until } = window;
  if (since === undefined && until === undefined) return records;
  return records.filter((r) => (since === undefined || r.timeLogged >= since) && (until === undefined || r.timeLogged < until));
}

export function aggregateBatches(aggregator: Aggregator, window: TimeWindow = {}): OperatorFunction<RecordBatch, RecordBatch> {
  return map((batch) => {
    aggregator.add(inWindow(batch.records, window));
    aggregator.addMalformed(batch.malformed);
    aggregator.addFile(batch.file, batch.bytes);
    return batch;
  });
}
