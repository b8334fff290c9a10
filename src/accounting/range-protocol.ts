/**
 * Messages between the range-parallel coordinator (ingest-parallel-ranges.ts) and its worker threads
 * (range-worker.ts).
 *
 * main → worker: workerData = RangeWorkerSetup; then one task at a time (`range`, `segment`, `whole`)
 * and `close` at the end.
 * worker → main: `ready` once the reducer factory is loaded; `progress` after each batch; `done` with
 * the unit's partial after each task; `error` (then the worker stops).
 */
import type { ReducerSpec } from './batch-reducer.js';
import type { RangeStart, RangeSummary } from './range-types.js';
import type { FileSummary } from './read-types.js';
import type { SerializedError } from './worker-protocol.js';

export interface RangeWorkerSetup {
  readonly reducer: ReducerSpec;
  readonly chunkSize?: number;
  readonly maxRecordBytes?: number;
}

export type RangeTask =
  /** A byte range of a plain file: the worker reads it. */
  | { readonly type: 'range'; readonly id: number; readonly unit: RangeStart }
  /** A segment of a decompressed gzip stream, handed over (transferred). */
  | {
      readonly type: 'segment';
      readonly id: number;
      readonly unit: RangeStart;
      readonly bytes: Uint8Array;
      readonly rawBytes: number;
      readonly truncated: boolean;
    }
  /** A whole file (plain or gzip). */
  | { readonly type: 'whole'; readonly id: number; readonly file: string };

export type ToRangeWorker = RangeTask | { readonly type: 'close' };

export type FromRangeWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'progress'; readonly bytes: number; readonly records: number }
  | { readonly type: 'done'; readonly id: number; readonly partial: unknown; readonly summary: RangeSummary | FileSummary }
  | { readonly type: 'error'; readonly error: SerializedError };
