/**
 * Read many accounting files on several cores: each worker thread reads whole files, one at a time
 * (largest first), reduces their batches with the given reducer (batch-reducer.ts), and posts one
 * serialisable partial back; the caller merges the partials. With one worker or one file it reads in
 * this thread with the same reducer, so results never depend on the thread count.
 *
 * The worker is the compiled `ingest-worker.js` next to this module; when this module runs from its
 * TypeScript source (vitest), the default is the compiled copy in dist/ (npm run build), and tests pass
 * `workerUrl` to a freshly transpiled copy instead.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadReducer, type ReducerSpec } from './batch-reducer.js';
import { reduceFiles } from './reduce-files.js';
import type { FileSummary, InputFile } from './read-types.js';
import { finishOnWorkerLoss, readOptionsOf, unknownWorkerMessage } from './worker-plumbing.js';
import { deserializeError, type FromWorker, type ToWorker, type WorkerSetup } from './worker-protocol.js';

export interface ParallelOptions {
  readonly reducer: ReducerSpec;
  /** Worker threads. Default: the available cores, at most one per file. 1 reads in this thread. */
  readonly workers?: number;
  readonly chunkSize?: number;
  readonly maxRecordBytes?: number;
  readonly signal?: AbortSignal;
  /** Called as each file is finished (in completion order). */
  readonly onFile?: (summary: FileSummary) => void;
  /** Compiled worker module; default: see the module comment. */
  readonly workerUrl?: URL;
}

export interface ParallelResult<P> {
  /** One partial per worker (one in all when read in this thread). */
  readonly partials: P[];
  /** Per file totals, in the order the files were given. */
  readonly files: FileSummary[];
  /** Worker threads used (0 = read in this thread). */
  readonly workers: number;
}

/** The compiled worker module `name` (ingest-worker or range-worker) of src/accounting. */
export function defaultWorkerUrl(name: 'ingest-worker' | 'range-worker' = 'ingest-worker'): URL {
  const here = import.meta.url;
  if (here.endsWith('.js')) return new URL(`./${name}.js`, here);
  const compiled = new URL(here.replace(/\/src\/accounting\/[^/]+\.ts$/, `/dist/accounting/${name}.js`));
  if (!existsSync(fileURLToPath(compiled))) {
    throw new Error(`the compiled ingest worker ${fileURLToPath(compiled)} is missing: run 'npm run build' first`);
  }
  return compiled;
}

export async function ingestParallel<P>(inputs: readonly (string | InputFile)[], options: ParallelOptions): Promise<ParallelResult<P>> {
  const paths = inputs.map((f) => (typeof f === 'string' ? f : f.path));
  const sizes = new Map(inputs.map((f) => (typeof f === 'string' ? [f, 0] : [f.path, f.size])));
  const read = readOptionsOf(options);
  const count = Math.min(options.workers ?? availableParallelism(), paths.length);
  options.signal?.throwIfAborted();
  if (count <= 1) {
    const reducer = await loadReducer<P>(options.reducer);
    const { partial, files } = await reduceFiles(paths, reducer, { ...read, ...(options.signal ? { signal: options.signal } : {}) }, options.onFile);
    return { partials: [partial], files, workers: 0 };
  }
  const queue = [...new Set(paths)].sort((a, b) => (sizes.get(b) ?? 0) - (sizes.get(a) ?? 0));
  const setup: WorkerSetup = { reducer: options.reducer, ...read };
  return runWorkers<P>(options.workerUrl ?? defaultWorkerUrl(), count, setup, queue, paths, options);
}

function runWorkers<P>(url: URL, count: number, setup: WorkerSetup, queue: string[], paths: readonly string[], options: ParallelOptions): Promise<ParallelResult<P>> {
  return new Promise((resolve, reject) => {
    const summaries = new Map<string, FileSummary>();
    const partials: P[] = [];
    const workers: Worker[] = [];
    let settled = false;
    const finish = (err?: unknown): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', onAbort);
      for (const w of workers) void w.terminate();
      if (err !== undefined) reject(err instanceof Error ? err : new Error(String(err)));
      else resolve({ partials, files: paths.map((p) => summaries.get(p) as FileSummary), workers: count });
    };
    const onAbort = (): void => finish(options.signal?.reason ?? new Error('aborted'));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    for (let i = 0; i < count; i++) {
      const worker = new Worker(url, { workerData: setup });
      workers.push(worker);
      let done = false;
      const next = (): void => {
        const path = queue.shift();
        const message: ToWorker = path === undefined ? { type: 'finish' } : { type: 'file', path };
        worker.postMessage(message);
      };
      worker.on('message', (message: FromWorker) => {
        switch (message.type) {
          case 'ready':
            next();
            return;
          case 'file-done':
            summaries.set(message.summary.file, message.summary);
            options.onFile?.(message.summary);
            next();
            return;
          case 'result':
            done = true;
            partials.push(message.partial as P);
            if (partials.length === count) finish();
            return;
          case 'error':
            finish(deserializeError(message.error));
            return;
          default:
            finish(unknownWorkerMessage(message));
        }
      });
      finishOnWorkerLoss(worker, () => done, finish, 'ingest worker stopped', 'before sending its result');
    }
  });
}
