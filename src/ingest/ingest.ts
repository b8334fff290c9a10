/**
 * One-shot ingest of accounting files (files, directories, globs) into an Aggregator, with progress.
 * The IO edge used by `inspect`, `report` and `diff`.
 */
import { defaultIfEmpty, lastValueFrom, tap } from 'rxjs';
import { Aggregator } from '../aggregate/aggregator.js';
import { expandInputs } from '../accounting/expand-inputs.js';
import { readAccounting } from '../accounting/read-accounting.js';
import type { InputFile } from '../accounting/read-types.js';
import type { ProviderModel } from '../providers/types.js';
import { aggregateBatches, type TimeWindow } from './aggregate-batches.js';

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
}

export async function ingest(paths: readonly string[], options: IngestOptions): Promise<Aggregator> {
  const files = await expandInputs(paths);
  return ingestFiles(files, options);
}

export async function ingestFiles(files: readonly InputFile[], options: IngestOptions): Promise<Aggregator> {
  const aggregator = new Aggregator(options.model);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  let bytes = 0;
  let records = 0;
  const window: TimeWindow = {
    ...(options.since === undefined ? {} : { since: options.since }),
    ...(options.until === undefined ? {} : { until: options.until }),
  };
  const stream = readAccounting(files, options.signal === undefined ? {} : { signal: options.signal }).pipe(aggregateBatches(aggregator, window));
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
