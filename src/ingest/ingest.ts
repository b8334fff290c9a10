/**
 * One-shot ingest of accounting files (files, directories, globs) into an Aggregator, with progress.
 * The IO edge used by `inspect`, `report` and `diff`.
 *
 * Large inputs are read on worker threads (ingest-parallel.ts in this folder): a large plain file is cut
 * into byte ranges, a large gzip file is inflated here and parsed in segments there, small files are
 * read whole, and the parts are merged in file order. The result is the one a single sequential read
 * gives (same cells, responses and summary); where that cannot be shown, the input is read again in
 * this thread. Small inputs, one worker, or no compiled worker: read in this thread.
 */
import { defaultIfEmpty, lastValueFrom, tap } from 'rxjs';
import { Aggregator } from '../aggregate/aggregator.js';
import { expandInputs } from '../accounting/expand-inputs.js';
import { readAccounting } from '../accounting/read-accounting.js';
import type { InputFile } from '../accounting/read-types.js';
import type { ProviderModel } from '../providers/types.js';
import { aggregateBatches, type TimeWindow } from './aggregate-batches.js';
import { ingestInParallel, parallelPlan, type IngestParallelOptions } from './ingest-parallel.js';

export type { IngestParallelOptions } from './ingest-parallel.js';

export interface IngestProgress {
  readonly files: number;
  readonly totalBytes: number;
  readonly bytes: number;
  readonly records: number;
}

export interface IngestOptions extends TimeWindow {
  readonly model: ProviderModel;
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: IngestProgress) => void;
  /**
   * Directories `model` was loaded from (as given to loadProviderModel), for the worker threads to load
   * the same model. Without it, workers are used only when `model` behaves like the shipped model.
   */
  readonly modelDir?: string | readonly string[];
  /** Parallel reading; default: up to 4 worker threads for inputs from 32 MiB. */
  readonly parallel?: IngestParallelOptions;
}

export async function ingest(paths: readonly string[], options: IngestOptions): Promise<Aggregator> {
  const files = await expandInputs(paths);
  return ingestFiles(files, options);
}

export async function ingestFiles(files: readonly InputFile[], options: IngestOptions): Promise<Aggregator> {
  const plan = parallelPlan(files, options);
  if (plan !== null) {
    const agg = await ingestInParallel(files, options, plan);
    if (agg !== null) return agg;
  }
  return ingestSequential(files, options);
}

/** Reads the files one after the other in this thread. */
export async function ingestSequential(files: readonly InputFile[], options: IngestOptions): Promise<Aggregator> {
  const aggregator = new Aggregator(options.model);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  let bytes = 0;
  let records = 0;
  const window: TimeWindow = {
    ...(options.since === undefined ? {} : { since: options.since }),
    ...(options.until === undefined ? {} : { until: options.until }),
  };
  // the aggregator is done with a batch's records when the batch has passed: read buffers are reused
  const read = { reuseBuffers: true, ...(options.signal === undefined ? {} : { signal: options.signal }) };
  const stream = readAccounting(files, read).pipe(aggregateBatches(aggregator, window));
  const onProgress = options.onProgress;
  await lastValueFrom(
    stream.pipe(
      tap((b) => {
        if (onProgress === undefined) return;
        bytes += b.bytes;
        records += b.records.length + b.malformed.length;
        onProgress({ files: files.length, totalBytes, bytes, records });
      }),
      defaultIfEmpty(null),
    ),
  );
  for (const f of files) aggregator.addFile(f.path, 0);
  return aggregator;
}
