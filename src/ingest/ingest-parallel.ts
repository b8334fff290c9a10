/**
 * ingest() on worker threads: src/accounting/ingest-parallel-ranges.ts reads the input in units, the
 * aggregate reducer (aggregate-reducer.ts) aggregates each unit, and here the units are merged in file
 * order, with three things a plain merge would get wrong put right:
 * - malformed-record lines: a unit that starts mid-file reports lines from its own start; they are
 *   shifted by the line feeds of the units before it;
 * - learned domain providers: checked by AttributionGuard; when a unit attributed a domain differently
 *   from a sequential read, the parallel result is dropped and
 *   the caller reads sequentially (null);
 * - a gzip segment that did not end where the next began: likewise.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Aggregator } from '../aggregate/aggregator.js';
import type { AggregateSnapshot } from '../aggregate/snapshot.js';
import { defaultWorkerUrl } from '../accounting/ingest-parallel.js';
import { DEFAULT_SPLIT_THRESHOLD, ingestRangesParallel } from '../accounting/ingest-parallel-ranges.js';
import { isRangeSummary, type ChainLink } from '../accounting/range-chain.js';
import type { InputFile } from '../accounting/read-types.js';
import { aggregateReducer, type AggregatePartial, type AggregateReducerOptions } from './aggregate-reducer.js';
import { AttributionGuard } from './attribution-guard.js';
import type { IngestOptions } from './ingest.js';
import { mergePacked } from './packed-snapshot.js';
import { trackingModel } from './tracking-model.js';
import { workerModelDir } from './worker-model.js';

export interface IngestParallelOptions {
  /** Worker threads. Default: the available cores, at most 4. 1 reads in this thread. */
  readonly workers?: number;
  /** Plain files from this size are cut into ranges, gzip files from 1/8 of it (default 32 MiB). */
  readonly splitThreshold?: number;
  /** Decompressed bytes per gzip segment (default 8 MiB). */
  readonly segmentSize?: number;
  /** Compiled range-worker module (tests run from TypeScript sources); default next to dist/. */
  readonly workerUrl?: URL;
  /** Compiled aggregate-reducer module; default next to this module in dist/. */
  readonly reducerUrl?: URL;
  /** Called when the parallel result was dropped and the input is read again in this thread. */
  readonly onFallback?: (reason: string) => void;
}

export interface ParallelPlan {
  readonly workers: number;
  readonly workerUrl: URL;
  readonly reducerUrl: URL;
  readonly modelDir: string | readonly string[] | null;
}

function defaultReducerUrl(): URL | null {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL('./aggregate-reducer.js', here);
  const compiled = new URL(here.replace(/\/src\/ingest\/[^/]+\.ts$/, '/dist/ingest/aggregate-reducer.js'));
  return existsSync(fileURLToPath(compiled)) ? compiled : null;
}

function rangeWorkerUrl(): URL | null {
  try {
    return defaultWorkerUrl('range-worker');
  } catch {
    return null;
  }
}

/** Whether and how to read in parallel; null = in this thread. */
export function parallelPlan(files: readonly InputFile[], options: IngestOptions): ParallelPlan | null {
  const p = options.parallel ?? {};
  // Opt-in: on this 2-core machine two threads read 2,000,000 records in 7.3 s against 4.0 s in one
  // thread, at 2.3× the memory (two busy threads get ~1.25× one thread's throughput here, and the merge
  // is extra work; docs/performance.md); one thread keeps peak memory to the aggregate.
  const workers = p.workers ?? 1;
  if (workers < 2 || files.length === 0) return null;
  const threshold = p.splitThreshold ?? DEFAULT_SPLIT_THRESHOLD;
  const total = files.reduce((n, f) => n + (f.gzip ? f.size * 8 : f.size), 0);
  const splittable = files.some((f) => (f.gzip ? f.size * 8 : f.size) >= threshold);
  if (!splittable && (files.length < 2 || total < threshold)) return null;
  const workerUrl = p.workerUrl ?? rangeWorkerUrl();
  const reducerUrl = p.reducerUrl ?? defaultReducerUrl();
  if (workerUrl === null || reducerUrl === null) return null;
  const modelDir = workerModelDir(options.model, options.modelDir);
  if (modelDir === undefined) return null;
  return { workers, workerUrl, reducerUrl, modelDir };
}

class Inexact extends Error {}

/** The parallel read merged in file order, or null when it is not provably the sequential result. */
export async function ingestInParallel(files: readonly InputFile[], options: IngestOptions, plan: ParallelPlan): Promise<Aggregator | null> {
  // The first range of a split first file is read here, straight into the result (one merge fewer).
  const { model: trackedModel, tracked } = trackingModel(options.model);
  const agg = new Aggregator(trackedModel);
  const guard = new AttributionGuard(options.model);
  const stop = new AbortController();
  const outer = options.signal;
  const onAbort = (): void => stop.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  if (outer?.aborted === true) stop.abort(outer.reason);
  const totalBytes = files.reduce((n, f) => n + f.size, 0);
  let bytes = 0;
  let records = 0;
  const reducerOptions: AggregateReducerOptions = {
    modelDir: plan.modelDir,
    ...(options.since === undefined ? {} : { since: options.since }),
    ...(options.until === undefined ? {} : { until: options.until }),
  };
  const p = options.parallel ?? {};
  const onLink = (link: ChainLink<AggregatePartial>): void => {
    const { packed, preLearning, unmatchedFirst } = link.partial;
    const verdict = guard.accept(packed.snapshot.domainProvider, preLearning, unmatchedFirst);
    if (verdict.inexact !== null) {
      stop.abort(new Inexact(`${link.file}: ${verdict.inexact}`));
      return;
    }
    if (link.partial.local === true) return;
    const snapshot: AggregateSnapshot = { ...packed.snapshot, domainProvider: verdict.domainProvider, malformedExamples: examplesWithLines(link) };
    mergePacked(agg, packed, snapshot);
  };
  let fallback: string | null = null;
  try {
    const result = await ingestRangesParallel<AggregatePartial>(
      files,
      {
        reducer: { module: plan.reducerUrl.href, exportName: 'createAggregateReducer', options: reducerOptions },
        workers: plan.workers,
        workerUrl: plan.workerUrl,
        signal: stop.signal,
        local: () => aggregateReducer(agg, tracked, reducerOptions, true),
        ...(p.splitThreshold === undefined ? {} : { splitThreshold: p.splitThreshold }),
        ...(p.segmentSize === undefined ? {} : { segmentSize: p.segmentSize }),
        onProgress: (b, r) => {
          bytes = Math.min(totalBytes, bytes + b);
          records += r;
          options.onProgress?.({ files: files.length, totalBytes, bytes, records });
        },
      },
      onLink,
    );
    if (!result.exact) fallback = result.reason ?? 'a gzip segment did not end where the next began';
  } catch (err) {
    if (!(stop.signal.reason instanceof Inexact) || outer?.aborted === true) throw err;
    fallback = stop.signal.reason.message;
  } finally {
    outer?.removeEventListener('abort', onAbort);
  }
  if (fallback !== null) {
    p.onFallback?.(fallback);
    return null;
  }
  for (const f of files) agg.addFile(f.path, 0);
  return agg;
}

/** The unit's malformed examples, with lines counted from the file's start. */
function examplesWithLines(link: ChainLink<AggregatePartial>): AggregateSnapshot['malformedExamples'] {
  const examples = link.partial.packed.snapshot.malformedExamples;
  const first = link.firstLine;
  if (first === null || !isRangeSummary(link.summary)) return examples;
  const lines = new Map(link.summary.malformedLines);
  return examples.map((e) => {
    const line = e.line === undefined && e.file === link.file ? lines.get(e.offset) : undefined;
    return line === undefined ? e : { ...e, line: first + line - 1 };
  });
}
